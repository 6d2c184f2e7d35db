"""The site's size limits: a press release or a deliveries file over them is refused with a Russian message
naming the console command (below them, long work runs in a worker, see ortaq/jobs)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_text_over_the_web_limit_is_refused_before_reading(client_as, users, settings):
    settings.ORTAQ_WEB_TEXT_LIMIT = 2_000
    response = client_as(users.karaganda).post(reverse("reader:document_create"),
                                               {"text": "Аким провёл встречу. " * 200})
    page = response.content.decode()
    assert "предел — 2 000" in page and "ortaq ingest" in page


def test_a_text_within_the_limit_is_read(client_as, users, settings):
    settings.ORTAQ_WEB_TEXT_LIMIT = 2_000
    response = client_as(users.karaganda).post(reverse("reader:document_create"),
                                               {"text": "Аким Карагандинской области провёл встречу."})
    assert response.status_code == 302


def test_a_deliveries_file_over_the_web_limit_is_refused(client_as, users, settings):
    settings.ORTAQ_WEB_IMPORT_MB = 1
    content = b"bin,name\n" + b"123456789013,x\n" * 80_000
    response = client_as(users.karaganda).post(reverse("foodbelt:import_deliveries"),
                                               {"file": SimpleUploadedFile("big.csv", content)})
    page = response.content.decode()
    assert response.status_code == 200 and "больше 1 МБ" in page and "ortaq import-deliveries" in page


def test_the_default_limits_take_the_documented_sizes():
    from django.conf import settings

    from ortaq.extraction import MAX_TEXT_CHARS

    assert settings.ORTAQ_WEB_TEXT_LIMIT == MAX_TEXT_CHARS == 1_000_000 and settings.ORTAQ_WEB_IMPORT_MB == 200

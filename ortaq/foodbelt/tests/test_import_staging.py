"""A file staged between preview and confirmation is deleted once imported, refused or abandoned; types by content."""

import io
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortaq.foodbelt import staging as staging_files
from ortaq.foodbelt.models import Delivery
from ortaq.foodbelt.tests.test_import_deliveries import CLEAN, _csv, farms  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
URL = reverse("foodbelt:import_deliveries")


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path / "staging" / "foodbelt"


def staged(staging) -> list[str]:
    return sorted(path.name for path in staging.iterdir()) if staging.exists() else []


def upload(client, content: bytes, name: str = "deliveries.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)}, follow=True)


def test_the_staged_file_is_deleted_after_the_import(farms, users, client_as, staging):  # noqa: F811
    client = client_as(users.karaganda)
    preview = upload(client, _csv(farms, *CLEAN))
    token = preview.context["token"]
    assert staged(staging) in ([token], [token, f"{token}.rows"])  # PostgreSQL: with the rows the check kept
    client.post(URL, {"token": token, "file_name": "deliveries.csv"}, follow=True)
    assert Delivery.objects.filter(document_number="ТТН-1").exists()
    assert staged(staging) == []


def test_a_file_refused_at_preview_is_not_kept(farms, users, client_as, staging):  # noqa: F811
    response = upload(client_as(users.karaganda), _csv(farms, "{a},,caviar,2018-03-01,1,100,KZ-71,,E-3"))
    assert response.status_code == 422
    assert staged(staging) == []


def test_an_unreadable_spreadsheet_is_not_kept(users, client_as, staging):
    response = upload(client_as(users.karaganda), b"PK\x03\x04 broken", "deliveries.xlsx")
    assert response.status_code == 200 and response.context["form"].errors
    assert staged(staging) == []


def test_a_file_refused_at_confirmation_is_deleted(farms, users, client_as, staging):  # noqa: F811
    client = client_as(users.karaganda)
    preview = upload(client, _csv(farms, *CLEAN))
    # Between the preview and the confirmation another import takes one of the document numbers.
    other = upload(client, _csv(farms, CLEAN[0].replace("12,5", "13")))
    client.post(URL, {"token": other.context["token"], "file_name": "other.csv"}, follow=True)
    response = client.post(URL, {"token": preview.context["token"], "file_name": "deliveries.csv"}, follow=True)
    assert response.status_code == 422
    assert staged(staging) == []


def test_an_abandoned_preview_is_swept_a_day_later(farms, users, client_as, staging):  # noqa: F811
    client = client_as(users.karaganda)
    abandoned = upload(client, _csv(farms, *CLEAN)).context["token"]
    day_ago = time.time() - staging_files.STAGED_FOR - 60
    os.utime(staging / abandoned, (day_ago, day_ago))
    upload(client, _csv(farms, CLEAN[1]))
    assert abandoned not in staged(staging)


@pytest.mark.parametrize("name, content", [
    ("deliveries.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256))),
    ("deliveries.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ("deliveries.csv", b"\x00\x01\x02binary\x00"),
])
def test_an_import_is_judged_by_its_content_not_its_name(users, client_as, staging, name, content):
    response = upload(client_as(users.karaganda), content, name)
    assert response.status_code == 200
    assert "Нужен файл CSV или XLSX" in response.content.decode()
    assert staged(staging) == []


def test_a_spreadsheet_named_csv_is_read_as_a_spreadsheet(farms, users, client_as, staging):  # noqa: F811
    from openpyxl import Workbook

    from ortaq.foodbelt.importer import template_headers

    workbook = Workbook()
    workbook.active.append(template_headers())
    workbook.active.append([farms[0].organization.bin, None, "dairy", "2018-03-01", 1, 100, "KZ-71", None, "X-9"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = upload(client_as(users.karaganda), buffer.getvalue(), "deliveries.csv")
    assert preview.context["result"].ok, preview.context["result"].errors
    assert preview.context["token"].endswith(".xlsx")

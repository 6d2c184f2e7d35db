"""Uploaded files: allowed kinds checked by content; served only through a permission check, always as a download."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from ortaq.agreements.forms import AgreementForm
from ortaq.agreements.tests.factories import agreement
from ortaq.core.media import file_fields
from ortaq.core.uploads import AllowedContent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
HTML = b"<html><body><script>fetch('/admin/').then(r => r.text())</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def memo(demo):
    return agreement("Меморандум о туризме", demo.astana, demo.karaganda)


def form_with(memo, name: str, data: bytes) -> AgreementForm:
    fields = {"kind": memo.kind, "title": memo.title, "signed_on": "2024-05-01", "status": memo.status,
              "version": memo.version}
    return AgreementForm(fields, {"document_file": SimpleUploadedFile(name, data)}, instance=memo)


def test_every_file_field_checks_its_content():
    for model, name in file_fields():
        validators = model._meta.get_field(name).validators
        assert any(isinstance(validator, AllowedContent) for validator in validators), (model, name)


@pytest.mark.parametrize("name, data", [("memo.pdf", HTML), ("memo.html", HTML), ("scan.png", SVG),
                                        ("scan.svg", SVG), ("memo.docx", b"PK\x03\x04 broken zip"),
                                        ("memo.pdf", b"MZ\x90\x00 a program")])
def test_an_agreement_document_of_another_kind_is_refused_whatever_its_name(memo, name, data):
    form = form_with(memo, name, data)
    assert not form.is_valid()
    assert "document_file" in form.errors
    message = " ".join(form.errors["document_file"])
    assert "можно загрузить только" in message or "повреждён" in message


@pytest.mark.parametrize("name, data", [("memo.pdf", PDF), ("scan.png", PNG), ("plan.xlsx", xlsx()),
                                        ("скан без расширения", PDF)])
def test_an_agreement_document_of_an_allowed_kind_is_accepted(memo, name, data):
    form = form_with(memo, name, data)
    assert form.is_valid(), form.errors


def stored(memo, name: str, data: bytes) -> str:
    memo.document_file.save(name, ContentFile(data), save=False)
    type(memo).objects.filter(pk=memo.pk).update(document_file=memo.document_file.name)
    return "/media/" + memo.document_file.name


def test_a_file_is_served_as_a_download_that_nothing_can_run(memo, users, client_as):
    url = stored(memo, "memo.pdf", PDF)
    response = client_as(users.viewer).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("name, data", [("memo.html", HTML), ("logo.svg", SVG)])
def test_an_html_or_svg_file_stored_earlier_is_never_served_as_a_page(memo, users, client_as, name, data):
    url = stored(memo, name, data)
    response = client_as(users.admin).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_belonging_to_no_record_is_not_served(users, client_as, media_root):
    (media_root / "agreements").mkdir(parents=True)
    (media_root / "agreements" / "orphan.pdf").write_bytes(PDF)
    assert client_as(users.admin).get("/media/agreements/orphan.pdf").status_code == 404


@pytest.mark.parametrize("path", ["/media/../secret_key", "/media/%2e%2e/secret_key", "/media//etc/passwd"])
def test_a_path_outside_media_is_not_served(users, client_as, path):
    assert client_as(users.admin).get(path).status_code == 404


def test_anonymous_visitors_sign_in_first_when_reading_is_closed(memo, client, settings):
    url = stored(memo, "memo.pdf", PDF)
    settings.ORTAQ_ANONYMOUS_READ = False
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_replaced_file_is_still_served_from_the_history(memo, users, client_as):
    old = stored(memo, "first.pdf", PDF)
    memo.refresh_from_db()
    memo.save()  # history row holding the first file
    stored(memo, "second.pdf", PDF)
    assert client_as(users.viewer).get(old).status_code == 200

"""Bad input gets a clear message and nothing half-stored: empty, binary, cp1251, HTML, over 1 MB."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from ortaq.extraction import MAX_TEXT_CHARS
from ortaq.reader.models import Proposal, Reading
from ortaq.reader.tests.texts import PAVLODAR, SHORT
from ortaq.sources.models import Document

BINARY = bytes(range(256)) * 8
HTML = ("<html><head><style>p {color: red}</style></head><body><h1>Новости</h1>"
        f"<p>{SHORT}</p><script>alert(1)</script></body></html>")
TOO_LONG = "Текст. " * (MAX_TEXT_CHARS // 7 + 10)


def upload(client, name: str, data: bytes):
    return client.post(reverse("reader:document_create"), {"file": SimpleUploadedFile(name, data)})


def stored() -> tuple[int, int, int]:
    return Document.objects.count(), Reading.objects.count(), Proposal.objects.count()


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "пуст"),
    ("blank.txt", b"  \n\n ", "пуст"),
    ("picture.txt", BINARY, "не является текстом"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "не читается как документ Word"),
    ("long.txt", TOO_LONG.encode("utf-8"), "предел — 1 000 000 символов"),
])
def test_an_upload_is_refused_with_a_clear_message_and_nothing_stored(users, client_as, name, data, message):
    before = stored()
    response = upload(client_as(users.astana), name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored() == before


def test_an_empty_or_too_long_paste_is_refused(users, client_as):
    client = client_as(users.astana)
    before = stored()
    assert "пуст" in client.post(reverse("reader:document_create"), {"text": "   "}).content.decode()
    long_paste = client.post(reverse("reader:document_create"), {"text": "a " * (MAX_TEXT_CHARS // 2 + 5)})
    assert "предел — 1 000 000 символов" in long_paste.content.decode()
    assert stored() == before


def test_a_cp1251_upload_is_detected_and_decoded(users, client_as):
    response = upload(client_as(users.astana), "pavlodar-1251.txt", PAVLODAR.encode("cp1251"))
    assert response.status_code == 302
    document = Document.objects.get(file_name="pavlodar-1251.txt")
    assert "ТОО «Павлодар Туризм»" in document.text
    assert any("cp1251" in note for note in document.reading.notes)
    assert document.proposals.filter(kind="agreement").exists()


def test_html_is_stripped_to_its_text(users, client_as):
    upload(client_as(users.astana), "news.html.txt", HTML.encode("utf-8"))
    document = Document.objects.get(file_name="news.html.txt")
    assert "<" not in document.text and "alert" not in document.text and "color" not in document.text
    assert "ТОО «Тараз Агро»" in document.text


def test_the_ingest_command_reports_each_bad_file_and_keeps_the_good_ones(demo, tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(BINARY)
    (tmp_path / "long.txt").write_text(TOO_LONG, encoding="utf-8")
    (tmp_path / "cp1251.txt").write_bytes(PAVLODAR.encode("cp1251"))
    (tmp_path / "page.txt").write_text(HTML, encoding="utf-8")
    before = stored()
    call_command("ingest", str(tmp_path), "--workers", "1", "--no-progress")
    err = capsys.readouterr().err
    assert "empty.txt: Файл «empty.txt» пуст" in err
    assert "binary.txt" in err and "не является текстом" in err
    assert "long.txt" in err and "предел — 1 000 000 символов" in err
    assert Reading.objects.count() - before[1] == 2
    assert "<p>" not in Document.objects.get(file_name="page.txt").text
    assert "Павлодар Туризм" in Document.objects.get(file_name="cp1251.txt").text


def test_the_extract_command_reports_bad_files_and_reads_cp1251_and_html(tmp_path, capsys, plain_pipeline):
    (tmp_path / "a_binary.txt").write_bytes(BINARY)
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_long.txt").write_text(TOO_LONG, encoding="utf-8")
    (tmp_path / "d_cp1251.txt").write_bytes(PAVLODAR.encode("cp1251"))
    (tmp_path / "e_page.txt").write_text(HTML, encoding="utf-8")
    with pytest.raises(CommandError, match="3 of 5 documents could not be read"):
        call_command("extract", str(tmp_path))
    out = capsys.readouterr()
    assert "a_binary.txt: binary input" in out.err
    assert "b_empty.txt: empty" in out.err
    assert "c_long.txt: text too long" in out.err and str(MAX_TEXT_CHARS) in out.err
    documents = {doc["id"]: doc for doc in map(json.loads, out.out.splitlines())}
    assert set(documents) == {"d_cp1251", "e_page"}
    assert any(o["name"] == "ТОО «Павлодар Туризм»" for o in documents["d_cp1251"]["organizations"])

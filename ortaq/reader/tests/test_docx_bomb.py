"""A .docx is refused before it is inflated past the text limit: declared sizes first, then a capped stream."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortaq.reader import inputs
from ortaq.reader.inputs import InputRefused, docx_text, from_bytes
from ortaq.reader.models import Proposal
from ortaq.sources.models import Document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_file_with_body(body: bytes) -> bytes:
    """A real .docx (made by python-docx) whose word/document.xml is replaced by `body`."""
    source = io.BytesIO()
    docx.Document().save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in original.infolist():
            data = body if info.filename == "word/document.xml" else original.read(info.filename)
            bomb.writestr(info.filename, data, compresslevel=9)
    return out.getvalue()


def repeated_body(paragraph: bytes, times: int) -> bytes:
    return b"".join([f"<w:document {W}><w:body>".encode(), paragraph * times, b"</w:body></w:document>"])


def lie_about_size(data: bytes, name: bytes, declared: int) -> bytes:
    """Rewrite the central directory and local header so that `name` claims to unpack to `declared` bytes."""
    data = bytearray(data)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, declared)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


# 64 MB of XML in ~70 KB: a paragraph of one repeated letter.
HONEST_BOMB = word_file_with_body(repeated_body(b"<w:p><w:r><w:t>" + b"a" * 1000 + b"</w:t></w:r></w:p>", 64_000))
# 15 MB body (under the declared-size cap) whose text passes a million characters early in the stream.
TEXT_BOMB = word_file_with_body(repeated_body(b"<w:p><w:r><w:t>" + b"b" * 1000 + b"</w:t></w:r></w:p>", 15_000))
# Millions of empty paragraphs: little text, but a tree python-docx would take gigabytes to build.
ELEMENT_BOMB = word_file_with_body(repeated_body(b"<w:p/>", 2_500_000))


def test_the_bombs_are_small_files():
    for bomb in (HONEST_BOMB, TEXT_BOMB, ELEMENT_BOMB):
        assert len(bomb) < inputs.MAX_FILE_BYTES
    assert len(HONEST_BOMB) < 200_000


def test_a_docx_declaring_more_than_the_limit_is_refused_from_its_directory():
    with pytest.raises(InputRefused, match="архив-бомба"):
        docx_text(HONEST_BOMB, "bomb.docx")


def test_a_docx_whose_text_passes_the_limit_is_refused_while_streaming():
    with pytest.raises(InputRefused, match="предел — 1 000 000 символов"):
        docx_text(TEXT_BOMB, "long.docx")


def test_a_docx_with_millions_of_elements_is_refused_while_streaming():
    with pytest.raises(InputRefused, match="элементов разметки"):
        docx_text(ELEMENT_BOMB, "many.docx")


def test_a_docx_that_lies_about_its_size_is_refused_by_the_capped_stream(monkeypatch):
    # It claims 1 KB; the stream stops at the claim (zipfile) or at the cap, and the mismatch is refused.
    liar = lie_about_size(HONEST_BOMB, b"word/document.xml", 1000)
    with pytest.raises(InputRefused, match="не читается как документ Word"):
        docx_text(liar, "liar.docx")
    # With a cap below what the body really holds, the cap itself refuses.
    monkeypatch.setattr(inputs, "DOCX_MAX_BODY_BYTES", 10_000)
    with pytest.raises(InputRefused, match="архив-бомба"):
        docx_text(TEXT_BOMB, "long.docx")


def test_a_zip_that_is_not_a_word_document_is_refused_whatever_its_name():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputRefused, match="не текст и не документ Word"):
        from_bytes(out.getvalue(), "memo.docx")
    with pytest.raises(InputRefused, match="не текст и не документ Word"):
        from_bytes(out.getvalue(), "memo.txt")


def test_a_pdf_or_picture_named_txt_is_refused():
    for data in (b"%PDF-1.7\n" + bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64):
        with pytest.raises(InputRefused):
            from_bytes(data, "press-release.txt")


def test_a_bomb_uploaded_through_the_page_is_refused_and_stores_nothing(users, client_as):
    before = (Document.objects.count(), Proposal.objects.count())
    response = client_as(users.astana).post(
        reverse("reader:document_create"), {"file": SimpleUploadedFile("memo.docx", HONEST_BOMB)})
    assert response.status_code == 200
    assert "бомб" in response.content.decode()
    assert (Document.objects.count(), Proposal.objects.count()) == before


def test_an_ordinary_docx_still_reads():
    word = docx.Document()
    word.add_paragraph("Акимат Павлодарской области подписал меморандум с городом Астана.")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Сторона", "ТОО «Павлодар Туризм»"
    buffer = io.BytesIO()
    word.save(buffer)
    text = from_bytes(buffer.getvalue(), "memo.docx").text
    assert "подписал меморандум" in text and "ТОО «Павлодар Туризм»" in text

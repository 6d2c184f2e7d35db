"""Files and pasted text turned into a document text, or refused with a clear message (in Russian)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ortaq.core.uploads import BrokenArchive, UploadRefused, detect_kind, open_zip
from ortaq.extraction import MAX_TEXT_CHARS, ExtractionInputError, decode_bytes
from ortaq.extraction.io import looks_like_html, strip_html

MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS
# A .docx is unpacked only this far: its declared sizes are checked first, then its text is streamed with a
# cap, so a few kilobytes that inflate to gigabytes of XML are refused before python-docx builds a tree.
DOCX_MAX_UNPACKED = 48 * 1024 * 1024
DOCX_MAX_BODY_BYTES = 32 * 1024 * 1024
DOCX_MAX_ELEMENTS = 1_000_000
WORD_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


class InputRefused(ValueError):
    """The input cannot become a document; the message says why and what to do."""


@dataclass
class InputText:
    """A text ready for extraction and what was done to get it (decoding, HTML stripping)."""

    text: str
    notes: list[str] = field(default_factory=list)


def too_long(length: int) -> InputRefused:
    return InputRefused(_("Текст слишком длинный: %(length)s символов, предел — %(limit)s символов (1 МБ). "
                          "Разделите документ на части.") % {"length": f"{length:,}".replace(",", " "),
                                                             "limit": f"{MAX_TEXT_CHARS:,}".replace(",", " ")})


def too_long_request() -> InputRefused:
    """The pasted text did not even fit in a request."""
    return InputRefused(_("Текст слишком длинный: предел — %(limit)s символов (1 МБ). Разделите документ на "
                          "части.") % {"limit": f"{MAX_TEXT_CHARS:,}".replace(",", " ")})


def not_word(file_name: str) -> InputRefused:
    return InputRefused(_("Файл «%(name)s» не читается как документ Word (.docx): он повреждён или это "
                          "другой формат.") % {"name": file_name or "—"})


def from_text(text: str, notes: list[str] | None = None) -> InputText:
    """Check a text: strip HTML, refuse empty and over-limit texts."""
    notes = list(notes or [])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = strip_html(text)
        notes.append(_("HTML-разметка удалена, оставлен текст."))
    if not text.strip():
        raise InputRefused(_("Документ пуст: в нём нет текста."))
    if len(text) > MAX_TEXT_CHARS:
        raise too_long(len(text))
    return InputText(text, notes)


def from_bytes(data: bytes, file_name: str = "") -> InputText:
    """Decode an uploaded file (.txt in UTF-8 or cp1251, .docx) and check its text."""
    if not data or not data.strip():
        raise InputRefused(_("Файл «%(name)s» пуст: в нём нет текста.") % {"name": file_name or "—"})
    if len(data) > MAX_FILE_BYTES:
        raise InputRefused(_("Файл слишком большой: %(size)s байт; предел — %(limit)s символов текста (1 МБ). "
                             "Разделите документ на части.") % {"size": len(data), "limit": MAX_TEXT_CHARS})
    try:
        kind = detect_kind(io.BytesIO(data), file_name)
    except BrokenArchive as error:
        raise not_word(file_name) from error
    except UploadRefused as error:
        raise InputRefused(str(error)) from error
    if kind == "docx" or (kind == "zip" and file_name.lower().endswith(".docx")):
        return from_text(docx_text(data, file_name), [_("Текст взят из документа Word (.docx).")])
    if kind not in ("text", None):
        raise InputRefused(_("Файл «%(name)s» — не текст и не документ Word: загрузите .txt или .docx.")
                           % {"name": file_name or "—"})
    try:
        text = decode_bytes(data)
    except ExtractionInputError as error:
        raise InputRefused(
            _("Файл «%(name)s» не является текстом (двоичные данные). Загрузите текст в кодировке UTF-8 "
              "или Windows-1251 (cp1251), или документ .docx.") % {"name": file_name or "—"}
        ) from error
    notes = []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        notes.append(_("Кодировка Windows-1251 (cp1251) распознана, текст перекодирован."))
    return from_text(text, notes)


class _Capped(io.RawIOBase):
    """A read-only stream that refuses to give more than `limit` bytes of what it wraps."""

    def __init__(self, stream, limit: int) -> None:
        self.stream, self.left = stream, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.stream.read(min(len(buffer), self.left + 1))
        if len(chunk) > self.left:
            raise InputRefused(_("Документ Word распаковывается больше чем в %(limit)s МБ текста разметки: "
                                 "он слишком велик или это архив-бомба.")
                               % {"limit": DOCX_MAX_BODY_BYTES // (1024 * 1024)})
        self.left -= len(chunk)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def check_docx_body(data: bytes, file_name: str = "") -> None:
    """Stream the document's body with a cap on bytes, elements and text; refuse before anything grows."""
    from lxml import etree

    try:
        archive = open_zip(io.BytesIO(data), file_name, max_unpacked=DOCX_MAX_UNPACKED)
    except UploadRefused as error:
        raise InputRefused(str(error)) from error
    if "word/document.xml" not in archive.namelist():
        raise not_word(file_name)
    chars = elements = 0
    try:
        with archive.open("word/document.xml") as body:
            stream = io.BufferedReader(_Capped(body, DOCX_MAX_BODY_BYTES))
            for _event, element in etree.iterparse(stream, events=("end",), resolve_entities=False,
                                                   no_network=True):
                elements += 1
                if element.tag == WORD_TEXT and element.text:
                    chars += len(element.text)
                    if chars > MAX_TEXT_CHARS:
                        raise too_long(chars)
                if elements > DOCX_MAX_ELEMENTS:
                    raise InputRefused(_("Документ Word содержит больше %(limit)s элементов разметки: он слишком "
                                         "сложен для разбора. Сохраните его как .txt.")
                                       % {"limit": f"{DOCX_MAX_ELEMENTS:,}".replace(",", " ")})
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError) as error:
        raise not_word(file_name) from error


def docx_text(data: bytes, file_name: str = "") -> str:
    """The paragraphs (and table cells) of a .docx file, one per line."""
    import docx
    from lxml import etree

    check_docx_body(data, file_name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise not_word(file_name) from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


ARCHIVE_MAX_BYTES = 50 * 1024 * 1024
ARCHIVE_MAX_TEXTS = 500
ARCHIVE_MAX_UNPACKED = 4 * ARCHIVE_MAX_BYTES


def is_text_archive(data: bytes, file_name: str = "") -> bool:
    """A .zip (not a Word document) — a folder of press releases."""
    try:
        return detect_kind(io.BytesIO(data), file_name) == "zip"
    except (BrokenArchive, UploadRefused):
        return False


def from_archive(data: bytes, file_name: str = "") -> list[tuple[str, InputText]]:
    """Every .txt and .docx of a .zip, each checked like a single upload; refused as a whole when none is
    a text, when there are too many, or when the archive claims to inflate past its limit."""
    try:
        archive = open_zip(io.BytesIO(data), file_name, max_unpacked=ARCHIVE_MAX_UNPACKED)
    except UploadRefused as error:
        raise InputRefused(str(error)) from error
    members = [info for info in archive.infolist() if not info.is_dir()
               and info.filename.lower().endswith((".txt", ".docx")) and "__MACOSX" not in info.filename]
    if not members:
        raise InputRefused(_("В архиве «%(name)s» нет файлов .txt или .docx.") % {"name": file_name or "—"})
    if len(members) > ARCHIVE_MAX_TEXTS:
        raise InputRefused(_("В архиве %(count)s файлов; за один раз читается не больше %(limit)s.")
                           % {"count": len(members), "limit": ARCHIVE_MAX_TEXTS})
    texts = []
    for info in members:
        name = info.filename.rsplit("/", 1)[-1]
        if info.file_size > MAX_FILE_BYTES:
            raise too_long(info.file_size)
        try:
            texts.append((name, from_bytes(archive.read(info), name)))
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise not_word(name) from error
        except InputRefused as error:
            raise InputRefused(_("Файл «%(name)s» в архиве: %(error)s") % {"name": name, "error": error}) from error
    return texts

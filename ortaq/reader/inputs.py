"""Files and pasted text turned into a document text, or refused with a clear message (in Russian)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ortaq.extraction import MAX_TEXT_CHARS, ExtractionInputError, decode_bytes
from ortaq.extraction.io import looks_like_html, strip_html

MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS


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
    if file_name.lower().endswith(".docx") or data[:2] == b"PK":
        return from_text(docx_text(data, file_name), [_("Текст взят из документа Word (.docx).")])
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


def docx_text(data: bytes, file_name: str = "") -> str:
    """The paragraphs (and table cells) of a .docx file, one per line."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputRefused(_("Файл «%(name)s» не читается как документ Word (.docx): он повреждён или это "
                             "другой формат.") % {"name": file_name or "—"}) from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)

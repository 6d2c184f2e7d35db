"""Uploaded files judged by their content, never by their name: what a file really is, and archives that would
inflate past what the server is willing to unpack."""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEAD_BYTES = 2048
# What each kind is called to the person uploading it.
KIND_LABELS = {
    "pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "png": "PNG", "jpeg": "JPEG", "gif": "GIF",
    "webp": "WebP", "text": gettext_lazy("текст"), "zip": "ZIP",
}
# Parts that tell an Office Open XML package's kind; a zip without them is just a zip.
OOXML_MARKERS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
# Unpacked size any upload may declare: a zip bomb (a few KB that inflate to gigabytes) is refused
# from its central directory, before anything is inflated.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200


class UploadRefused(ValueError):
    """The file is not of an allowed kind, or would inflate too far; the message says so in Russian."""


class BrokenArchive(UploadRefused):
    """The file starts as a zip but is not a whole one."""


def _kind_of_head(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:  # a character cut by the window
            return True
    try:
        head.decode("cp1251")
    except UnicodeDecodeError:
        return False
    return True


def open_zip(stream: BinaryIO, file_name: str = "", *, max_unpacked: int = MAX_UNPACKED_BYTES) -> zipfile.ZipFile:
    """The archive, after its declared sizes were checked against the limits (nothing inflated yet)."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise BrokenArchive(_("Файл «%(name)s» повреждён: это не цельный архив Office.")
                            % {"name": file_name or "—"}) from error
    infos = archive.infolist()
    declared = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if declared > max_unpacked:
        raise UploadRefused(
            _("Файл «%(name)s» распаковывается в %(size)s МБ — больше допустимого (%(limit)s МБ). "
              "Это архив-бомба или слишком большой документ.")
            % {"name": file_name or "—", "size": declared // (1024 * 1024), "limit": max_unpacked // (1024 * 1024)})
    if declared > 16 * 1024 * 1024 and declared / packed > MAX_RATIO:
        raise UploadRefused(
            _("Файл «%(name)s» сжат в %(ratio)s раз (%(size)s МБ в распакованном виде): так сжимаются только "
              "архивы-бомбы.") % {"name": file_name or "—", "ratio": int(declared / packed),
                                  "size": declared // (1024 * 1024)})
    return archive


def detect_kind(stream: BinaryIO, file_name: str = "") -> str | None:
    """pdf, docx, xlsx, png, jpeg, gif, webp, zip or text, read from the bytes; None when unknown."""
    position = stream.tell() if hasattr(stream, "tell") else 0
    head = stream.read(HEAD_BYTES)
    stream.seek(position)
    kind = _kind_of_head(head)
    if kind == "zip":
        archive = open_zip(stream, file_name)
        names = set(archive.namelist())
        stream.seek(position)
        for marker, ooxml in OOXML_MARKERS.items():
            if marker in names:
                return ooxml
        return "zip"
    if kind is None and _looks_like_text(head):
        return "text"
    return kind


def kinds_text(kinds) -> str:
    return ", ".join(str(KIND_LABELS[kind]) for kind in kinds)


@deconstructible
class AllowedContent:
    """A file field's validator: the file's bytes must be one of the allowed kinds, whatever its name says."""

    def __init__(self, *kinds: str) -> None:
        self.kinds = tuple(kinds)

    def __call__(self, value) -> None:
        if getattr(value, "_committed", False):
            return  # already stored: it was checked when it was uploaded
        file = getattr(value, "file", value)
        if file is None:
            return
        try:
            file.seek(0)
            kind = detect_kind(file, getattr(value, "name", ""))
            file.seek(0)
        except UploadRefused as error:
            raise ValidationError(str(error), code="file_refused") from error
        if kind not in self.kinds:
            raise ValidationError(
                _("Файл «%(name)s» — %(found)s; сюда можно загрузить только: %(allowed)s.")
                % {"name": getattr(value, "name", "—"), "found": KIND_LABELS.get(kind, _("неизвестный формат")),
                   "allowed": kinds_text(self.kinds)},
                code="file_kind")

    def __eq__(self, other) -> bool:
        return isinstance(other, AllowedContent) and self.kinds == other.kinds

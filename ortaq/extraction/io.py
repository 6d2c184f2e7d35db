"""Input handling: bytes decoding, HTML stripping, size limits and file walking (batch.py writes the JSON Lines)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Texts longer than this (in characters of the decoded text) are refused, naming the limit.
MAX_TEXT_CHARS = 1_000_000


class ExtractionInputError(ValueError):
    """The input cannot be turned into a text to extract from; the message says why."""


_HTML_HINT = re.compile(r"<(?:html|body|p|div|br|span|a|h[1-6]|table|!doctype)\b", re.IGNORECASE)
_SKIP_BLOCKS = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAGS = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|table|ul|ol|section|article)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<!--.*?-->|<[^>]+>", re.DOTALL)
_CP1251_LETTERS = set(range(0xC0, 0x100)) | {0xA8, 0xB8}


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or cp1251 text; refuse binary data with ExtractionInputError."""
    if not data:
        raise ExtractionInputError("empty input: the document has no bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ExtractionInputError(f"binary input: broken UTF-16 text ({exc})") from exc
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > max(2, len(sample) // 100):
        raise ExtractionInputError(
            "binary input: the document is not text (NUL or control bytes found); give UTF-8 or cp1251 text"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    letters = sum(1 for b in sample if b in _CP1251_LETTERS)
    high = sum(1 for b in sample if b >= 0x80)
    if high and letters / high >= 0.7:
        return data.decode("cp1251", errors="replace")
    raise ExtractionInputError("binary input: the bytes are neither UTF-8 nor cp1251 text")


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup."""
    return bool(_HTML_HINT.search(text[:5000]))


def strip_html(text: str) -> str:
    """Drop HTML tags, scripts and styles, keep the text; block tags become line breaks."""
    text = _SKIP_BLOCKS.sub(" ", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def check_text(text: str) -> str:
    """Return the text ready for extraction: HTML stripped; refuse empty or over-limit text."""
    if looks_like_html(text):
        text = strip_html(text)
    if not text or not text.strip():
        raise ExtractionInputError("empty text: there is nothing to extract from")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionInputError(
            f"text too long: {len(text)} characters, the limit is {MAX_TEXT_CHARS} characters (1 MB); "
            "split the document"
        )
    return text


def read_document(path: str | Path) -> str:
    """Read a file as text with decode_bytes and check_text."""
    data = Path(path).read_bytes()
    if len(data) > 4 * MAX_TEXT_CHARS:
        raise ExtractionInputError(f"text too long: {len(data)} bytes, the limit is {MAX_TEXT_CHARS} characters")
    return check_text(decode_bytes(data))


def iter_text_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the given files, and the .txt files (sorted) inside the given folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.exists():
            yield path
        else:
            raise ExtractionInputError(f"no such file or folder: {path}")

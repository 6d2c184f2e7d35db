"""Bad input: empty, binary, cp1251, HTML, over the size limit; files and the CLI."""

import io
import json

import pytest

from ortaq.extraction import MAX_TEXT_CHARS, ExtractionInputError, check_text, decode_bytes, extract_paths
from ortaq.extraction.io import strip_html

TEXT = "Аким Павлодарской области встретился с делегацией Омской области."


def test_utf8_with_bom():
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_cp1251_is_detected():
    assert decode_bytes(TEXT.encode("cp1251")) == TEXT


def test_binary_is_refused():
    with pytest.raises(ExtractionInputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_empty_is_refused():
    with pytest.raises(ExtractionInputError, match="empty"):
        decode_bytes(b"")
    with pytest.raises(ExtractionInputError, match="empty"):
        check_text("  \n\t ")


def test_html_is_stripped():
    html = "<html><head><style>p{}</style></head><body><p>Форум&nbsp;прошёл в <b>Актау</b>.</p></body></html>"
    text = strip_html(html)
    assert "<" not in text and "p{}" not in text
    assert "Форум\u00a0прошёл в Актау." == text
    assert check_text(html) == text


def test_over_limit_is_refused_naming_the_limit():
    with pytest.raises(ExtractionInputError, match=str(MAX_TEXT_CHARS)):
        check_text("а" * (MAX_TEXT_CHARS + 1))


def test_pipeline_refuses_empty_text(pipeline):
    with pytest.raises(ExtractionInputError):
        pipeline.extract("", "empty")


def test_extract_paths_writes_json_lines(tmp_path, pipeline):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(TEXT.encode("cp1251"))
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    out = io.StringIO()
    stats = extract_paths([tmp_path], out, pipeline)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert stats == {"ok": 2, "failed": 1}
    assert [d["id"] for d in lines] == ["a", "b"]
    assert lines[0]["regions"] == lines[1]["regions"]
    assert {r["code"] for r in lines[0]["regions"]} == {"KZ-55", "RU-OMS"}

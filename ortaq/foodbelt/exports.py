"""CSV and XLSX downloads of the food belt, through ortaq.core.exports (streamed CSV; write-only XLSX)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.http import HttpResponse

from ortaq.core import exports


def file_response(file_format: str, filename: str, headers: list[str], rows: Iterable[Iterable],
                  request=None, kinds: Sequence[str] = ()) -> HttpResponse:
    """A CSV (streamed) or XLSX (write-only workbook) download of the rows."""
    return exports.file_response(file_format, filename, exports.Sheet(filename, headers, rows, kinds), request)

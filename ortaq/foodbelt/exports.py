"""CSV and XLSX files for downloads: streamed row by row, so a million deliveries fit in little memory."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(headers: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers)  # the BOM makes Excel read UTF-8 Cyrillic correctly
    for row in rows:
        yield writer.writerow(["" if value is None else value for value in row])


def file_response(file_format: str, filename: str, headers: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV (streamed) or XLSX (write-only workbook) download of the rows."""
    disposition = f'attachment; filename="{filename}.{file_format}"'
    if file_format == "csv":
        response = StreamingHttpResponse(_csv_lines(headers, rows), content_type=CONTENT_TYPES["csv"])
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(headers)
        for row in rows:
            sheet.append(list(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = disposition
    return response

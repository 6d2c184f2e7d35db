"""Every CSV and XLSX file Ortaq writes goes through here: typed cells, Russian Excel defaults, no live formulas.

CSV: UTF-8 with a BOM and `;` between cells, numbers with a decimal comma and dates `dd.mm.yyyy` — what Russian
Excel opens as is. `sep=","` gives the form programs read: `,`, ISO dates, a decimal point.
XLSX: numbers stay numbers, dates dates, money carries a ₸ number format; the header row is bold and frozen,
filters are on and columns are as wide as their content.
A text cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is written as text.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import unescape

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import formats, timezone
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from django.utils.safestring import SafeData

from ortaq.core import formatting
from ortaq.core.tables import is_year

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_SEPARATOR = ";"
PROGRAM_SEPARATOR = ","
WIDTH_SAMPLE_ROWS = 200
MAX_WIDTH = 60

# Kinds of column: how a value is typed and formatted in a file.
TEXT, NUMBER, MONEY, DATE, YEAR = "text", "number", "money", "date", "year"


def neutralize(text: str) -> str:
    """A text that a spreadsheet would run as a formula, prefixed with an apostrophe so it stays text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def kind_for(name: str) -> str:
    """The kind of a column that its values alone don't tell: money and years, by the column's name."""
    if is_year(name or ""):
        return YEAR
    if formatting.is_money(name):
        return MONEY
    return TEXT


def cell_value(value):
    """A value ready for a file: typed values kept, model instances and lazy texts as text, rendered HTML stripped."""
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date):
        return value
    text = force_str(value)
    return unescape(strip_tags(text)).strip() if isinstance(value, SafeData) else text


@dataclass
class Sheet:
    """A table for a file: headers, rows and, where values alone don't say it, the kind of each column."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence]
    kinds: Sequence[str] = field(default_factory=tuple)

    def kind(self, index: int) -> str:
        return self.kinds[index] if index < len(self.kinds) else TEXT


# --- CSV ---------------------------------------------------------------------------------------------------


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_text(value, kind: str = TEXT, separator: str = EXCEL_SEPARATOR) -> str:
    """One CSV cell: in Excel form (`;`) numbers `1500,5` and dates `20.12.2026`; in program form ISO and `.`."""
    value = cell_value(value)
    excel = separator == EXCEL_SEPARATOR
    if value is None:
        return ""
    if isinstance(value, bool):
        return formatting.plain(value) if excel else ("true" if value else "false")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
        return value.strftime("%d.%m.%Y %H:%M") if excel else value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y") if excel else value.isoformat()
    if isinstance(value, int | float | Decimal):
        text = _plain_number(value)
        return text.replace(".", formats.get_format("DECIMAL_SEPARATOR")) if excel else text
    return neutralize(str(value))


def _plain_number(value) -> str:
    if isinstance(value, int):
        return str(value)
    amount = value if isinstance(value, Decimal) else Decimal(repr(value))
    if amount == amount.to_integral_value():
        return str(amount.quantize(Decimal(1)))
    return format(amount.normalize(), "f")


def csv_lines(sheet: Sheet, separator: str = EXCEL_SEPARATOR) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=separator)
    yield "\ufeff" + writer.writerow([neutralize(force_str(header)) for header in sheet.headers])
    for row in sheet.rows:
        yield writer.writerow([csv_text(value, sheet.kind(index), separator) for index, value in enumerate(row)])


# --- XLSX --------------------------------------------------------------------------------------------------


def _xlsx_cell(worksheet, value, kind: str):
    from openpyxl.cell import WriteOnlyCell

    value = cell_value(value)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, bool):
        value = formatting.plain(value)
    if isinstance(value, str):
        value = value.replace("\x00", "")
    cell = WriteOnlyCell(worksheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    elif isinstance(value, datetime.datetime):
        cell.number_format = _excel_format("EXCEL_DATETIME_FORMAT", "DD.MM.YYYY HH:MM")
    elif isinstance(value, datetime.date):
        cell.number_format = _excel_format("EXCEL_DATE_FORMAT", "DD.MM.YYYY")
    elif isinstance(value, int | float | Decimal) and kind != YEAR:
        whole = value == int(value)
        if kind == MONEY:
            cell.number_format = '#,##0\\ "₸"' if whole else '#,##0.00\\ "₸"'
        else:
            cell.number_format = "#,##0" if whole else "#,##0.00##"
    return cell


def _excel_format(name: str, default: str) -> str:
    value = formats.get_format(name)
    return default if value == name else value


def _width(value) -> int:
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 11
    if isinstance(value, int | float | Decimal):
        return len(formatting.number(value)) + 3
    return max((len(line) for line in str(value or "").splitlines()), default=0)


def add_sheet(workbook, sheet: Sheet) -> None:
    """Writes a sheet into a write-only workbook: widths from the first rows, header frozen, filters on."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    worksheet = workbook.create_sheet(sheet.title[:31])
    rows = iter(sheet.rows)
    head = [list(row) for _index, row in zip(range(WIDTH_SAMPLE_ROWS), rows)]
    headers = [force_str(header) for header in sheet.headers]
    for index, header in enumerate(headers):
        width = max([len(header) + 2] + [_width(cell_value(row[index])) + 1 for row in head if index < len(row)])
        worksheet.column_dimensions[get_column_letter(index + 1)].width = min(MAX_WIDTH, max(8, width))
    worksheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = _xlsx_cell(worksheet, header, TEXT)
        cell.font = bold
        header_cells.append(cell)
    worksheet.append(header_cells)
    count = 0
    for row in _chain(head, rows):
        worksheet.append([_xlsx_cell(worksheet, value, sheet.kind(index)) for index, value in enumerate(row)])
        count += 1
    if headers:
        worksheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def xlsx_bytes(sheets: Iterable[Sheet]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        add_sheet(workbook, sheet)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


# --- responses ---------------------------------------------------------------------------------------------


def separator_from(request) -> str:
    """`?sep=,` for programs; Russian Excel's `;` otherwise."""
    return PROGRAM_SEPARATOR if request is not None and request.GET.get("sep") == "," else EXCEL_SEPARATOR


def file_response(file_format: str, filename: str, sheet: Sheet, request=None) -> HttpResponse:
    """A CSV (streamed) or XLSX download of a table."""
    if file_format == "csv":
        response = StreamingHttpResponse(csv_lines(sheet, separator_from(request)), content_type=CONTENT_TYPES["csv"])
    else:
        response = HttpResponse(xlsx_bytes([sheet]), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def table_sheet(table, title: str, exclude_columns: Iterable[str] = ()) -> Sheet:
    """A django-tables2 table as a sheet: each column's typed value (see ortaq.core.tables.Column)."""
    columns = [column for column in table.columns.iterall()
               if not (column.column.exclude_from_export or column.name in exclude_columns)]
    kinds = [kind_for(column.name) for column in columns]

    def rows() -> Iterator[list]:
        for row in table.rows:
            yield [row.get_cell_value(column.name) for column in columns]

    return Sheet(title, [force_str(column.header) for column in columns], rows(), kinds)

"""Reading CSV and XLSX files row by row, in bounded memory, whatever their size."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

SNIFF_BYTES = 64 * 1024


class UnreadableFile(Exception):
    """The file is neither a CSV nor an XLSX that can be read."""


def _encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM) when the start decodes as such, else Windows-1251 (Russian Excel)."""
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:  # a character cut by the sniffing window
            return "utf-8-sig"
        return "cp1251"


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample.split("\n", 5)[0], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def csv_rows(stream: BinaryIO) -> Iterator[list]:
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    encoding = _encoding(head)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    reader = csv.reader(text, delimiter=_delimiter(head.decode(encoding, errors="ignore")))
    try:
        yield from reader
    finally:
        text.detach()


def xlsx_rows(stream: BinaryIO) -> Iterator[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise UnreadableFile(str(error)) from error
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def read_rows(stream: BinaryIO, file_name: str) -> Iterator[list]:
    """Rows of a CSV or XLSX file (by its name's extension), the header row first."""
    suffix = Path(file_name).suffix.lower()
    if suffix == ".xlsx":
        return xlsx_rows(stream)
    if suffix in (".csv", ".txt", ""):
        return csv_rows(stream)
    raise UnreadableFile(f"{suffix}: ожидается CSV или XLSX")


def count_lines(path: Path) -> int:
    """Lines of a text file, counted in 1 MB blocks (for a progress bar's total)."""
    lines = 0
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
    return lines

"""Every file Ortaq writes opens in Excel as a table of plain values: no live formula, no HTML, typed cells."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.apps import apps
from django.db import DatabaseError, models, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from ortaq.core import exports
from ortaq.core.views import RecordListView

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'
OTHER_STARTS = ["+1+2", "-3+4", "@SUM(A1)", "\tTAB", "\rCR"]
NUMBER = re.compile(r"-?\d+([.,]\d+)?")  # a number the file writer typed itself (a negative growth rate)
REPRS = re.compile(r"<\w+: |Decimal\(|<span|<a |</|^None$")


def _list_urls(patterns=None, namespace: str = "") -> list[str]:
    """Every record list in the URL configuration (views built on RecordListView), by URL name."""
    found = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += _list_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            view = getattr(pattern.callback, "view_class", None)
            if view is not None and issubclass(view, RecordListView) and not pattern.pattern.converters:
                found.append(f"{namespace}{pattern.name}")
    return sorted(set(found))


def _fill_lists(demo) -> None:
    """Rows for the lists the demo leaves empty: an overdue commitment (its cell is rendered with HTML), a delivery."""
    from decimal import Decimal

    from ortaq.agreements.tests.factories import agreement, commitment
    from ortaq.foodbelt.tests.factories import delivery, supplier

    record = agreement(FORMULA, demo.astana, demo.karaganda)
    commitment(record, FORMULA, due_date=datetime.date(2020, 1, 31), target=Decimal("1500.50"))
    delivery(supplier(FORMULA, demo.karaganda), demo.astana, tonnes="0.125", tenge="31250.5", number="=1+1")


def _plant_formulas() -> None:
    """The first record of every model gets a formula in each free-text field (where the database allows it)."""
    for model in apps.get_models():
        if not model.__module__.startswith("ortaq.") or model._meta.proxy:
            continue
        first = model._default_manager.order_by("pk").first()
        if first is None:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField) or field.choices or field.primary_key:
                continue
            try:
                with transaction.atomic():
                    model._default_manager.filter(pk=first.pk).update(**{field.name: FORMULA})
            except DatabaseError:
                continue


def _csv_cells(content: bytes, separator: str = ";") -> list[list[str]]:
    assert content.startswith("\ufeff".encode()), "CSV starts with a BOM for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=separator))


def _xlsx_cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _check_csv(content: bytes, where: str) -> int:
    planted = 0
    for row in _csv_cells(content):
        for cell in row:
            assert not cell.startswith(exports.FORMULA_START) or NUMBER.fullmatch(cell), f"{where}: formula {cell!r}"
            assert not REPRS.search(cell), f"{where}: not a display value {cell!r}"
            planted += "HYPERLINK" in cell
    return planted


def _check_xlsx(content: bytes, where: str) -> int:
    planted = 0
    for cell in _xlsx_cells(content):
        assert cell.data_type != "f", f"{where}: formula in {cell.coordinate}: {cell.value!r}"
        if isinstance(cell.value, str):
            assert not REPRS.search(cell.value), f"{where}: not a display value {cell.value!r}"
            planted += "HYPERLINK" in cell.value
    return planted


def _download(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_formula_check_is_one_function_for_every_start():
    for text in [FORMULA, *OTHER_STARTS]:
        assert exports.neutralize(text) == "'" + text
        assert exports.csv_text(text) == "'" + text
    assert exports.neutralize("Астана") == "Астана"
    book = load_workbook(io.BytesIO(exports.xlsx_bytes([exports.Sheet("t", ["a"], [[text] for text in OTHER_STARTS]
                                                                            + [[FORMULA]])])))
    assert [cell.value for cell in book.active["A"]][1:] == [*OTHER_STARTS, FORMULA]
    assert {cell.data_type for cell in book.active["A"]} == {"s"}


def test_no_export_of_any_list_carries_a_formula_or_html(client_as, users, demo):
    _fill_lists(demo)
    _plant_formulas()
    client = client_as(users.admin)
    urls = _list_urls()
    assert len(urls) >= 15, urls
    without_formula = []
    for name in urls:
        url = reverse(name)
        planted = _check_csv(_download(client, url + "?_export=csv"), name + " csv")
        planted += _check_xlsx(_download(client, url + "?_export=xlsx"), name + " xlsx")
        if not planted:
            without_formula.append(name)
    # Every list whose table shows a text field of a record showed the planted formula, as text.
    assert len(without_formula) <= len(urls) // 3, without_formula


def test_the_brief_and_the_food_belt_files_carry_no_formula(client_as, users, demo):
    from ortaq.foodbelt.models import SupplyProgram

    _fill_lists(demo)
    _plant_formulas()
    client = client_as(users.admin)
    planted = _check_xlsx(_download(client, reverse("analytics:brief_xlsx", args=[demo.karaganda.pk])), "brief")
    for program in SupplyProgram.objects.all():
        for file_format, check in (("csv", _check_csv), ("xlsx", _check_xlsx)):
            planted += check(_download(client, program.get_absolute_url() + f"?_export={file_format}"), "belt")
    for kind in ("deliveries", "suppliers"):
        for file_format, check in (("csv", _check_csv), ("xlsx", _check_xlsx)):
            check(_download(client, reverse("foodbelt:import_template", args=[kind, file_format])), kind)
    assert planted, "the planted formula reached the brief or the food-belt files"


def test_xlsx_cells_are_typed_and_the_sheet_is_ready_to_filter(client_as, users, demo):
    _fill_lists(demo)
    client = client_as(users.admin)
    content = _download(client, reverse("agreements:commitment_list") + "?state=all&_export=xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    header = [cell.value for cell in sheet[1]]
    due = header.index("Срок")
    dates = [row[due].value for row in sheet.iter_rows(min_row=2) if row[due].value is not None]
    assert dates and all(isinstance(value, datetime.datetime) for value in dates)
    target = header.index("Целевое значение")
    assert [row[target].value for row in sheet.iter_rows(min_row=2)] == [1500.5]
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABC")
    brief = load_workbook(io.BytesIO(_download(client, reverse("analytics:brief_xlsx",
                                                                args=[demo.karaganda.pk]))))
    for sheet in brief.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    assert cell.number_format != "General" or sheet.cell(1, cell.column).value == "Год"


def test_csv_for_programs_uses_commas_iso_dates_and_points(client_as, users, demo):
    client = client_as(users.admin)
    excel = _csv_cells(_download(client, reverse("agreements:agreement_list") + "?_export=csv"))
    program = _csv_cells(_download(client, reverse("agreements:agreement_list") + "?_export=csv&sep=,"), ",")
    assert len(excel) == len(program) > 1 and excel[0] == program[0]
    column = excel[0].index("Дата подписания") if "Дата подписания" in excel[0] else 0
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", next(row[column] for row in excel[1:] if row[column]))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", next(row[column] for row in program[1:] if row[column]))

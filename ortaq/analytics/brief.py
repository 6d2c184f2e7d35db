"""A region's brief («справка») for the akim: one context, rendered as HTML, PDF (WeasyPrint) and XLSX."""

from __future__ import annotations

import datetime
import logging
from io import BytesIO

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from ortaq.agreements.models import Agreement, Commitment
from ortaq.analytics import pairs, services, supply
from ortaq.analytics.intensity import FORMULA
from ortaq.events.models import Event
from ortaq.regions.models import Region

AGREEMENTS_LIMIT = 60
EVENTS_YEARS = 3
ROWS_LIMIT = 40


def context(region: Region) -> dict:
    """Everything the brief says about a region, each list bounded so the document stays a brief."""
    today = timezone.localdate()
    agreements = Agreement.objects.filter(services.touching_agreements(region))
    overdue = Q(commitments__due_date__lt=today) & ~Q(commitments__status__in=["done", "cancelled"])
    commitments = Commitment.objects.filter(
        Q(owner__region=region) | services.touching_agreements(region, "agreement_id"))
    since = datetime.date(today.year - EVENTS_YEARS + 1, 1, 1)
    counts = services.region_counts(region)
    status_labels = dict(Agreement.Status.choices)
    return {
        "region": region, "today": today, "since": since, "formula": FORMULA,
        "counts": counts,
        "statuses": [(status_labels.get(key, key), value) for key, value in counts["agreement_status"].items()],
        "partners": services.ranked_partners(region)[:15],
        "agreements": agreements.order_by("-signed_on", "-pk").annotate(
            c_total=Count("commitments"), c_done=Count("commitments", filter=Q(commitments__status="done")),
            c_overdue=Count("commitments", filter=overdue),
        ).prefetch_related("parties__organization", "parties__region")[:AGREEMENTS_LIMIT],
        "commitments": services.commitment_figures(region),
        "overdue": commitments.overdue().select_related("agreement", "owner").order_by("due_date")[:ROWS_LIMIT],
        "due_soon": commitments.due_soon().select_related("agreement", "owner").order_by("due_date")[:ROWS_LIMIT],
        "events": Event.objects.filter(pairs.touching_events(region), start_date__gte=since)
        .select_related("region").order_by("-start_date", "-pk")[:ROWS_LIMIT],
        "food_belt": supply.region_summary(region),
    }


def filename(region: Region, extension: str) -> str:
    return f"spravka-{slugify(region.name_en or region.code) or region.pk}-{timezone.localdate():%Y%m%d}.{extension}"


def html(region: Region, request=None) -> str:
    return render_to_string("analytics/brief.html", context(region), request=request)


def pdf(region: Region, request=None) -> bytes:
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html(region, request), base_url=base_url).write_pdf()


def xlsx(region: Region) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    data = context(region)
    book = Workbook()
    sheet = book.active
    sheet.title = "Справка"
    bold = Font(bold=True)
    sheet.append([f"Справка: {region.name_ru}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"по состоянию на {data['today']:%d.%m.%Y}"])
    sheet.append([])
    for label, value in [("Соглашений и меморандумов", data["counts"]["agreements"]),
                         ("Событий", data["counts"]["events"]), ("Совместных проектов", data["counts"]["projects"]),
                         ("Обязательств всего", data["commitments"]["total"]),
                         ("выполнено", data["commitments"]["done"]),
                         ("просрочено", data["commitments"]["overdue"]),
                         ("срок в ближайшие 30 дней", data["commitments"]["due_soon"])]:
        sheet.append([label, value])
    for label, value in data["statuses"]:
        sheet.append([f"Соглашения: {label}", value])
    _table(book, "Партнёры", ["Регион", "Соглашения", "События", "Проекты", "Поставки, тг", "Интенсивность"],
           [[row["region"].name_ru, row["agreements"], row["events"], row["projects"], row["supply_tenge"],
             row["intensity"]] for row in data["partners"]], bold)
    _table(book, "Соглашения", ["Дата", "Вид", "Название", "Стороны", "Статус", "Обязательств", "Выполнено",
                                "Просрочено"],
           [[agreement.signed_on, agreement.get_kind_display(), agreement.title,
             "; ".join(str(party) for party in agreement.parties.all()), agreement.get_status_display(),
             agreement.c_total, agreement.c_done, agreement.c_overdue] for agreement in data["agreements"]], bold)
    _table(book, "Обязательства", ["Срок", "Обязательство", "Ответственный", "Соглашение", "Статус", "Состояние"],
           [[item.due_date, item.text, str(item.owner or ""), item.agreement.title, item.get_status_display(), state]
            for state, items in (("просрочено", data["overdue"]), ("срок скоро", data["due_soon"]))
            for item in items], bold)
    _table(book, "События", ["Дата", "Событие", "Вид", "Регион"],
           [[event.start_date, event.title, event.get_kind_display(), str(event.region or "")]
            for event in data["events"]], bold)
    if data["food_belt"]:
        _table(book, "Продовольственный пояс", ["Показатель", "Значение"],
               [[str(key), value if isinstance(value, int | float) else str(value)]
                for key, value in data["food_belt"].items()], bold)
    for worksheet in book.worksheets:
        for column in worksheet.columns:
            worksheet.column_dimensions[column[0].column_letter].width = min(
                60, max(10, *(len(str(cell.value or "")) for cell in column)))
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    stream = BytesIO()
    book.save(stream)
    return stream.getvalue()


def _table(book, title: str, header: list[str], rows: list[list], bold) -> None:
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = bold
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"

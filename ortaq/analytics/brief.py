"""A region's brief («справка») for the akim: one context, rendered as HTML, PDF (WeasyPrint) and XLSX."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ortaq.agreements.models import Agreement, Commitment
from ortaq.analytics import pairs, services, supply
from ortaq.analytics.intensity import FORMULA
from ortaq.core import exports
from ortaq.events.models import Event
from ortaq.regions.models import Region
from ortaq.regions.touching import touching_agreements

AGREEMENTS_LIMIT = 60
EVENTS_YEARS = 3
ROWS_LIMIT = 40


def context(region: Region) -> dict:
    """Everything the brief says about a region, each list bounded so the document stays a brief."""
    today = timezone.localdate()
    agreements = Agreement.objects.filter(touching_agreements(region))
    overdue = Q(commitments__due_date__lt=today) & ~Q(commitments__status__in=["done", "cancelled"])
    commitments = Commitment.objects.filter(
        Q(owner__region=region) | touching_agreements(region, "agreement_id"))
    since = datetime.date(today.year - EVENTS_YEARS + 1, 1, 1)
    counts = services.region_counts(region)
    status_labels = dict(Agreement.Status.choices)
    listed = list(agreements.order_by("-signed_on", "-pk").annotate(
        c_total=Count("commitments"), c_done=Count("commitments", filter=Q(commitments__status="done")),
        c_overdue=Count("commitments", filter=overdue),
    ).prefetch_related("parties__organization", "parties__region")[:AGREEMENTS_LIMIT])
    for agreement in listed:
        agreement.heading = heading(agreement)
    return {
        "region": region, "today": today, "since": since, "formula": FORMULA,
        "counts": counts,
        "statuses": [(status_labels.get(key, key), value) for key, value in counts["agreement_status"].items()],
        "partners": services.ranked_partners(region)[:15],
        "agreements": listed,
        "commitments": services.commitment_figures(region),
        "overdue": commitments.overdue().select_related("agreement", "owner").order_by("due_date")[:ROWS_LIMIT],
        "due_soon": commitments.due_soon().select_related("agreement", "owner").order_by("due_date")[:ROWS_LIMIT],
        **_events(region, since),
        "food_belt": supply.region_summary(region),
    }


def _events(region: Region, since: datetime.date) -> dict:
    """The region's events of the last years or, when it had none lately, its latest ones: the section never
    says «no events» under a count of events."""
    touching = Event.objects.filter(pairs.touching_events(region)).select_related("region")
    recent = list(touching.filter(start_date__gte=since).order_by("-start_date", "-pk")[:ROWS_LIMIT])
    if recent:
        return {"events": recent, "events_recent": True}
    return {"events": list(touching.order_by("-start_date", "-pk")[:ROWS_LIMIT]), "events_recent": False}


def heading(agreement: Agreement) -> str:
    """«Меморандум о …» as it is titled; the kind is put before a title that does not already start with it."""
    kind = agreement.get_kind_display()
    if not kind or agreement.title.casefold().startswith(kind.casefold()[:6]):
        return agreement.title
    return f"{kind[:1].upper()}{kind[1:]}: {agreement.title}"


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
    """The brief as a workbook: a summary sheet and one real table per section (ortaq.core.exports)."""
    data = context(region)
    summary = [(_("Регион"), str(region)), (_("По состоянию на"), data["today"]),
               (_("Соглашений и меморандумов"), data["counts"]["agreements"]),
               (_("Событий"), data["counts"]["events"]), (_("Совместных проектов"), data["counts"]["projects"]),
               (_("Обязательств всего"), data["commitments"]["total"]), (_("выполнено"), data["commitments"]["done"]),
               (_("просрочено"), data["commitments"]["overdue"]),
               (_("срок в ближайшие 30 дней"), data["commitments"]["due_soon"])]
    summary += [(_("Соглашения: %(status)s") % {"status": label}, value) for label, value in data["statuses"]]
    sheets = [
        exports.Sheet(_("Справка"), [_("Показатель"), _("Значение")], summary),
        exports.Sheet(_("Партнёры"), [_("Регион"), _("Соглашения"), _("События"), _("Проекты"), _("Поставки, ₸"),
                                      _("Интенсивность")],
                      [[str(row["region"]), row["agreements"], row["events"], row["projects"], row["supply_tenge"],
                        row["intensity"]] for row in data["partners"]],
                      [exports.TEXT, exports.NUMBER, exports.NUMBER, exports.NUMBER, exports.MONEY, exports.NUMBER]),
        exports.Sheet(_("Соглашения"), [_("Дата"), _("Вид"), _("Название"), _("Стороны"), _("Статус"),
                                        _("Обязательств"), _("Выполнено"), _("Просрочено")],
                      [[agreement.signed_on, agreement.get_kind_display(), agreement.title,
                        "; ".join(str(party) for party in agreement.parties.all()), agreement.get_status_display(),
                        agreement.c_total, agreement.c_done, agreement.c_overdue] for agreement in data["agreements"]]),
        exports.Sheet(_("Обязательства"), [_("Срок"), _("Обязательство"), _("Ответственный"), _("Соглашение"),
                                           _("Статус"), _("Состояние")],
                      [[item.due_date, item.text, str(item.owner or ""), item.agreement.title,
                        item.get_status_display(), state]
                       for state, items in ((_("просрочено"), data["overdue"]), (_("срок скоро"), data["due_soon"]))
                       for item in items]),
        exports.Sheet(_("События"), [_("Дата"), _("Событие"), _("Вид"), _("Регион")],
                      [[event.start_date, event.title, event.get_kind_display(), str(event.region or "")]
                       for event in data["events"]]),
    ]
    if data["food_belt"] and data["food_belt"].get("years"):
        sheets.append(exports.Sheet(
            _("Продовольственный пояс"),
            [_("Год"), _("План, ₸"), _("План, т"), _("Факт, ₸"), _("Факт, т"), _("По сообщениям, ₸"),
             _("Исполнение, %")],
            [[row["year"], row["plan_tenge"], row["plan_tonnes"], row["actual_tenge"], row["actual_tonnes"],
              row["reported_tenge"], row["fulfilment_tenge"]] for row in data["food_belt"]["years"]],
            [exports.YEAR, exports.MONEY, exports.NUMBER, exports.MONEY, exports.NUMBER, exports.MONEY,
             exports.NUMBER]))
    return exports.xlsx_bytes(sheets)

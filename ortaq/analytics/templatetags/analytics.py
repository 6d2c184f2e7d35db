"""Template helpers of the analytics pages: food-belt summaries and a program's visits."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext_lazy as _

from ortaq.core.templatetags.ortaq import money

register = template.Library()

LABELS = {
    "year": _("год"), "plan_tenge": _("план, тенге"), "actual_tenge": _("факт, тенге"),
    "plan_tonnes": _("план, тонн"), "actual_tonnes": _("факт, тонн"), "fulfilment_percent": _("исполнение, %"),
    "suppliers": _("поставщиков"), "growth_target_percent": _("целевой рост, %"), "tenge": _("тенге"),
    "tonnes": _("тонн"), "deliveries": _("поставок"), "programs": _("программ"),
}


@register.filter
def summary_rows(summary) -> list[tuple[str, str]]:
    """(label, value) for each plain figure of a food-belt summary dict."""
    rows = []
    for key, value in (summary or {}).items():
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str) or value in ("", None):
            continue
        shown = money(value) if isinstance(value, int | float | Decimal) and key != "year" else value
        rows.append((str(LABELS.get(key, key.replace("_", " "))), shown))
    return rows


@register.simple_tag
def program_visits(program) -> list[dict]:
    """The regions a program visited, each with its events and the agreements signed at them (3 queries)."""
    from ortaq.agreements.models import Agreement

    events = list(program.events.select_related("region", "settlement").order_by("start_date", "pk"))
    agreements = (Agreement.objects.filter(signing_event__program=program).order_by("signed_on", "pk")
                  .prefetch_related("parties__organization", "parties__region"))
    by_event: dict[int, list] = {}
    for agreement in agreements:
        by_event.setdefault(agreement.signing_event_id, []).append(agreement)
    visits: dict[int | None, dict] = {}
    for event in events:
        if event.region_id == program.host_region_id:
            continue
        visit = visits.setdefault(event.region_id, {"region": event.region, "events": [], "agreements": []})
        visit["events"].append(event)
        visit["agreements"] += by_event.get(event.pk, [])
    return list(visits.values())


@register.simple_tag
def program_food_belt(program):
    from ortaq.analytics import supply

    # The food belt summarises its supply programs; an events program has none of its own.
    return supply.program_summary(program) if hasattr(program, "consumer_region_id") else None


@register.simple_tag
def rollup_note(region_id: int | None = None) -> str:
    """While a worker is still counting recent writes: say how old the figures shown are."""
    from django.utils import timezone
    from django.utils.html import format_html
    from django.utils.translation import ngettext

    from ortaq.analytics.rollups import pending_since

    since = pending_since(region_id)
    if since is None:
        return ""
    seconds = max(1, int((timezone.now() - since).total_seconds()))
    text = ngettext("Итоги обновлены %(n)s секунду назад; последние изменения учитываются.",
                    "Итоги обновлены %(n)s секунд назад; последние изменения учитываются.", seconds) % {"n": seconds}
    return format_html('<p class="muted rollup-note" role="status">{}</p>', text)

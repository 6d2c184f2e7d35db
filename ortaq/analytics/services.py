"""The numbers of the analytics pages, read from the rollups (a constant number of queries at any size)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Case, Count, F, IntegerField, Q, Sum, When
from django.utils import timezone

from ortaq.agreements.models import DUE_SOON_DAYS, Commitment
from ortaq.analytics.intensity import SUMS, explain, intensity
from ortaq.analytics.models import PairYear, Tally
from ortaq.analytics.rollups import ensure_fresh_for_reader as ensure_fresh
from ortaq.analytics.tracker import OPEN_STATUSES
from ortaq.regions.models import Region
from ortaq.regions.touching import touching_agreements


def commitment_figures(region=None) -> dict[str, int]:
    """Commitments total / done / overdue / due in the next 30 days, for one region or all."""
    ensure_fresh()
    today = timezone.localdate()
    this_month = today.year * 100 + today.month
    rows = (Tally.objects.filter(region=region, measure="commitments").values("key")
            .annotate(total=Sum("value"), before=Sum("value", filter=Q(period__gt=0, period__lt=this_month))))
    by_status = {row["key"]: row for row in rows}
    figures = {"total": sum(row["total"] for row in rows), "done": (by_status.get("done") or {}).get("total", 0),
               "overdue": sum((by_status.get(status) or {}).get("before") or 0 for status in OPEN_STATUSES)}
    recent = Commitment.objects.filter(status__in=OPEN_STATUSES, due_date__gte=today.replace(day=1),
                                       due_date__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
    if region is not None:
        recent = recent.filter(Q(owner__region=region) | touching_agreements(region, "agreement_id"))
    counts = recent.aggregate(overdue=Count("pk", filter=Q(due_date__lt=today)),
                              due_soon=Count("pk", filter=Q(due_date__gte=today)))
    figures["overdue"] += counts["overdue"]
    figures["due_soon"] = counts["due_soon"]
    figures["open"] = figures["total"] - figures["done"] - (by_status.get("cancelled") or {}).get("total", 0)
    figures["done_percent"] = round(100 * figures["done"] / figures["total"]) if figures["total"] else None
    return figures


def tallies(region, measure: str) -> dict[tuple[str, int], int]:
    """{(key, period): value} of one measure."""
    return {(row["key"], row["period"]): row["value"]
            for row in Tally.objects.filter(region=region, measure=measure).values("key", "period", "value")}


def by_period(values: dict[tuple[str, int], int]) -> dict[int, int]:
    result: dict[int, int] = defaultdict(int)
    for (_key, period), value in values.items():
        if period:
            result[period] += value
    return dict(sorted(result.items()))


def by_key(values: dict[tuple[str, int], int]) -> dict[str, int]:
    result: dict[str, int] = defaultdict(int)
    for (key, _period), value in values.items():
        result[key] += value
    return dict(sorted(result.items(), key=lambda item: -item[1]))


def pair_totals() -> list[dict]:
    """Every pair of regions with its summed components and intensity, strongest first."""
    ensure_fresh()
    rows = list(PairYear.objects.values("region_a_id", "region_b_id").annotate(**SUMS))
    for row in rows:
        row["intensity"] = intensity(row)
        row["explain"] = explain(row)
    return sorted(rows, key=lambda row: -row["intensity"])


def ranked_partners(region: Region) -> list[dict]:
    """A region's partners with the components and intensity of their cooperation, strongest first."""
    ensure_fresh()
    partner = Case(When(region_a=region, then=F("region_b_id")), default=F("region_a_id"),
                   output_field=IntegerField())
    rows = list(PairYear.objects.filter(Q(region_a=region) | Q(region_b=region)).annotate(partner=partner)
                .values("partner").annotate(**SUMS))
    regions = Region.objects.in_bulk([row["partner"] for row in rows])
    for row in rows:
        row["region"] = regions.get(row["partner"])
        row["intensity"] = intensity(row)
        row["explain"] = explain(row)
    return sorted((row for row in rows if row["region"]), key=lambda row: (-row["intensity"], row["region"].name_ru))


def intensity_by_year(region: Region, partner: Region | None = None) -> list[dict]:
    """Summed components and intensity per year for a region (with everyone, or with one partner)."""
    ensure_fresh()
    rows = PairYear.objects.exclude(year=0)
    if partner is None:
        rows = rows.filter(Q(region_a=region) | Q(region_b=region))
    else:
        first, second = sorted([region.pk, partner.pk])
        rows = rows.filter(region_a_id=first, region_b_id=second)
    result = list(rows.values("year").annotate(**SUMS).order_by("year"))
    for row in result:
        row["intensity"] = intensity(row)
        row["explain"] = explain(row)
    return result


def region_counts(region: Region) -> dict:
    """Agreements, events and projects touching the region, by status and year."""
    ensure_fresh()
    counts: dict = {"agreements": 0, "events": 0, "projects": 0}
    for row in Tally.objects.filter(region=region, measure__in=list(counts)).values("measure").annotate(n=Sum("value")):
        counts[row["measure"]] = row["n"]
    counts["agreement_status"] = by_key(tallies(region, "agreement_status"))
    return counts

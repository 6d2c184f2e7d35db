"""What other parts of Ortaq ask of the food belt: plan against actual, per region and year, from rollups.

Stable interface:
- `program_summary(program, year=None) -> dict` — per region and year: plan, actual, reported, fulfilment %.
- `region_food_belt_summary(region) -> dict | None` — the same rows for one region, for its page and brief.
- `supply_flows(year=None) -> list[dict]` — tenge and tonnes from each supplying to each consuming region.
Every figure comes from a handful of aggregate queries over the rollup tables, whatever the number of deliveries.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from ortaq.foodbelt.models import (
    DeliveryRollup,
    ProductCategory,
    ReportedSupplyTotal,
    SupplierYear,
    SupplyPlan,
    SupplyProgram,
)
from ortaq.regions.models import Region
from ortaq.sources.models import Source

HUNDRED = Decimal(100)
ONE_DECIMAL = Decimal("0.1")
CENTS, KILOGRAMS = Decimal("0.01"), Decimal("0.001")


def exact(row: dict) -> dict:
    """Round summed tenge to tiyn and tonnes to kilograms (SQLite sums decimals in binary floating point)."""
    for key in ("tenge", "tonnes"):
        if row.get(key) is not None:
            row[key] = Decimal(row[key]).quantize(CENTS if key == "tenge" else KILOGRAMS)
    return row


def percent(part: Decimal | int | None, whole: Decimal | int | None) -> Decimal | None:
    """part / whole in per cent, to one decimal; None when either is missing or the whole is zero."""
    if part is None or not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(ONE_DECIMAL)


def growth(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Year-on-year growth in per cent."""
    ratio = percent(current, previous)
    return None if ratio is None else ratio - HUNDRED


def expected_share(year: int, today=None) -> Decimal:
    """The share of a year's plan due by today: all of a past year, the elapsed part of this one."""
    today = today or timezone.localdate()
    if year < today.year:
        return Decimal(1)
    if year > today.year:
        return Decimal(0)
    return Decimal(today.timetuple().tm_yday) / Decimal(366 if today.year % 4 == 0 else 365)


def attach_sources(records: list) -> None:
    """Set `record.sources` on each record (of any models) with one query."""
    if not records:
        return
    by_type = defaultdict(list)
    for record in records:
        by_type[ContentType.objects.get_for_model(type(record)).pk].append(record.pk)
    condition = Q()
    for content_type, ids in by_type.items():
        condition |= Q(content_type_id=content_type, object_id__in=ids)
    found = defaultdict(list)
    for source in Source.objects.filter(condition).select_related("document", "entered_by"):
        found[(source.content_type_id, source.object_id)].append(source)
    for record in records:
        record.sources = found[(ContentType.objects.get_for_model(type(record)).pk, record.pk)]


def _rollups(program: SupplyProgram):
    return DeliveryRollup.objects.filter(consumer_region_id=program.consumer_region_id)


def _supplier_years(program: SupplyProgram):
    return SupplierYear.objects.filter(consumer_region_id=program.consumer_region_id)


def region_year_rows(program: SupplyProgram, region_id: int | None = None) -> list[dict]:
    """Plan, actual and reported figures for every (supplying region, year) of the program."""
    plans = SupplyPlan.objects.filter(program=program)
    reported = ReportedSupplyTotal.objects.filter(program=program, category__isnull=True)
    actual = _rollups(program)
    suppliers = _supplier_years(program)
    if region_id is not None:
        plans, reported = plans.filter(region_id=region_id), reported.filter(region_id=region_id)
        actual, suppliers = actual.filter(supplier_region_id=region_id), suppliers.filter(supplier_region_id=region_id)
    years = Q(year__gte=program.start_year) & (Q() if program.end_year is None else Q(year__lte=program.end_year))
    actual_by_key = {(row["supplier_region_id"], row["year"]): exact(row) for row in actual.filter(years).values(
        "supplier_region_id", "year").annotate(tenge=Sum("value_tenge"), tonnes=Sum("volume_tonnes"),
                                               deliveries=Sum("deliveries"))}
    supplier_counts = {(row["supplier_region_id"], row["year"]): row["count"] for row in suppliers.filter(
        years).values("supplier_region_id", "year").annotate(count=Count("pk"))}
    plan_list, reported_list = list(plans), list(reported.order_by("year", "kind"))
    attach_sources([*plan_list, *reported_list])

    keys = set(actual_by_key) | {(plan.region_id, plan.year) for plan in plan_list}
    keys |= {(item.region_id, item.year) for item in reported_list}
    regions = Region.objects.in_bulk({key[0] for key in keys})
    rows = {}
    for key in sorted(keys, key=lambda key: (regions[key[0]].name_ru, key[1])):
        rows[key] = _row(regions[key[0]], key[1], [plan for plan in plan_list if (plan.region_id, plan.year) == key],
                         actual_by_key.get(key), supplier_counts.get(key, 0),
                         [item for item in reported_list if (item.region_id, item.year) == key])
    for (region, year), row in rows.items():
        _compare_with_previous(row, rows.get((region, year - 1)))
    return list(rows.values())


def _row(region: Region, year: int, plans: list, actual: dict | None, suppliers: int, reported: list) -> dict:
    total = next((plan for plan in plans if plan.category_id is None), None)
    by_category = [plan for plan in plans if plan.category_id is not None]

    def planned(field: str):
        if total is not None and getattr(total, field) is not None:
            return getattr(total, field)
        values = [getattr(plan, field) for plan in by_category if getattr(plan, field) is not None]
        return sum(values, Decimal(0)) if values else None

    return {
        "region": region, "year": year, "plan": total, "category_plans": by_category,
        "plan_tenge": planned("value_tenge"), "plan_tonnes": planned("volume_tonnes"),
        "plan_suppliers": total.suppliers_count if total else None,
        "growth_target": total.growth_percent if total else None, "plan_tenge_implied": False,
        "actual_tenge": actual["tenge"] if actual else None, "actual_tonnes": actual["tonnes"] if actual else None,
        "actual_suppliers": suppliers if actual else None, "deliveries": actual["deliveries"] if actual else 0,
        "reported": [item for item in reported if item.kind == ReportedSupplyTotal.Kind.ACTUAL],
        "reported_plans": [item for item in reported if item.kind == ReportedSupplyTotal.Kind.PLAN],
    }


def _base(row: dict | None, field: str) -> tuple[Decimal | None, str | None]:
    """Last year's figure for growth: computed from deliveries, else the reported one."""
    if row is None:
        return None, None
    if row[f"actual_{field}"] is not None:
        return row[f"actual_{field}"], "computed"
    reported_field = "value_tenge" if field == "tenge" else "volume_tonnes"
    for item in row["reported"]:
        if getattr(item, reported_field) is not None:
            return getattr(item, reported_field), "reported"
    return None, None


def _compare_with_previous(row: dict, previous: dict | None) -> None:
    base_tenge, row["growth_base"] = _base(previous, "tenge")
    base_tonnes, _kind = _base(previous, "tonnes")
    if row["plan_tenge"] is None and row["growth_target"] is not None and base_tenge is not None:
        # "+40 % over last year" is a money target when only the growth was planned.
        row["plan_tenge"] = (base_tenge * (HUNDRED + row["growth_target"]) / HUNDRED).quantize(Decimal("0.01"))
        row["plan_tenge_implied"] = True
    row["previous_tenge"], row["previous_tonnes"] = base_tenge, base_tonnes
    row["growth_actual"] = growth(row["actual_tenge"], base_tenge)
    row["growth_tonnes"] = growth(row["actual_tonnes"], base_tonnes)
    row["fulfilment_tenge"] = percent(row["actual_tenge"], row["plan_tenge"])
    row["fulfilment_tonnes"] = percent(row["actual_tonnes"], row["plan_tonnes"])
    row["fulfilment_suppliers"] = percent(row["actual_suppliers"], row["plan_suppliers"])
    due = expected_share(row["year"]) * HUNDRED
    fulfilments = [value for value in (row["fulfilment_tenge"], row["fulfilment_tonnes"]) if value is not None]
    row["behind"] = bool(fulfilments) and due > 0 and min(fulfilments) < due


def _sum(rows: list[dict], field: str) -> Decimal | int | None:
    values = [row[field] for row in rows if row[field] is not None]
    return sum(values) if values else None


def program_years(program: SupplyProgram, rows: list[dict]) -> list[int]:
    years = sorted({row["year"] for row in rows})
    return years or [program.start_year]


def default_year(rows: list[dict], years: list[int]) -> int:
    """The latest year with deliveries, else the latest year not in the future."""
    current = timezone.localdate().year
    with_data = [row["year"] for row in rows if row["deliveries"] and row["year"] <= current]
    past = [year for year in years if year <= current]
    return max(with_data or past or years[:1])


def program_summary(program: SupplyProgram, year: int | None = None) -> dict:
    """Plan against actual for a program: every region-year row, and totals for one year (latest by default)."""
    rows = region_year_rows(program)
    years = program_years(program, rows)
    if year is None:
        year = default_year(rows, years)
    selected = [row for row in rows if row["year"] == year]
    previous = [row for row in rows if row["year"] == year - 1]
    totals = {field: _sum(selected, field) for field in (
        "plan_tenge", "plan_tonnes", "plan_suppliers", "actual_tenge", "actual_tonnes", "actual_suppliers",
        "deliveries")}
    previous_tenge = _sum(previous, "actual_tenge")
    totals.update(
        fulfilment_tenge=percent(totals["actual_tenge"], totals["plan_tenge"]),
        fulfilment_tonnes=percent(totals["actual_tonnes"], totals["plan_tonnes"]),
        fulfilment_suppliers=percent(totals["actual_suppliers"], totals["plan_suppliers"]),
        previous_tenge=previous_tenge, growth_actual=growth(totals["actual_tenge"], previous_tenge),
        behind_regions=sum(1 for row in selected if row["behind"]),
    )
    return {"program": program, "years": years, "year": year, "rows": rows, "selected": selected, "totals": totals}


def category_breakdown(program: SupplyProgram, year: int) -> list[dict]:
    """Actual (and planned, where planned per category) tenge and tonnes of each category in a year."""
    actual = {row["category_id"]: exact(row) for row in _rollups(program).filter(year=year).values("category_id").annotate(
        tenge=Sum("value_tenge"), tonnes=Sum("volume_tonnes"), deliveries=Sum("deliveries"))}
    planned = {row["category_id"]: exact(row) for row in SupplyPlan.objects.filter(
        program=program, year=year, category__isnull=False).values("category_id").annotate(
        tenge=Sum("value_tenge"), tonnes=Sum("volume_tonnes"))}
    rows = []
    for category in ProductCategory.objects.filter(pk__in=set(actual) | set(planned)):
        done, plan = actual.get(category.pk, {}), planned.get(category.pk, {})
        rows.append({"category": category, "tenge": done.get("tenge"), "tonnes": done.get("tonnes"),
                     "deliveries": done.get("deliveries", 0), "plan_tenge": plan.get("tenge"),
                     "plan_tonnes": plan.get("tonnes"),
                     "fulfilment_tenge": percent(done.get("tenge"), plan.get("tenge"))})
    return rows


def monthly_series(program: SupplyProgram) -> list[dict]:
    """Tenge and tonnes per year and month, for the seasonal chart."""
    return [exact(row) for row in _rollups(program).values("year", "month").annotate(
        tenge=Sum("value_tenge"), tonnes=Sum("volume_tonnes")).order_by("year", "month")]


def top_suppliers(program: SupplyProgram, year: int, limit: int = 10) -> list[SupplierYear]:
    """The suppliers who delivered the most (in tenge) in a year."""
    return list(_supplier_years(program).filter(year=year).select_related(
        "supplier__organization", "supplier_region").order_by("-value_tenge")[:limit])


def programs_of_region(region: Region):
    """Programs where the region supplies (participates, plans, reports or delivers) or consumes."""
    supplying = Q(regions=region) | Q(plans__region=region) | Q(reported_totals__region=region)
    delivering = SupplierYear.objects.filter(supplier_region=region).values("consumer_region")
    return SupplyProgram.objects.filter(
        supplying | Q(consumer_region=region) | Q(consumer_region__in=delivering)).distinct().select_related(
        "consumer_region")


YEAR_FIELDS = ("plan_tenge", "plan_tonnes", "plan_suppliers", "actual_tenge", "actual_tonnes", "actual_suppliers")


def region_food_belt_summary(region: Region) -> dict | None:
    """The region's food belt, or None when it takes no part.

    Keys: `supplying` ([{program, rows}] where the region supplies), `consuming` (program summaries where it
    is the consuming city), `years` ([{year, plan_*, actual_*, reported_*, fulfilment_tenge, fulfilment_tonnes}]
    summed over its programs, as supplier or else as consumer) and the latest year's headline: `year`,
    `plan_tenge`, `actual_tenge`, `plan_tonnes`, `actual_tonnes`, `fulfilment_percent`.
    """
    programs = list(programs_of_region(region))
    if not programs:
        return None
    supplying, consuming = [], []
    for program in programs:
        rows = region_year_rows(program, region_id=region.pk)
        if rows:
            supplying.append({"program": program, "rows": rows})
        if program.consumer_region_id == region.pk:
            consuming.append(program_summary(program))
    rows = [row for item in supplying for row in item["rows"]] or [
        row for summary in consuming for row in summary["rows"]]
    years = [_year_totals(year, [row for row in rows if row["year"] == year])
             for year in sorted({row["year"] for row in rows})]
    latest = default_year(rows, [item["year"] for item in years]) if years else None
    headline = next((item for item in years if item["year"] == latest), {})
    return {
        "region": region, "supplying": supplying, "consuming": consuming, "years": years, "year": latest,
        "plan_tenge": headline.get("plan_tenge"), "actual_tenge": headline.get("actual_tenge"),
        "plan_tonnes": headline.get("plan_tonnes"), "actual_tonnes": headline.get("actual_tonnes"),
        "fulfilment_percent": headline.get("fulfilment_tenge"),
    }


def _year_totals(year: int, rows: list[dict]) -> dict:
    totals = {"year": year, **{field: _sum(rows, field) for field in YEAR_FIELDS}}
    reported = [item for row in rows for item in row["reported"]]
    for field, key in (("value_tenge", "reported_tenge"), ("volume_tonnes", "reported_tonnes"),
                       ("suppliers_count", "reported_suppliers")):
        values = [getattr(item, field) for item in reported if getattr(item, field) is not None]
        totals[key] = sum(values) if values else None
    totals["reported"] = reported
    totals["fulfilment_tenge"] = percent(totals["actual_tenge"], totals["plan_tenge"])
    totals["fulfilment_tonnes"] = percent(totals["actual_tonnes"], totals["plan_tonnes"])
    return totals


def supply_flows(year: int | None = None) -> list[dict]:
    """Deliveries from each supplying region to each other consuming region: tenge and tonnes (Decimal)."""
    rollups = DeliveryRollup.objects.exclude(supplier_region=F("consumer_region"))
    if year is not None:
        rollups = rollups.filter(year=year)
    return [
        {"from_region_id": row["supplier_region_id"], "to_region_id": row["consumer_region_id"],
         "tenge": row["tenge"], "tonnes": row["tonnes"]}
        for row in map(exact, rollups.values("supplier_region_id", "consumer_region_id").annotate(
            tenge=Sum("value_tenge"), tonnes=Sum("volume_tonnes")).order_by("supplier_region_id",
                                                                            "consumer_region_id"))
    ]


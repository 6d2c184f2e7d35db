"""The food belt's figures, when the food-belt app provides them; Ortaq works without them.

The food-belt app offers `supply_flows(year=None)`, `region_food_belt_summary(region)` and
`program_summary(program, year=None)` in `ortaq.foodbelt.services`. Until it does, every function here
answers "nothing" and the supply term of the intensity is zero.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

FIRST_YEAR = 2010


def _service(name: str) -> Callable | None:
    try:
        from ortaq.foodbelt import services
    except ImportError:
        return None
    return getattr(services, name, None)


def available() -> bool:
    return _service("supply_flows") is not None


def flows(year: int | None = None) -> list[dict]:
    """[{from_region_id, to_region_id, tenge, tonnes}] of one year (all years when None)."""
    supply_flows = _service("supply_flows")
    if supply_flows is None:
        return []
    try:
        return list(supply_flows(year=year))
    except Exception:  # a food-belt failure must not take the analytics pages down
        return []


def flows_by_pair_year(region_id: int | None) -> dict[tuple[int, int, int], tuple[Decimal, Decimal]]:
    """{(region_a, region_b, year): (tenge, tonnes)} summed in both directions, optionally touching one region."""
    if not available():
        return {}
    result: dict[tuple[int, int, int], tuple[Decimal, Decimal]] = {}
    for year in range(FIRST_YEAR, datetime.date.today().year + 2):
        for flow in flows(year):
            first, second = flow.get("from_region_id"), flow.get("to_region_id")
            if not first or not second or first == second:
                continue
            if region_id and region_id not in (first, second):
                continue
            key = (min(first, second), max(first, second), year)
            tenge, tonnes = result.get(key, (Decimal(0), Decimal(0)))
            result[key] = (tenge + Decimal(flow.get("tenge") or 0), tonnes + Decimal(flow.get("tonnes") or 0))
    return result


def region_summary(region) -> dict | None:
    summary = _service("region_food_belt_summary")
    if summary is None:
        return None
    try:
        return summary(region)
    except Exception:
        return None


def program_summary(program) -> dict | None:
    summary = _service("program_summary")
    if summary is None:
        return None
    try:
        return summary(program)
    except Exception:
        return None


def pair_flows(region_a, region_b) -> list[dict]:
    """Flows between two regions in either direction, all years."""
    pair = {region_a.pk, region_b.pk}
    return [flow for flow in flows(None) if {flow.get("from_region_id"), flow.get("to_region_id")} == pair]


def _reported_tenge(row: dict) -> Decimal | None:
    values = [item.value_tenge for item in row.get("reported") or [] if getattr(item, "value_tenge", None) is not None]
    return sum(values, Decimal(0)) if values else None


def pair_food_belt(region_a, region_b) -> list[dict]:
    """Plan, actual and press-reported supply by year where one region of the pair supplies the other."""
    rows = []
    for supplier, consumer in ((region_a, region_b), (region_b, region_a)):
        summary = region_summary(supplier) or {}
        for item in summary.get("supplying", []):
            if getattr(item["program"], "consumer_region_id", None) != consumer.pk:
                continue
            rows += [{"program": item["program"], "supplier": supplier, "consumer": consumer, "year": row["year"],
                      "plan_tenge": row.get("plan_tenge"), "plan_tonnes": row.get("plan_tonnes"),
                      "actual_tenge": row.get("actual_tenge"), "actual_tonnes": row.get("actual_tonnes"),
                      "reported_tenge": _reported_tenge(row), "fulfilment": row.get("fulfilment_tenge"),
                      "growth_target": row.get("growth_target")} for row in item["rows"]]
    return sorted(rows, key=lambda row: (row["year"], row["supplier"].pk))

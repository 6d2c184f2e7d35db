"""The intensity of cooperation between two regions: one documented formula, shown on every hover."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from ortaq.core.formatting import number

# Weights: a signed agreement counts three times an event, a joint project five times; supply counts per
# billion tenge delivered, so the capital's food belt weighs like a handful of agreements a year.
WEIGHTS = {"agreements": Decimal(3), "events": Decimal(1), "projects": Decimal(5), "supply_bn": Decimal(2)}
FORMULA = _("интенсивность = 3 × соглашения + 1 × события + 5 × совместные проекты + 2 × поставки (млрд тенге)")
BILLION = Decimal(1_000_000_000)
SUMS = {"agreements": Sum("agreements"), "events": Sum("events"), "projects": Sum("projects"),
        "supply_tenge": Sum("supply_tenge"), "supply_tonnes": Sum("supply_tonnes")}


def intensity(row: dict) -> Decimal:
    """The intensity of a row of summed components (agreements, events, projects, supply_tenge)."""
    supply_bn = Decimal(row.get("supply_tenge") or 0) / BILLION
    value = (WEIGHTS["agreements"] * (row.get("agreements") or 0) + WEIGHTS["events"] * (row.get("events") or 0)
             + WEIGHTS["projects"] * (row.get("projects") or 0) + WEIGHTS["supply_bn"] * supply_bn)
    return value.quantize(Decimal("0.01"))


def explain(row: dict) -> str:
    """The formula with this row's numbers, for a hover text."""
    supply_bn = (Decimal(row.get("supply_tenge") or 0) / BILLION).quantize(Decimal("0.01"))
    return (f"{number(intensity(row))} = 3×{row.get('agreements') or 0} + 1×{row.get('events') or 0} "
            f"+ 5×{row.get('projects') or 0} + 2×{number(supply_bn)}")

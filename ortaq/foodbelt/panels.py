"""The food-belt section of a region's page."""

from __future__ import annotations

from ortaq.core.plugins import Panel
from ortaq.foodbelt.services import region_food_belt_summary


def region_panels(region) -> list[Panel]:
    summary = region_food_belt_summary(region)
    if summary is None:
        return []
    return [Panel("foodbelt/_region_panel.html", summary, order=60)]

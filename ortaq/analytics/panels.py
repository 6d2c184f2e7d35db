"""Sections the analytics app adds to a region's page: intensity over the years, ranked partners, the brief."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ortaq.analytics import charts, services, supply
from ortaq.analytics.intensity import FORMULA
from ortaq.core.plugins import Panel


def region_panels(region) -> list[Panel]:
    by_year = services.intensity_by_year(region)
    return [Panel("analytics/_region_panel.html", {
        "region": region,
        "partners": services.ranked_partners(region),
        "commitments": services.commitment_figures(region),
        "food_belt": supply.region_summary(region),
        "intensity_chart": charts.intensity_by_year(by_year, _("Интенсивность сотрудничества по годам"))
        if by_year else None,
        "formula": FORMULA,
    }, order=10)]

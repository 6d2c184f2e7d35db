"""Plotly figures (as plain dicts for `json_script`) of the dashboard, labelled in Russian."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ortaq.core.charts import finish

MONTHS = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
LAYOUT = {"margin": {"l": 60, "r": 10, "t": 10, "b": 60}, "height": 320,
          "legend": {"orientation": "h"}, "font": {"family": "system-ui, sans-serif", "size": 12}}


def _number(value) -> float:
    # Plotly draws numbers; Decimal stays exact everywhere else.
    return float(value) if value is not None else None


def plan_vs_actual(rows: list[dict]) -> dict:
    names = [str(row["region"]) for row in rows]
    return finish([
        {"type": "bar", "name": _("план, млн тг"), "x": names,
         "y": [_number(row["plan_tenge"] / 10**6) if row["plan_tenge"] is not None else None for row in rows]},
        {"type": "bar", "name": _("факт, млн тг"), "x": names,
         "y": [_number(row["actual_tenge"] / 10**6) if row["actual_tenge"] is not None else None for row in rows]},
    ], {**LAYOUT, "barmode": "group", "xaxis": {"type": "category"}, "yaxis": {"title": {"text": _("млн тенге")}}})


def by_category(rows: list[dict]) -> dict:
    return finish([{"type": "bar", "orientation": "h", "name": _("факт, млн тг"),
                      "y": [str(row["category"]) for row in rows],
                      "x": [_number(row["tenge"] / 10**6) if row["tenge"] is not None else 0 for row in rows]}],
                  {**LAYOUT, "margin": {**LAYOUT["margin"], "l": 200}, "xaxis": {"title": {"text": _("млн тенге")}},
                   "yaxis": {"type": "category", "automargin": True}})


def by_month(series: list[dict]) -> dict:
    years = sorted({row["year"] for row in series})
    data = []
    for year in years:
        values = {row["month"]: row["tenge"] for row in series if row["year"] == year}
        data.append({"type": "scatter", "mode": "lines+markers", "name": str(year), "x": MONTHS,
                     "y": [_number(values[m] / 10**6) if m in values else None for m in range(1, 13)]})
    return finish(data, {**LAYOUT, "xaxis": {"type": "category"}, "yaxis": {"title": {"text": _("млн тенге")}}})

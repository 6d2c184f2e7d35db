"""Plotly figures built on the server and drawn by plotly.min.js from the plotly Python package (no CDN).

Figures are plain {"data", "layout"} dicts in Plotly's JSON schema: building plotly.graph_objects validates
every property and costs ~100 ms a figure, more than the whole page may take.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ortaq.analytics import geo
from ortaq.core import charts as chart_format
from ortaq.core import formatting

# The measures the cooperation map (home page, map fragment) may be filled by.
MAP_MEASURES = {"intensity": gettext_lazy("интенсивность"), "agreements": gettext_lazy("соглашения"),
                "events": gettext_lazy("события"), "projects": gettext_lazy("проекты")}
YEARS_AXIS = {"type": "category"}  # years are labels: 2025, 2026 — never 2,025.5

LAYOUT = {"margin": {"l": 40, "r": 10, "t": 30, "b": 40}, "height": 300, "font": {"family": "sans-serif", "size": 12},
          "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)", "legend": {"orientation": "h"}}


def figure(traces: list[dict], **layout) -> dict:
    """A figure for `json_script`: decimals become floats, the common layout is applied."""
    def plain(value):
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        return value

    return chart_format.finish(plain(traces), plain({**LAYOUT, **layout}))


def bars_by_year(series: dict[str, dict[int, float]], title: str = "", stacked: bool = False) -> dict:
    return figure([{"type": "bar", "name": name, "x": [str(year) for year in values], "y": list(values.values())}
                   for name, values in series.items()], title=title, barmode="stack" if stacked else "group",
                  xaxis=YEARS_AXIS)


def horizontal_bars(labels: list[str], values: list[float], title: str = "") -> dict:
    return figure([{"type": "bar", "x": values[::-1], "y": labels[::-1], "orientation": "h"}],
                  margin={"l": 220, "r": 10, "t": 30, "b": 30}, title=title)


def intensity_by_year(rows: list[dict], title: str = "") -> dict:
    """Stacked weighted components per year, hover showing the formula with the year's numbers."""
    years = [str(row["year"]) for row in rows]
    parts = [(_("соглашения ×3"), [3 * (row["agreements"] or 0) for row in rows]),
             (_("события ×1"), [row["events"] or 0 for row in rows]),
             (_("проекты ×5"), [5 * (row["projects"] or 0) for row in rows]),
             (_("поставки ×2 (млрд тг)"), [float(2 * (row["supply_tenge"] or 0) / 10**9) for row in rows])]
    hover = [row["explain"] for row in rows]
    return figure([{"type": "bar", "name": name, "x": years, "y": values, "hovertext": hover,
                    "hoverinfo": "name+text+x"} for name, values in parts if any(values)], title=title, barmode="stack",
                  xaxis=YEARS_AXIS)


def _colour(share: float) -> str:
    """Light to dark blue."""
    low, high = (222, 235, 247), (8, 81, 156)
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(low, high))
    return f"rgb({red},{green},{blue})"


def cooperation_map(regions: list, pairs: list[dict], fill: dict[int, float] | None = None,
                    fill_label: str = "", highlight: int | None = None) -> dict:
    """Regions at their centres, lines between partners as thick as their intensity; filled boundaries
    when a boundary file is configured."""
    by_pk = {region.pk: region for region in regions if region.latitude is not None}
    traces: list = []
    shapes = geo.boundaries()
    if shapes and fill is not None:
        top = max(fill.values(), default=0) or 1
        for region in regions:
            for ring in shapes.get(geo.key(region.name_ru), []):
                value = fill.get(region.pk, 0)
                traces.append({"type": "scatter", "x": [p[0] for p in ring], "y": [p[1] for p in ring],
                               "fill": "toself", "mode": "lines", "line": {"width": 0.5, "color": "#6b7c93"},
                               "fillcolor": _colour(float(value) / float(top)), "hoverinfo": "text",
                               "text": f"{region}: {fill_label} {formatting.number(value)}",
                               "showlegend": False})
    strongest = max((float(pair["intensity"]) for pair in pairs), default=0) or 1
    mid_x, mid_y, mid_text = [], [], []
    for pair in pairs:
        first, second = by_pk.get(pair["region_a_id"]), by_pk.get(pair["region_b_id"])
        if first is None or second is None or not pair["intensity"]:
            continue
        width = 1 + 9 * float(pair["intensity"]) / strongest
        touches = highlight in (first.pk, second.pk)
        traces.append({"type": "scatter", "x": [first.longitude, second.longitude],
                       "y": [first.latitude, second.latitude], "mode": "lines", "hoverinfo": "skip",
                       "showlegend": False,
                       "line": {"width": width, "color": "rgba(200,80,30,0.75)" if touches or highlight is None
                                else "rgba(120,120,120,0.35)"}})
        mid_x.append((first.longitude + second.longitude) / 2)
        mid_y.append((first.latitude + second.latitude) / 2)
        mid_text.append(f"{first} ↔ {second}<br>{pair['explain']}")
    traces.append({"type": "scatter", "x": mid_x, "y": mid_y, "mode": "markers", "marker": {"size": 8, "opacity": 0},
                   "hovertext": mid_text, "hoverinfo": "text", "showlegend": False, "name": "pairs"})
    points = list(by_pk.values())
    traces.append({"type": "scatter", "x": [r.longitude for r in points], "y": [r.latitude for r in points],
                   "mode": "markers+text", "text": [r.centre or r.name_ru for r in points],
                   "textposition": geo.label_positions([(r.longitude, r.latitude) for r in points]),
                   "hovertext": [str(r) for r in points], "hoverinfo": "text",
                   "customdata": [r.get_absolute_url() for r in points], "showlegend": False, "name": "regions",
                   "marker": {"size": 9, "color": "#1f3b6f"}})
    return figure(traces, height=460, margin={"l": 10, "r": 10, "t": 10, "b": 10}, xaxis={"visible": False},
                  hovermode="closest", yaxis={"visible": False, "scaleanchor": "x", "scaleratio": 1.5})


def map_figure(regions: list, pairs: list[dict], measure: str) -> dict:
    """The cooperation map, regions filled by the measure summed over their pairs."""
    fill: dict[int, float] = {}
    for pair in pairs:
        for pk in (pair["region_a_id"], pair["region_b_id"]):
            fill[pk] = fill.get(pk, 0) + float(pair[measure] or 0)
    return cooperation_map(regions, pairs, fill, str(MAP_MEASURES[measure]))

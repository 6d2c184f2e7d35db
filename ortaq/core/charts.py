"""What every Plotly figure shares: the language's number format, the «нет данных» of an empty chart, a palette
that people with colour blindness can tell apart, and the figures in words (a table and a one-line summary)."""

from __future__ import annotations

import re

from django.utils import formats
from django.utils.translation import gettext as _

from ortaq.core import formatting

# d3 formats without locale: grouped thousands, trailing zeros trimmed; Plotly swaps in `separators`.
NUMBER_FORMAT = ",~r"
HOVER_FORMAT = ",.4~r"

# Okabe & Ito's palette: its colours stay distinct under protanopia, deuteranopia and tritanopia.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def separators() -> str:
    """Plotly's `separators` (decimal, then thousands) from the active language: `,` and a no-break space."""
    return f"{formats.get_format('DECIMAL_SEPARATOR')}{formats.get_format('THOUSAND_SEPARATOR')}"


def is_empty(traces: list[dict]) -> bool:
    """No trace has a value worth drawing (every value list empty, None or zero)."""
    for trace in traces:
        for key in ("y", "x", "values", "z"):
            values = trace.get(key)
            if isinstance(values, list | tuple) and any(value not in (None, "", 0) for value in values):
                if key != "x" or trace.get("orientation") == "h" or "y" not in trace:
                    return False
    return True


def no_data(layout: dict) -> dict:
    """The layout of an empty chart: no axes, a centred «нет данных»."""
    return {**layout, "xaxis": {"visible": False}, "yaxis": {"visible": False}, "showlegend": False,
            "annotations": [{"text": _("нет данных"), "showarrow": False, "xref": "paper", "yref": "paper",
                             "x": 0.5, "y": 0.5, "font": {"size": 15, "color": "#6b7785"}}]}


def finish(traces: list[dict], layout: dict) -> dict:
    """The figure with the language's separators, numeric axes in that format, «нет данных» when empty."""
    layout = {"colorway": PALETTE, **layout, "separators": separators()}
    if is_empty(traces):
        return {"data": [], "layout": no_data(layout)}
    for axis in ("xaxis", "yaxis"):
        settings = dict(layout.get(axis) or {})
        if settings.get("type") != "category" and settings.get("visible", True):
            settings.setdefault("tickformat", NUMBER_FORMAT)
            settings.setdefault("hoverformat", HOVER_FORMAT)
        layout[axis] = settings
    return {"data": traces, "layout": layout}


def _is_data_trace(trace: dict) -> bool:
    """Bars and lines carry figures; the map's lines, markers and filled shapes are drawing."""
    return trace.get("type") == "bar" or (trace.get("type") == "scatter" and "lines+markers" in trace.get("mode", ""))


def _series(trace: dict) -> tuple[list, list]:
    if trace.get("orientation") == "h":
        return list(trace.get("y") or [])[::-1], list(trace.get("x") or [])[::-1]
    return list(trace.get("x") or []), list(trace.get("y") or [])


def _plain_text(value: object) -> str:
    return re.sub(r"<[^>]+>", " ", str(value)).replace("  ", " ").strip()


def table_of(figure: dict | None) -> dict | None:
    """The figure's numbers as a table: {"columns": [...], "rows": [[...], ...]}; None when it has none."""
    traces = (figure or {}).get("data") or []
    series = [trace for trace in traces if _is_data_trace(trace)]
    if series:
        labels: list = []
        for trace in series:
            labels += [label for label in _series(trace)[0] if label not in labels]
        columns = [""] + [str(trace.get("name") or _("Значение")) for trace in series]
        values = [dict(zip(*_series(trace))) for trace in series]
        rows = [[str(label)] + [formatting.number(v[label]) if v.get(label) is not None else "—" for v in values]
                for label in labels]
        return {"columns": columns, "rows": rows}
    pairs = [trace for trace in traces if trace.get("name") == "pairs" and trace.get("hovertext")]
    if pairs:
        rows = [[_plain_text(part) for part in (str(text).split("<br>", 1) + [""])[:2]]
                for text in pairs[0]["hovertext"]]
        return {"columns": [_("Пара регионов"), _("Интенсивность: расчёт")], "rows": rows, "map": True}
    return None


def summary_of(figure: dict | None) -> str:
    """One sentence saying what the chart shows: its extent and its largest value."""
    table = table_of(figure)
    if not table or not table["rows"]:
        return _("Нет данных для графика.")
    if table.get("map"):
        return _("Связей между регионами на карте: %(count)s.") % {"count": len(table["rows"])}
    best = None
    for trace in (trace for trace in figure["data"] if _is_data_trace(trace)):
        for label, value in zip(*_series(trace)):
            if isinstance(value, int | float) and (best is None or value > best[0]):
                best = (value, label, trace.get("name"))
    text = _("Позиций на графике: %(count)s") % {"count": len(table["rows"])}
    if best is not None:
        series = f" ({best[2]})" if best[2] and len(table["columns"]) > 2 else ""
        text += "; " + _("наибольшее значение — %(label)s: %(value)s%(series)s") % {
            "label": best[1], "value": formatting.number(best[0]), "series": series}
    return text + "."

"""What every Plotly figure shares: the language's number format and the «нет данных» of an empty chart."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

# d3 formats without locale: grouped thousands, trailing zeros trimmed; Plotly swaps in `separators`.
NUMBER_FORMAT = ",~r"
HOVER_FORMAT = ",.4~r"


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
    layout = {**layout, "separators": separators()}
    if is_empty(traces):
        return {"data": [], "layout": no_data(layout)}
    for axis in ("xaxis", "yaxis"):
        settings = dict(layout.get(axis) or {})
        if settings.get("type") != "category" and settings.get("visible", True):
            settings.setdefault("tickformat", NUMBER_FORMAT)
            settings.setdefault("hoverformat", HOVER_FORMAT)
        layout[axis] = settings
    return {"data": traces, "layout": layout}

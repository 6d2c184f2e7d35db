"""Food-belt figures for people: 25 млрд, 66 000 т, 92,4 % (through ortaq.core.formatting)."""

from __future__ import annotations

from django import template

from ortaq.core import formatting

register = template.Library()


@register.filter
def tenge(value) -> str:
    """Tenge in billions or millions, one decimal: «25 млрд», «812,4 млн»."""
    return formatting.short_number(value)


@register.filter
def tonnes(value) -> str:
    return formatting.number(value, max_decimals=0)


@register.filter
def pct(value) -> str:
    return formatting.percent(value)


@register.filter
def signed_pct(value) -> str:
    if value in (None, ""):
        return formatting.EMPTY
    return f"{'+' if value > 0 else ''}{formatting.percent(value)}"


@register.filter
def qualified(value, qualifier_label) -> str:
    """«более 2 000» — the figure with its hedge."""
    if value in (None, ""):
        return formatting.EMPTY
    text = formatting.number(value)
    return f"{qualifier_label} {text}" if qualifier_label else text

"""Food-belt figures for people: 25 млрд тенге, 66 000 т, 92,4 %."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def tenge(value) -> str:
    """Tenge in billions or millions, one decimal: «25 млрд», «812,4 млн»."""
    if value in (None, ""):
        return "—"
    value = Decimal(value)
    for size, unit in ((Decimal(10) ** 9, _("млрд")), (Decimal(10) ** 6, _("млн"))):
        if abs(value) >= size:
            scaled = (value / size).quantize(Decimal("0.1"))
            scaled = scaled.quantize(Decimal(1)) if scaled == scaled.to_integral() else scaled
            return f"{number_format(scaled, force_grouping=True)} {unit}"
    return number_format(value.quantize(Decimal(1)), force_grouping=True)


@register.filter
def tonnes(value) -> str:
    if value in (None, ""):
        return "—"
    return number_format(Decimal(value).quantize(Decimal(1)), force_grouping=True)


@register.filter
def pct(value) -> str:
    if value in (None, ""):
        return "—"
    return f"{number_format(value, 1)} %"


@register.filter
def signed_pct(value) -> str:
    if value in (None, ""):
        return "—"
    return f"{'+' if value > 0 else ''}{number_format(value, 1)} %"


@register.filter
def qualified(value, qualifier_label) -> str:
    """«более 2 000» — the figure with its hedge."""
    if value in (None, ""):
        return "—"
    text = number_format(value, force_grouping=True)
    return f"{qualifier_label} {text}" if qualifier_label else text

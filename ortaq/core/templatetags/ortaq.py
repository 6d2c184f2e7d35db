"""Template helpers: a record's fields for display, permission checks and number formatting."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ortaq.core import formatting
from ortaq.core.permissions import permission_name

register = template.Library()

HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "party_count"}


@register.simple_tag
def record_fields(record) -> list[tuple[str, object, str | None]]:
    """(label, value, link) for each filled-in concrete field of a record."""
    rows = []
    for field in record._meta.concrete_fields:
        if field.name in HIDDEN_FIELDS:
            continue
        value = getattr(record, field.name)
        if value in (None, "", []):
            continue
        link = None
        if isinstance(field, models.ForeignKey):
            link = value.get_absolute_url() if hasattr(value, "get_absolute_url") else None
        elif field.choices:
            value = getattr(record, f"get_{field.name}_display")()
        elif isinstance(field, models.FileField):
            link, value = value.url, value.name.rsplit("/", 1)[-1]
        elif isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        elif isinstance(value, datetime.date | int | float | Decimal) and not isinstance(value, bool):
            value = (formatting.year(value) if field.name.endswith("year") else
                     formatting.money(value) if formatting.is_money(field.name) else formatting.plain(value))
        rows.append((field.verbose_name, value, link))
    return rows


@register.simple_tag(takes_context=True)
def can(context, action: str, record) -> bool:
    """Whether the current user may do the action ("change", "delete", "add") on the record or model."""
    user = context["request"].user
    model = record if isinstance(record, type) else type(record)
    return user.has_perm(permission_name(model, action), None if isinstance(record, type) else record)


@register.simple_tag(takes_context=True)
def may_add(context, label: str) -> bool:
    """Whether the current user may add records of a kind named 'app.model' (an empty section offers it)."""
    request = context.get("request")
    if request is None:
        return False
    app_label, model_name = label.split(".")
    return request.user.has_perm(f"{app_label}.add_{model_name}")


@register.simple_tag
def period(start, end) -> str:
    """`01.02.2020 — 03.04.2022`, `с 01.02.2020`, `по …`, or nothing (never «… — …»)."""
    return formatting.period(start, end)


@register.filter
def num(value) -> str:
    """`1 500,5` (ortaq.core.formatting.number)."""
    return formatting.number(value)


@register.filter
def money(value) -> str:
    """`1 500 ₸`, `1 500,50 ₸`."""
    return formatting.money(value)


@register.filter
def money_short(value) -> str:
    """`35 млрд ₸`, for tiles."""
    return formatting.money(value, short=True)


@register.filter
def short_num(value) -> str:
    """`35 млрд`, for tiles."""
    return formatting.short_number(value)


@register.filter
def pct(value) -> str:
    """`45 %`, `12,5 %`."""
    return formatting.percent(value)


@register.filter
def day(value) -> str:
    """`20.12.2026` in tables and lists."""
    return formatting.date(value)


@register.filter
def long_day(value) -> str:
    """«20 декабря 2026 г.» in running text."""
    return formatting.date(value, long=True)


@register.filter
def moment(value) -> str:
    """`20.12.2026 14:30`."""
    return formatting.datetime_(value)


@register.filter
def restore_url(historical) -> str:
    """The URL that restores this historical version of its record."""
    label = historical.instance_type._meta.label_lower
    return reverse("core:restore", args=[label, historical.instance.pk, historical.history_id])


HISTORY_TYPES = {"+": _("создание"), "~": _("изменение"), "-": _("удаление")}


@register.filter
def history_type(historical) -> str:
    """The kind of change in Russian (simple-history ships no Russian words); a restore names its version."""
    from ortaq.core.history import restored_from

    restored = restored_from(historical)
    if restored is not None:
        return _("восстановление версии от %(date)s") % {"date": formatting.datetime_(restored)}
    return HISTORY_TYPES.get(historical.history_type, historical.history_type)


@register.filter
def verbose_name(record) -> str:
    return record._meta.verbose_name


@register.filter
def plural_name(model) -> str:
    return model._meta.verbose_name_plural

"""Template helpers: a record's fields for display, permission checks and number formatting."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

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
        elif isinstance(value, datetime.datetime):
            value = date_format(timezone.localtime(value), "d.m.Y H:i")
        elif isinstance(value, datetime.date):
            value = date_format(value, "d.m.Y")
        elif isinstance(value, Decimal):
            value = money(value)
        rows.append((field.verbose_name, value, link))
    return rows


@register.simple_tag(takes_context=True)
def can(context, action: str, record) -> bool:
    """Whether the current user may do the action ("change", "delete", "add") on the record or model."""
    user = context["request"].user
    model = record if isinstance(record, type) else type(record)
    return user.has_perm(permission_name(model, action), None if isinstance(record, type) else record)


@register.filter
def money(value) -> str:
    """A number with thin-space thousands, as Russian documents print it."""
    if value in (None, ""):
        return "—"
    if isinstance(value, Decimal):
        value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    return number_format(value, force_grouping=True)


@register.filter
def restore_url(historical) -> str:
    """The URL that restores this historical version of its record."""
    label = historical.instance_type._meta.label_lower
    return reverse("core:restore", args=[label, historical.instance.pk, historical.history_id])


HISTORY_TYPES = {"+": _("создание"), "~": _("изменение"), "-": _("удаление")}


@register.filter
def history_type(historical) -> str:
    """The kind of change in Russian (simple-history ships no Russian words)."""
    return HISTORY_TYPES.get(historical.history_type, historical.history_type)


@register.filter
def verbose_name(record) -> str:
    return record._meta.verbose_name


@register.filter
def plural_name(model) -> str:
    return model._meta.verbose_name_plural

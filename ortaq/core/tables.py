"""Base table of every record list; every cell is shown through ortaq.core.formatting."""

from __future__ import annotations

import datetime
from decimal import Decimal

import django_tables2 as tables
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tables2.columns import library

from ortaq.core import formatting


def is_year(name: str) -> bool:
    return name == "year" or name.endswith("_year")


def display(value, name: str = "") -> object:
    """A cell's value as the reader sees it: dates `dd.mm.yyyy`, numbers `1 500,5`, years as they are."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and is_year(name):
        return formatting.year(value)
    if isinstance(value, datetime.date | int | float | Decimal):
        return formatting.plain(value)
    return value


@library.register
class Column(tables.Column):
    """A column that formats dates and numbers for the page and keeps them typed for exports."""

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateField | models.DecimalField | models.FloatField | models.IntegerField) \
                and not isinstance(field, models.AutoField | models.BooleanField):
            return cls(**kwargs)
        return None

    def render(self, value, bound_column=None):
        return display(value, bound_column.name if bound_column is not None else "")

    def value(self, value, **kwargs):
        # Exports take the typed value (a date stays a date, a number a number); see ortaq.core.exports.
        return value


class RecordTable(tables.Table):
    class Meta:
        attrs = {"class": "table"}
        empty_text = _("Записей, подходящих под условия, нет.")
        template_name = "core/table.html"
        per_page = 25

    @property
    def caption(self) -> str:
        """The table's caption for screen readers: its records' plural name."""
        model = getattr(self._meta, "model", None)
        return str(model._meta.verbose_name_plural).capitalize() if model is not None else ""

"""A choice widget that searches as you type instead of listing every record (there may be 100,000)."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget

# Below this many rows a plain drop-down is easier to use than a search box.
SMALL_TABLE_MODELS = {"regions.region", "agreements.area", "events.program", "auth.user", "foodbelt.productcategory",
                      "foodbelt.supplyprogram", "webhooks.subscription"}


class AutocompleteSelect(forms.Widget):
    """A hidden input with the chosen id and a search box that asks the server for matching records."""

    template_name = "core/widgets/autocomplete.html"

    def __init__(self, model, attrs=None):
        super().__init__(attrs)
        self.model = model

    def get_context(self, name, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        record = None
        if str(value or "").isdigit():  # a typed or stale value in a filter's URL is not a record number
            record = self.model._default_manager.filter(pk=int(value)).first()
        context["widget"].update(
            url=reverse("core:autocomplete", args=[self.model._meta.label_lower]),
            label=str(record) if record else "",
            placeholder=_("начните вводить название…"),
        )
        return context


def use_autocomplete(form: forms.BaseForm) -> None:
    """Give every single-choice field over a large table a search box."""
    for field in form.fields.values():
        if type(field) is not forms.ModelChoiceField or isinstance(field.widget, forms.HiddenInput):
            continue
        model = field.queryset.model
        if model._meta.label_lower in SMALL_TABLE_MODELS:
            continue
        field.widget = AutocompleteSelect(model)


class YesNoAllSelect(BooleanWidget):
    """A yes/no filter that reads «Все / Да / Нет» (django-filter's reads «Неизвестно / Да / Нет»)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("Все")), ("true", _("Да")), ("false", _("Нет"))]

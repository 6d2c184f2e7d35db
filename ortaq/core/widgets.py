"""A choice widget that searches as you type instead of listing every record (there may be 100,000)."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Below this many rows a plain drop-down is easier to use than a search box.
SMALL_TABLE_MODELS = {"regions.region", "agreements.area", "events.program", "auth.user"}


class AutocompleteSelect(forms.Widget):
    """A hidden input with the chosen id and a search box that asks the server for matching records."""

    template_name = "core/widgets/autocomplete.html"

    def __init__(self, model, attrs=None):
        super().__init__(attrs)
        self.model = model

    def get_context(self, name, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        record = self.model._default_manager.filter(pk=value).first() if value not in (None, "") else None
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

"""The base form of every registry record: knows its user and the version it was loaded at."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ortaq.core.widgets import use_autocomplete


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RecordForm(forms.ModelForm):
    """A model form with a hidden `loaded_version`, so an edit made on a stale page can be refused."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk and not self.is_bound:
            self.fields["loaded_version"].initial = self.instance.version
        use_autocomplete(self)
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput) and not isinstance(field.widget, DateInput):
                field.widget = DateInput()
            if isinstance(field, forms.ModelChoiceField) and not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("class", "select")


def unique_names_error(label) -> str:
    return _("%(label)s указана дважды.") % {"label": label}

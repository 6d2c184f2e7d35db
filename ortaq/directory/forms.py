from django import forms
from django.utils.translation import gettext_lazy as _

from ortaq.core.forms import RecordForm
from ortaq.directory.models import Organization, Person, Position


class OrganizationForm(RecordForm):
    aliases = forms.CharField(label=_("Другие названия"), required=False, help_text=_("через точку с запятой"))

    class Meta:
        model = Organization
        fields = ["name", "name_kk", "short_name", "kind", "legal_form", "region", "parent", "bin", "aliases", "website",
                  "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.initial["aliases"] = "; ".join(self.instance.aliases)

    def clean_aliases(self) -> list[str]:
        return [alias.strip() for alias in self.cleaned_data["aliases"].split(";") if alias.strip()]

    def clean_bin(self) -> str | None:
        return self.cleaned_data.get("bin") or None


class PersonForm(RecordForm):
    class Meta:
        model = Person
        fields = ["last_name", "first_name", "patronymic", "name_kk", "note"]


class PositionForm(RecordForm):
    class Meta:
        model = Position
        fields = ["person", "title", "region", "organization", "start_date", "end_date"]

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("region") and not data.get("organization"):
            raise forms.ValidationError(_("Укажите регион или организацию, к которой относится должность."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Дата окончания раньше даты начала."))
        return data

from django import forms
from django.utils.translation import gettext_lazy as _

from ortaq.agreements.models import Agreement, Area, Commitment, Party, ProgressReport
from ortaq.core.forms import RecordForm
from ortaq.core.widgets import use_autocomplete


class AreaForm(RecordForm):
    class Meta:
        model = Area
        fields = ["name_ru", "name_kk", "name_en", "slug"]


class AgreementForm(RecordForm):
    class Meta:
        model = Agreement
        fields = ["kind", "title", "number", "signed_on", "signing_event", "status", "valid_from", "valid_until",
                  "areas", "document_file", "note"]
        widgets = {"areas": forms.CheckboxSelectMultiple}

    def clean_status(self) -> str:
        status = self.cleaned_data["status"]
        if self.instance.pk and not self.instance.can_move_to(status):
            previous = Agreement.objects.get(pk=self.instance.pk)
            if not previous.can_move_to(status):
                raise forms.ValidationError(
                    _("Статус «%(old)s» не может смениться на «%(new)s».")
                    % {"old": previous.get_status_display(), "new": dict(Agreement.Status.choices)[status]}
                )
        return status

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("Срок действия заканчивается раньше, чем начинается."))
        return data


class PartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = ["organization", "region", "signatory", "signatory_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_autocomplete(self)

    def clean(self) -> dict:
        data = super().clean()
        if self.has_changed() and not data.get("DELETE") and not (data.get("organization") or data.get("region")):
            raise forms.ValidationError(_("Сторона — это организация или регион: укажите одно из двух."))
        return data


class BasePartyFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        seen = set()
        count = 0
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE"):
                continue
            key = ("organization", data["organization"].pk) if data.get("organization") else (
                ("region", data["region"].pk) if data.get("region") else None)
            if key is None:
                continue
            if key in seen:
                raise forms.ValidationError(_("Одна и та же сторона указана дважды."))
            seen.add(key)
            count += 1
        if count < 2:
            raise forms.ValidationError(_("У соглашения должно быть не меньше двух сторон."))


PartyFormSet = forms.inlineformset_factory(
    Agreement, Party, form=PartyForm, formset=BasePartyFormSet, extra=2, can_delete=True
)


class CommitmentForm(RecordForm):
    class Meta:
        model = Commitment
        fields = ["agreement", "text", "owner", "area", "due_date", "indicator", "unit", "baseline", "target",
                  "actual", "status"]


class ProgressReportForm(RecordForm):
    class Meta:
        model = ProgressReport
        fields = ["commitment", "date", "value", "note", "evidence"]

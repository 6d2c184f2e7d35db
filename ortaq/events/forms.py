from django import forms
from django.utils.translation import gettext_lazy as _

from ortaq.core.forms import RecordForm
from ortaq.core.widgets import use_autocomplete
from ortaq.events.models import Event, Participation, Program, ReportedFigure


def check_dates(form: forms.Form, data: dict) -> None:
    start, end = data.get("start_date"), data.get("end_date")
    if start and end and end < start:
        form.add_error("end_date", _("Дата окончания раньше даты начала."))


class ProgramForm(RecordForm):
    class Meta:
        model = Program
        fields = ["name", "name_kk", "kind", "host_region", "organizer", "start_date", "end_date", "description"]

    def clean(self) -> dict:
        data = super().clean()
        check_dates(self, data)
        return data


ReportedFigureFormSet = forms.inlineformset_factory(
    Program, ReportedFigure, fields=["metric", "value", "as_of", "note"], extra=1, can_delete=True
)


class EventForm(RecordForm):
    class Meta:
        model = Event
        fields = ["title", "kind", "program", "parent", "start_date", "end_date", "region", "settlement", "host",
                  "venue", "description"]

    def clean(self) -> dict:
        data = super().clean()
        check_dates(self, data)
        settlement, region = data.get("settlement"), data.get("region")
        if settlement and region and settlement.region_id != region.pk:
            self.add_error("settlement", _("Населённый пункт находится в другом регионе."))
        return data


class ParticipationForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["person", "organization", "region", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_autocomplete(self)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("DELETE") and not any(data.get(name) for name in ("person", "organization", "region")):
            if self.has_changed():
                raise forms.ValidationError(_("Укажите участника: персону, организацию или регион."))
        return data


ParticipationFormSet = forms.inlineformset_factory(
    Event, Participation, form=ParticipationForm, extra=2, can_delete=True
)

from django import forms
from django.utils.translation import gettext_lazy as _

from ortaq.core.forms import RecordForm
from ortaq.projects.models import JointProject, Milestone


class JointProjectForm(RecordForm):
    class Meta:
        model = JointProject
        fields = ["title", "kind", "status", "regions", "partners", "areas", "agreements", "start_year", "end_year",
                  "budget", "currency", "description"]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Год окончания раньше года начала."))
        return data


MilestoneFormSet = forms.inlineformset_factory(
    JointProject, Milestone, fields=["title", "due_date", "done_on", "status"], extra=1, can_delete=True,
    widgets={"due_date": forms.DateInput(attrs={"type": "date"}), "done_on": forms.DateInput(attrs={"type": "date"})},
)

from django import forms

from ortaq.core.forms import RecordForm
from ortaq.regions.models import Region, Settlement


class RegionForm(RecordForm):
    historic_names = forms.CharField(required=False, help_text="через запятую")

    class Meta:
        model = Region
        fields = ["code", "kato", "name_ru", "name_kk", "name_en", "kind", "country", "centre", "latitude",
                  "longitude", "historic_names", "established_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.initial["historic_names"] = ", ".join(self.instance.historic_names)

    def clean_historic_names(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data["historic_names"].split(",") if name.strip()]


class SettlementForm(RecordForm):
    class Meta:
        model = Settlement
        fields = ["region", "name_ru", "name_kk", "name_en", "kind", "kato", "latitude", "longitude"]

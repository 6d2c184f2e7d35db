from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ortaq.core.forms import RecordForm
from ortaq.foodbelt import validation
from ortaq.foodbelt.models import (
    Delivery,
    ProductCategory,
    ReportedSupplyTotal,
    Supplier,
    SupplyPlan,
    SupplyProgram,
)


class ProductCategoryForm(RecordForm):
    class Meta:
        model = ProductCategory
        fields = ["slug", "name_ru", "name_kk", "name_en", "sort_order"]


class SupplyProgramForm(RecordForm):
    class Meta:
        model = SupplyProgram
        fields = ["name", "consumer_region", "regions", "start_year", "end_year", "description"]
        widgets = {"regions": forms.CheckboxSelectMultiple}


class SupplierForm(RecordForm):
    class Meta:
        model = Supplier
        fields = ["organization", "categories", "active", "note"]
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def clean_organization(self):
        organization = self.cleaned_data["organization"]
        if organization is not None and organization.region_id is None:
            raise ValidationError(_("У организации не указан регион: поставки не к чему отнести."))
        return organization


class SupplyPlanForm(RecordForm):
    class Meta:
        model = SupplyPlan
        fields = ["program", "region", "year", "category", "value_tenge", "volume_tonnes", "suppliers_count",
                  "growth_percent", "note"]

    def clean(self) -> dict:
        data = super().clean()
        program, year = data.get("program"), data.get("year")
        if program and year and not program.covers(year):
            self.add_error("year", _("Год вне срока программы."))
        return data


class ReportedSupplyTotalForm(RecordForm):
    class Meta:
        model = ReportedSupplyTotal
        fields = ["program", "region", "year", "kind", "category", "value_tenge", "volume_tonnes",
                  "suppliers_count", "growth_percent", "qualifier", "suppliers_qualifier", "as_of", "note"]


class DeliveryForm(RecordForm):
    """The same rules as a row of an imported file (see `validation`)."""

    class Meta:
        model = Delivery
        fields = ["supplier", "category", "date", "volume_tonnes", "value_tenge", "consumer_region", "consumer",
                  "document_number"]

    def clean_date(self):
        value = self.cleaned_data["date"]
        validation.check_date(value)
        return value

    def clean_volume_tonnes(self):
        value = self.cleaned_data["volume_tonnes"]
        validation.check_volume(value)
        return value

    def clean_value_tenge(self):
        value = self.cleaned_data["value_tenge"]
        validation.check_value(value)
        return value

    def clean_document_number(self):
        return validation.document_number(self.cleaned_data["document_number"])

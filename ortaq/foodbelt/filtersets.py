import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import RecordFilterSet
from ortaq.foodbelt.models import Delivery, ReportedSupplyTotal, Supplier, SupplyPlan
from ortaq.regions.models import Region


class SupplierFilterSet(RecordFilterSet):
    name = django_filters.CharFilter(field_name="organization__name", lookup_expr="icontains",
                                     label=_("Название"))
    bin = django_filters.CharFilter(field_name="organization__bin", label=_("БИН"))
    region = django_filters.ModelChoiceFilter(field_name="organization__region", queryset=Region.objects.all(),
                                              label=_("Регион"))

    class Meta:
        model = Supplier
        fields = ["name", "bin", "region", "categories", "active", "synthetic"]


class SupplyPlanFilterSet(RecordFilterSet):
    class Meta:
        model = SupplyPlan
        fields = ["program", "region", "year", "category"]


class ReportedSupplyTotalFilterSet(RecordFilterSet):
    class Meta:
        model = ReportedSupplyTotal
        fields = ["program", "region", "year", "kind"]


class DeliveryFilterSet(RecordFilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("С даты"))
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("По дату"))
    region = django_filters.ModelChoiceFilter(field_name="supplier__organization__region",
                                              queryset=Region.objects.all(), label=_("Регион поставщика"))
    document_number = django_filters.CharFilter(label=_("Номер документа"))

    class Meta:
        model = Delivery
        fields = ["supplier", "category", "consumer_region", "region", "date_from", "date_to", "document_number",
                  "synthetic"]

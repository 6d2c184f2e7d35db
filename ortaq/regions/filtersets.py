import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import RecordFilterSet
from ortaq.regions.models import Region, Settlement


class RegionFilterSet(RecordFilterSet):
    name = django_filters.CharFilter(field_name="name_ru", lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = Region
        fields = ["name", "kind", "country"]


class SettlementFilterSet(RecordFilterSet):
    name = django_filters.CharFilter(field_name="name_ru", lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = Settlement
        fields = ["name", "region", "kind"]

import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.regions.models import Region, Settlement


class RegionFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(field_name="name_ru", lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = Region
        fields = ["name", "kind", "country"]


class SettlementFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(field_name="name_ru", lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = Settlement
        fields = ["name", "region", "kind"]

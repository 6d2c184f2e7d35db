import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.directory.models import Organization, Person, Position


class OrganizationFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = Organization
        fields = ["name", "kind", "legal_form", "region", "bin"]


class PersonFilterSet(django_filters.FilterSet):
    last_name = django_filters.CharFilter(lookup_expr="icontains", label=_("Фамилия"))
    region = django_filters.NumberFilter(field_name="positions__region", label=_("Регион (id)"), distinct=True)

    class Meta:
        model = Person
        fields = ["last_name"]


class PositionFilterSet(django_filters.FilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label=_("Должность"))

    class Meta:
        model = Position
        fields = ["title", "region", "organization"]

import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from ortaq.directory.models import Organization, Person, Position


class OrganizationFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))
    parent = django_filters.NumberFilter(field_name="parent_id", widget=HiddenInput)

    class Meta:
        model = Organization
        fields = ["name", "kind", "legal_form", "region", "bin", "parent"]


class PersonFilterSet(django_filters.FilterSet):
    last_name = django_filters.CharFilter(lookup_expr="icontains", label=_("Фамилия"))
    region = django_filters.NumberFilter(field_name="positions__region", label=_("Регион (id)"), distinct=True)

    class Meta:
        model = Person
        fields = ["last_name"]


class PositionFilterSet(django_filters.FilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label=_("Должность"))
    organization = django_filters.NumberFilter(field_name="organization_id", widget=HiddenInput)
    person = django_filters.NumberFilter(field_name="person_id", widget=HiddenInput)

    class Meta:
        model = Position
        fields = ["title", "region", "organization", "person"]

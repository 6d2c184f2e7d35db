import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import RecordFilterSet
from ortaq.directory.models import Organization, Person, Position
from ortaq.regions.models import Region


class OrganizationFilterSet(RecordFilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))
    parent = django_filters.NumberFilter(field_name="parent_id", widget=HiddenInput)

    class Meta:
        model = Organization
        fields = ["name", "kind", "legal_form", "region", "bin", "parent"]


class PersonFilterSet(RecordFilterSet):
    last_name = django_filters.CharFilter(lookup_expr="icontains", label=_("Фамилия"))
    region = django_filters.ModelChoiceFilter(field_name="positions__region", queryset=Region.objects.all(),
                                              label=_("Регион"), distinct=True)

    class Meta:
        model = Person
        fields = ["last_name"]


class PositionFilterSet(RecordFilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label=_("Должность"))
    organization = django_filters.NumberFilter(field_name="organization_id", widget=HiddenInput)
    person = django_filters.NumberFilter(field_name="person_id", widget=HiddenInput)

    class Meta:
        model = Position
        fields = ["title", "region", "organization", "person"]

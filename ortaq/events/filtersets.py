import django_filters
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import RecordFilterSet
from ortaq.events.models import Event, Program


class ProgramFilterSet(RecordFilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = Program
        fields = ["name", "kind", "host_region"]


class EventFilterSet(RecordFilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))
    year = django_filters.NumberFilter(field_name="start_date", lookup_expr="year", label=_("Год"))
    start_after = django_filters.DateFilter(field_name="start_date", lookup_expr="gte", label=_("С даты"))
    start_before = django_filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("По дату"))

    class Meta:
        model = Event
        fields = ["title", "kind", "region", "program", "year", "start_after", "start_before", "parent"]

    parent = django_filters.NumberFilter(field_name="parent_id", widget=HiddenInput)

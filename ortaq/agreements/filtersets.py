import django_filters
from django.db.models import Q
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from ortaq.agreements.models import Agreement, Area, Commitment, ProgressReport
from ortaq.core.filtersets import RecordFilterSet
from ortaq.directory.models import Organization
from ortaq.regions.models import Region
from ortaq.regions.touching import touching_agreements  # the indexed "records of a region"


def region_filter(label) -> django_filters.ModelChoiceFilter:
    """A region choice filtered by the FilterSet's `filter_region` method; an id in the API schema."""
    return extend_schema_field(OpenApiTypes.INT)(
        django_filters.ModelChoiceFilter(queryset=Region.objects.all(), method="filter_region", label=label)
    )


class AreaFilterSet(RecordFilterSet):
    name = django_filters.CharFilter(method="filter_name", label=_("Название"))

    class Meta:
        model = Area
        fields = ["name"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(Q(name_ru__icontains=value) | Q(name_kk__icontains=value) | Q(name_en__icontains=value))


class AgreementFilterSet(RecordFilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))
    region = region_filter(_("Регион стороны"))
    year = django_filters.NumberFilter(field_name="signed_on", lookup_expr="year", label=_("Год подписания"))

    class Meta:
        model = Agreement
        fields = ["title", "kind", "status", "region", "areas", "year"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(touching_agreements(value)) if value else queryset


class CommitmentFilterSet(RecordFilterSet):
    STATE_CHOICES = [("overdue", _("просрочено")), ("due_soon", _("срок в ближайшие 30 дней")),
                     ("open", _("не выполнено"))]
    text = django_filters.CharFilter(lookup_expr="icontains", label=_("Текст"))
    state = django_filters.ChoiceFilter(choices=STATE_CHOICES, method="filter_state", label=_("Состояние"))
    region = region_filter(_("Регион"))
    owner_name = django_filters.CharFilter(field_name="owner__name", lookup_expr="icontains",
                                           label=_("Ответственный (часть названия)"))
    # Searched as you type (RecordFilterSet): there may be hundreds of thousands of agreements and organizations.
    owner = django_filters.ModelChoiceFilter(queryset=Organization.objects.all(), label=_("Ответственная организация"))
    agreement = django_filters.ModelChoiceFilter(queryset=Agreement.objects.all(), label=_("Соглашение"))

    class Meta:
        model = Commitment
        fields = ["text", "status", "owner_name", "state", "region", "area", "owner", "agreement"]

    def filter_state(self, queryset, name, value):
        return {"overdue": queryset.overdue, "due_soon": queryset.due_soon, "open": queryset.open}[value]()

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(owner__region=value) | touching_agreements(value, "agreement_id"))


class ProgressReportFilterSet(RecordFilterSet):
    commitment = django_filters.NumberFilter(field_name="commitment_id", widget=HiddenInput)
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("С даты"))

    class Meta:
        model = ProgressReport
        fields = ["commitment", "date_after"]

from ortaq.core.plugins import region_panels
from ortaq.core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from ortaq.regions.filtersets import RegionFilterSet, SettlementFilterSet
from ortaq.regions.forms import RegionForm, SettlementForm
from ortaq.regions.models import Region, Settlement
from ortaq.regions.tables import RegionTable, SettlementTable

RECENT = 50  # the latest agreements, events and projects listed on a region's page


class RegionListView(RecordListView):
    model = Region
    table_class = RegionTable
    filterset_class = RegionFilterSet
    paginate_by = 50


class RegionDetailView(RecordDetailView):
    model = Region

    def get_context_data(self, **kwargs) -> dict:
        from ortaq.agreements.models import Agreement
        from ortaq.analytics import touches
        from ortaq.directory.models import Position
        from ortaq.events.models import Event
        from ortaq.projects.models import JointProject

        context = super().get_context_data(**kwargs)
        region = self.object
        context.update(
            organizations=region.organizations.order_by("name")[:50],
            organization_count=region.organizations.count(),
            people_in_office=Position.objects.current().filter(region=region).select_related("person", "organization"),
            agreements=touches.latest(
                touches.Touch.objects.filter(region=region, kind=touches.Kind.AGREEMENT),
                Agreement.objects.prefetch_related("parties__organization", "parties__region"), RECENT),
            events=touches.latest(touches.Touch.objects.filter(region=region, kind=touches.Kind.EVENT),
                                  Event.objects.select_related("region", "program"), RECENT),
            projects=touches.latest(touches.Touch.objects.filter(region=region, kind=touches.Kind.PROJECT),
                                    JointProject.objects.all(), RECENT),
            settlements=region.settlements.all()[:50],
            panels=region_panels(region),
        )
        return context


class RegionCreateView(RecordCreateView):
    model = Region
    form_class = RegionForm


class RegionUpdateView(RecordUpdateView):
    model = Region
    form_class = RegionForm


class RegionDeleteView(RecordDeleteView):
    model = Region


class SettlementListView(RecordListView):
    model = Settlement
    table_class = SettlementTable
    filterset_class = SettlementFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("region")


class SettlementDetailView(RecordDetailView):
    model = Settlement


class SettlementCreateView(RecordCreateView):
    model = Settlement
    form_class = SettlementForm


class SettlementUpdateView(RecordUpdateView):
    model = Settlement
    form_class = SettlementForm


class SettlementDeleteView(RecordDeleteView):
    model = Settlement

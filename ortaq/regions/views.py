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
from ortaq.regions.services import partner_regions
from ortaq.regions.tables import RegionTable, SettlementTable


class RegionListView(RecordListView):
    model = Region
    table_class = RegionTable
    filterset_class = RegionFilterSet
    paginate_by = 50


class RegionDetailView(RecordDetailView):
    model = Region

    def get_context_data(self, **kwargs) -> dict:
        from ortaq.agreements.models import Agreement
        from ortaq.directory.models import Position
        from ortaq.events.models import Event
        from ortaq.projects.models import JointProject

        context = super().get_context_data(**kwargs)
        region = self.object
        context.update(
            organizations=region.organizations.order_by("name")[:50],
            organization_count=region.organizations.count(),
            people_in_office=Position.objects.current().filter(region=region).select_related("person", "organization"),
            agreements=Agreement.objects.for_region(region).prefetch_related("parties__organization",
                                                                              "parties__region")[:50],
            events=Event.objects.in_region(region).select_related("region", "program")[:50],
            projects=JointProject.objects.for_region(region)[:50],
            partners=partner_regions(region),
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

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


class RegionListView(RecordListView):
    model = Region
    table_class = RegionTable
    filterset_class = RegionFilterSet
    paginate_by = 50


class RegionDetailView(RecordDetailView):
    model = Region

    def get_context_data(self, **kwargs) -> dict:
        """The region's settlements and panels; its organizations and people in office, latest agreements,
        events and projects come from their apps (`<app>.panels.detail_context`, see ortaq.core.plugins)."""
        context = super().get_context_data(**kwargs)
        region = self.object
        context.update(settlements=region.settlements.all()[:50], panels=region_panels(region))
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

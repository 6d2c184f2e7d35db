from ortaq.core.api import RecordSerializer, RecordViewSet
from ortaq.regions.filtersets import RegionFilterSet, SettlementFilterSet
from ortaq.regions.models import Region, Settlement


class RegionSerializer(RecordSerializer):
    class Meta:
        model = Region
        exclude = ["created_at", "updated_at"]


class SettlementSerializer(RecordSerializer):
    class Meta:
        model = Settlement
        exclude = ["created_at", "updated_at"]


class RegionViewSet(RecordViewSet):
    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet


class SettlementViewSet(RecordViewSet):
    queryset = Settlement.objects.select_related("region")
    serializer_class = SettlementSerializer
    filterset_class = SettlementFilterSet

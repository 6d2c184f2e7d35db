"""The food belt through the API, read-only: programs, suppliers, plans, deliveries, reported totals, categories.

Writes go through the pages and the import (which keep the rollups in step); the same rules decide who reads.
"""

from rest_framework import serializers, viewsets

from ortaq.core.api import RecordSerializer
from ortaq.core.api_permissions import RulesPermission
from ortaq.foodbelt.filtersets import (
    DeliveryFilterSet,
    ReportedSupplyTotalFilterSet,
    SupplierFilterSet,
    SupplyPlanFilterSet,
)
from ortaq.foodbelt.models import (
    Delivery,
    ProductCategory,
    ReportedSupplyTotal,
    Supplier,
    SupplyPlan,
    SupplyProgram,
)


class ReadOnlyRecordViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [RulesPermission]


def _serializer(record_model) -> type[serializers.ModelSerializer]:
    meta = type("Meta", (), {"model": record_model, "exclude": ["created_at", "updated_at"]})
    return type(f"{record_model.__name__}Serializer", (RecordSerializer,), {"Meta": meta})


ProductCategorySerializer = _serializer(ProductCategory)
SupplyProgramSerializer = _serializer(SupplyProgram)
SupplierSerializer = _serializer(Supplier)
SupplyPlanSerializer = _serializer(SupplyPlan)
ReportedSupplyTotalSerializer = _serializer(ReportedSupplyTotal)
DeliverySerializer = _serializer(Delivery)


class ProductCategoryViewSet(ReadOnlyRecordViewSet):
    queryset = ProductCategory.objects.order_by("sort_order", "pk")
    serializer_class = ProductCategorySerializer


class SupplyProgramViewSet(ReadOnlyRecordViewSet):
    queryset = SupplyProgram.objects.select_related("consumer_region").prefetch_related("regions").order_by("pk")
    serializer_class = SupplyProgramSerializer
    filterset_fields = ["consumer_region", "start_year"]


class SupplierViewSet(ReadOnlyRecordViewSet):
    queryset = Supplier.objects.select_related("organization").prefetch_related("categories").order_by("pk")
    serializer_class = SupplierSerializer
    filterset_class = SupplierFilterSet


class SupplyPlanViewSet(ReadOnlyRecordViewSet):
    queryset = SupplyPlan.objects.select_related("program", "region", "category").order_by("pk")
    serializer_class = SupplyPlanSerializer
    filterset_class = SupplyPlanFilterSet


class ReportedSupplyTotalViewSet(ReadOnlyRecordViewSet):
    queryset = ReportedSupplyTotal.objects.select_related("program", "region", "category").order_by("pk")
    serializer_class = ReportedSupplyTotalSerializer
    filterset_class = ReportedSupplyTotalFilterSet


class DeliveryViewSet(ReadOnlyRecordViewSet):
    queryset = Delivery.objects.select_related("supplier", "category", "consumer_region").order_by("pk")
    serializer_class = DeliverySerializer
    filterset_class = DeliveryFilterSet

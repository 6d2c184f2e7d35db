from django.utils.translation import gettext_lazy as _

from ortaq.core.tables import Column, RecordTable
from ortaq.foodbelt.models import (
    Delivery,
    ProductCategory,
    ReportedSupplyTotal,
    Supplier,
    SupplyPlan,
    SupplyProgram,
)


class ProductCategoryTable(RecordTable):
    name_ru = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = ProductCategory
        fields = ["sort_order", "slug", "name_ru", "name_kk", "name_en"]


class SupplyProgramTable(RecordTable):
    name = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = SupplyProgram
        fields = ["name", "consumer_region", "start_year", "end_year"]


class SupplierTable(RecordTable):
    organization = Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Поставщик"),
                                 order_by="organization__name")
    kind = Column(accessor="organization__get_kind_display", verbose_name=_("Вид"),
                         order_by="organization__kind")
    bin = Column(accessor="organization__bin", verbose_name=_("БИН"))
    region = Column(accessor="organization__region", verbose_name=_("Регион"),
                           order_by="organization__region__name_ru")

    class Meta(RecordTable.Meta):
        model = Supplier
        fields = ["organization", "kind", "bin", "region", "active"]


class SupplyPlanTable(RecordTable):
    region = Column(linkify=lambda record: record.get_absolute_url())

    class Meta(RecordTable.Meta):
        model = SupplyPlan
        fields = ["year", "region", "category", "value_tenge", "volume_tonnes", "suppliers_count", "growth_percent",
                  "program"]


class ReportedSupplyTotalTable(RecordTable):
    region = Column(linkify=lambda record: record.get_absolute_url())

    class Meta(RecordTable.Meta):
        model = ReportedSupplyTotal
        fields = ["year", "region", "kind", "value_tenge", "volume_tonnes", "suppliers_count", "growth_percent",
                  "qualifier", "program"]


class DeliveryTable(RecordTable):
    document_number = Column(linkify=True)
    supplier = Column(linkify=True, order_by="supplier__organization__name")

    class Meta(RecordTable.Meta):
        model = Delivery
        fields = ["date", "document_number", "supplier", "category", "volume_tonnes", "value_tenge",
                  "consumer_region", "consumer"]

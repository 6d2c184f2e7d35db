from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.foodbelt.models import (
    Delivery,
    DeliveryImport,
    ProductCategory,
    ReportedSupplyTotal,
    Supplier,
    SupplyPlan,
    SupplyProgram,
)


@admin.register(ProductCategory)
class ProductCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "name_ru", "sort_order"]


@admin.register(SupplyProgram)
class SupplyProgramAdmin(SimpleHistoryAdmin):
    list_display = ["name", "consumer_region", "start_year", "end_year", "synthetic"]


@admin.register(Supplier)
class SupplierAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "active", "synthetic"]
    raw_id_fields = ["organization"]
    search_fields = ["organization__name", "organization__bin"]


@admin.register(SupplyPlan)
class SupplyPlanAdmin(SimpleHistoryAdmin):
    list_display = ["program", "region", "year", "category", "value_tenge", "volume_tonnes", "growth_percent"]
    list_filter = ["year", "region"]


@admin.register(ReportedSupplyTotal)
class ReportedSupplyTotalAdmin(SimpleHistoryAdmin):
    list_display = ["program", "region", "year", "kind", "value_tenge", "volume_tonnes", "suppliers_count"]


@admin.register(Delivery)
class DeliveryAdmin(SimpleHistoryAdmin):
    list_display = ["document_number", "supplier", "category", "date", "volume_tonnes", "value_tenge"]
    raw_id_fields = ["supplier", "batch"]
    show_full_result_count = False


@admin.register(DeliveryImport)
class DeliveryImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "imported_at", "imported_by", "rows_total", "rows_added", "rows_skipped"]

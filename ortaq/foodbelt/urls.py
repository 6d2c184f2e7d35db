from django.urls import path

from ortaq.core.routing import record_urls
from ortaq.foodbelt import import_views, views
from ortaq.foodbelt.models import (
    Delivery,
    ProductCategory,
    ReportedSupplyTotal,
    Supplier,
    SupplyPlan,
    SupplyProgram,
)

app_name = "foodbelt"


def _crud(model, prefix: str, name: str) -> list:
    return record_urls(model, prefix=prefix, **{
        f"{action}_view": getattr(views, f"{name}{suffix}View")
        for action, suffix in (("list", "List"), ("detail", "Detail"), ("create", "Create"), ("edit", "Update"),
                               ("delete", "Delete"))})


urlpatterns = [
    path("", views.home, name="home"),
    path("import/deliveries/", import_views.import_deliveries, name="import_deliveries"),
    path("import/suppliers/", import_views.import_suppliers, name="import_suppliers"),
    path("import/template/<str:kind>.<str:file_format>", import_views.template, name="import_template"),
    *_crud(SupplyProgram, "programs", "SupplyProgram"),
    *_crud(Supplier, "suppliers", "Supplier"),
    *_crud(SupplyPlan, "plans", "SupplyPlan"),
    *_crud(ReportedSupplyTotal, "reported", "ReportedSupplyTotal"),
    *_crud(ProductCategory, "categories", "ProductCategory"),
    *_crud(Delivery, "deliveries", "Delivery"),
]

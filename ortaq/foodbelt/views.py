"""Pages of the food belt: the program dashboard, suppliers and the standard record pages."""

from __future__ import annotations

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ortaq.core import exports
from ortaq.core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from ortaq.foodbelt import charts, services
from ortaq.foodbelt.exports import file_response
from ortaq.foodbelt.filtersets import (
    DeliveryFilterSet,
    ReportedSupplyTotalFilterSet,
    SupplierFilterSet,
    SupplyPlanFilterSet,
)
from ortaq.foodbelt.forms import (
    DeliveryForm,
    ProductCategoryForm,
    ReportedSupplyTotalForm,
    SupplierForm,
    SupplyPlanForm,
    SupplyProgramForm,
)
from ortaq.foodbelt.models import (
    Delivery,
    ProductCategory,
    ReportedSupplyTotal,
    Supplier,
    SupplyPlan,
    SupplyProgram,
)
from ortaq.foodbelt.tables import (
    DeliveryTable,
    ProductCategoryTable,
    ReportedSupplyTotalTable,
    SupplierTable,
    SupplyPlanTable,
    SupplyProgramTable,
)

DASHBOARD_HEADERS = ["Регион", "Год", "План, тг", "Факт, тг", "Выполнение по сумме, %", "План, т", "Факт, т",
                     "Выполнение по объёму, %", "План поставщиков", "Поставщиков", "Рост факт, %",
                     "Рост план, %", "Заявлено, тг", "Заявлено поставщиков", "Отстаёт"]
DASHBOARD_KINDS = [exports.TEXT, exports.YEAR, exports.MONEY, exports.MONEY, exports.NUMBER, exports.NUMBER,
                   exports.NUMBER, exports.NUMBER, exports.NUMBER, exports.NUMBER, exports.NUMBER, exports.NUMBER,
                   exports.MONEY]
DELIVERY_KINDS = [exports.TEXT, exports.TEXT, exports.TEXT, exports.DATE, exports.NUMBER, exports.MONEY]


def home(request: HttpRequest) -> HttpResponse:
    """The food belt's front page: the latest program's dashboard, or an invitation to create one."""
    program = SupplyProgram.objects.order_by("-start_year", "pk").first()
    if program is not None:
        return redirect(program.get_absolute_url())
    return render(request, "foodbelt/empty.html", {})


def _parse_year(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _dashboard_rows(rows: list[dict]):
    for row in rows:
        reported = row["reported"][0] if row["reported"] else None
        yield [row["region"].name_ru, row["year"], row["plan_tenge"], row["actual_tenge"], row["fulfilment_tenge"],
               row["plan_tonnes"], row["actual_tonnes"], row["fulfilment_tonnes"], row["plan_suppliers"],
               row["actual_suppliers"], row["growth_actual"], row["growth_target"],
               reported.value_tenge if reported else None, reported.suppliers_count if reported else None,
               "да" if row["behind"] else ""]


class SupplyProgramListView(RecordListView):
    model = SupplyProgram
    table_class = SupplyProgramTable
    filterset_fields = ["consumer_region", "synthetic"]

    def get_queryset(self):
        return super().get_queryset().select_related("consumer_region")


class SupplyProgramDetailView(RecordDetailView):
    """The program's dashboard: plan against actual per region and year, categories, months, top suppliers."""

    model = SupplyProgram

    def get_queryset(self):
        return super().get_queryset().select_related("consumer_region")

    def get(self, request, *args, **kwargs):
        export = request.GET.get("_export")
        if export in ("csv", "xlsx"):
            self.object = self.get_object()
            summary = services.program_summary(self.object)
            return file_response(export, f"foodbelt-{self.object.pk}", DASHBOARD_HEADERS,
                                 _dashboard_rows(summary["rows"]), request, DASHBOARD_KINDS)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        program = self.object
        summary = services.program_summary(program, _parse_year(self.request.GET.get("year")))
        year = summary["year"]
        categories = services.category_breakdown(program, year)
        months = services.monthly_series(program)
        context.update(
            summary=summary, year=year, categories=categories, top=services.top_suppliers(program, year),
            participants=program.regions.all(),
            charts={"regions": charts.plan_vs_actual(summary["selected"]), "categories": charts.by_category(
                categories), "months": charts.by_month(months)},
        )
        return context


class SupplyProgramCreateView(RecordCreateView):
    model = SupplyProgram
    form_class = SupplyProgramForm


class SupplyProgramUpdateView(RecordUpdateView):
    model = SupplyProgram
    form_class = SupplyProgramForm


class SupplyProgramDeleteView(RecordDeleteView):
    model = SupplyProgram


class SupplierListView(RecordListView):
    model = Supplier
    table_class = SupplierTable
    filterset_class = SupplierFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("organization__region")


class SupplierDetailView(RecordDetailView):
    model = Supplier

    def get_queryset(self):
        return super().get_queryset().select_related("organization__region")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        supplier = self.object
        context.update(
            years=supplier.years.select_related("consumer_region").order_by("-year"),
            by_category=supplier.deliveries.values("category__name_ru").annotate(
                tenge=Sum("value_tenge"), tonnes=Sum("volume_tonnes")).order_by("-tenge"),
            recent=supplier.deliveries.select_related("category", "consumer_region").order_by("-date", "-pk")[:20],
            categories=supplier.categories.all(),
        )
        return context


class SupplierCreateView(RecordCreateView):
    model = Supplier
    form_class = SupplierForm


class SupplierUpdateView(RecordUpdateView):
    model = Supplier
    form_class = SupplierForm


class SupplierDeleteView(RecordDeleteView):
    model = Supplier


class SupplyPlanListView(RecordListView):
    model = SupplyPlan
    table_class = SupplyPlanTable
    filterset_class = SupplyPlanFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("program__consumer_region", "region", "category")


class SupplyPlanDetailView(RecordDetailView):
    model = SupplyPlan


class SupplyPlanCreateView(RecordCreateView):
    model = SupplyPlan
    form_class = SupplyPlanForm


class SupplyPlanUpdateView(RecordUpdateView):
    model = SupplyPlan
    form_class = SupplyPlanForm


class SupplyPlanDeleteView(RecordDeleteView):
    model = SupplyPlan


class ReportedSupplyTotalListView(RecordListView):
    model = ReportedSupplyTotal
    table_class = ReportedSupplyTotalTable
    filterset_class = ReportedSupplyTotalFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("program", "region")


class ReportedSupplyTotalDetailView(RecordDetailView):
    model = ReportedSupplyTotal


class ReportedSupplyTotalCreateView(RecordCreateView):
    model = ReportedSupplyTotal
    form_class = ReportedSupplyTotalForm


class ReportedSupplyTotalUpdateView(RecordUpdateView):
    model = ReportedSupplyTotal
    form_class = ReportedSupplyTotalForm


class ReportedSupplyTotalDeleteView(RecordDeleteView):
    model = ReportedSupplyTotal


class ProductCategoryListView(RecordListView):
    model = ProductCategory
    table_class = ProductCategoryTable
    filterset_fields = ["slug"]


class ProductCategoryDetailView(RecordDetailView):
    model = ProductCategory


class ProductCategoryCreateView(RecordCreateView):
    model = ProductCategory
    form_class = ProductCategoryForm


class ProductCategoryUpdateView(RecordUpdateView):
    model = ProductCategory
    form_class = ProductCategoryForm


class ProductCategoryDeleteView(RecordDeleteView):
    model = ProductCategory


class DeliveryListView(RecordListView):
    """Deliveries, newest first; exports stream every filtered row in the import template's columns."""

    model = Delivery
    table_class = DeliveryTable
    filterset_class = DeliveryFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related(
            "supplier__organization", "category", "consumer_region").order_by("-pk")

    def get(self, request, *args, **kwargs):
        export = request.GET.get("_export")
        if export in ("csv", "xlsx"):
            from ortaq.foodbelt.importer import export_rows, template_headers

            queryset = self.filterset_class(request.GET, queryset=self.get_queryset(), request=request).qs
            return file_response(export, "deliveries", template_headers(), export_rows(queryset), request,
                                 DELIVERY_KINDS)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["import_title"] = _("Импорт поставок")
        return context


class DeliveryDetailView(RecordDetailView):
    model = Delivery


class DeliveryCreateView(RecordCreateView):
    model = Delivery
    form_class = DeliveryForm


class DeliveryUpdateView(RecordUpdateView):
    model = Delivery
    form_class = DeliveryForm


class DeliveryDeleteView(RecordDeleteView):
    model = Delivery

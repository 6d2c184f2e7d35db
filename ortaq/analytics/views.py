"""Analytics pages: the map fragment, the pair page, the commitments tracker and the region brief."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tables2 import RequestConfig

from ortaq.agreements.models import Commitment
from ortaq.agreements.tables import CommitmentTable
from ortaq.analytics import brief, charts, geo, pairs, services, tracker
from ortaq.analytics.charts import MAP_MEASURES, map_figure
from ortaq.analytics.filtersets import TrackerFilterSet
from ortaq.analytics.intensity import FORMULA
from ortaq.core.views import RecordListView
from ortaq.regions.models import Region


def _readable(request: HttpRequest) -> None:
    from django.core.exceptions import PermissionDenied

    if not request.user.has_perm("regions.view_region"):
        raise PermissionDenied


def map_fragment(request: HttpRequest) -> HttpResponse:
    """The cooperation map filled by another measure (HTMX)."""
    _readable(request)
    measure = request.GET.get("measure", "intensity")
    measure = measure if measure in MAP_MEASURES else "intensity"
    figure = map_figure(list(Region.objects.of_kazakhstan()), services.pair_totals(), measure)
    return render(request, "analytics/_map.html", {"map_chart": figure, "formula": FORMULA,
                                                    "has_boundaries": bool(geo.boundaries()),
                                                    "map_credit": geo.CREDIT})


def pair_chooser(request: HttpRequest) -> HttpResponse:
    """?a=<pk>&b=<pk> → the pair page."""
    try:
        first, second = int(request.GET["a"]), int(request.GET["b"])
    except (KeyError, ValueError) as error:
        raise Http404 from error
    return redirect("analytics:pair", first, second)


def pair_page(request: HttpRequest, a: int, b: int) -> HttpResponse:
    """Everything between two regions: agreements, events, projects, supply and intensity by year."""
    _readable(request)
    if a == b:
        raise Http404
    region_a, region_b = get_object_or_404(Region, pk=a), get_object_or_404(Region, pk=b)
    context = pairs.pair_context(region_a, region_b)
    context["charts"] = {
        "intensity": charts.intensity_by_year(context["by_year"], _("Интенсивность по годам")),
        "timeline": charts.bars_by_year(
            {_("события"): {row["year"]: row["events"] for row in context["by_year"]},
             _("соглашения"): {row["year"]: row["agreements"] for row in context["by_year"]}},
            _("События и соглашения по годам")),
    }
    context["formula"] = FORMULA
    context["regions"] = Region.objects.all()
    return render(request, "analytics/pair.html", context)


class TrackerTable(CommitmentTable):
    """The commitments table with its rows written by one template (see _tracker_table.html)."""

    class Meta(CommitmentTable.Meta):
        template_name = "analytics/_tracker_table.html"
        empty_text = gettext_lazy("Обязательств, подходящих под условия, нет.")


class TrackerView(RecordListView):
    """The one commitments page (agreements:commitment_list): the figures by owner organization and region
    above the filterable, exportable list; what needs attention first."""

    model = Commitment
    table_class = TrackerTable
    filterset_class = TrackerFilterSet
    paginate_by = 50

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return ["analytics/_tracker_body.html"]
        return ["analytics/tracker.html"]

    def get_queryset(self):
        return super().get_queryset().select_related("agreement", "owner")

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate()

    @cached_property
    def figures(self) -> dict:
        """By owner, by region and the number of rows: from the backlog or partial indexes unless narrowed."""
        attention, region = self.filterset.attention_scope()
        return tracker.figures(None if attention else self.object_list, self.today, region)

    def get_table(self, **kwargs):
        table = self.get_table_class()(data=self.get_table_data(), **kwargs)
        table.data._length = self.figures["total"]  # counted with the figures: no COUNT of its own
        return RequestConfig(self.request, paginate=self.get_table_pagination(table)).configure(table)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["by_owner"] = self.figures["by_owner"]
        context["by_region"] = self.figures["by_region"]
        context["today"] = self.today
        return context


def brief_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    _readable(request)
    region = get_object_or_404(Region, pk=pk)
    response = HttpResponse(brief.pdf(region, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{brief.filename(region, "pdf")}"'
    return response


def brief_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    _readable(request)
    region = get_object_or_404(Region, pk=pk)
    response = HttpResponse(
        brief.xlsx(region), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{brief.filename(region, "xlsx")}"'
    return response


def brief_html(request: HttpRequest, pk: int) -> HttpResponse:
    """The brief as a printable page (the same document the PDF is made of)."""
    _readable(request)
    region = get_object_or_404(Region, pk=pk)
    return HttpResponse(brief.html(region, request))


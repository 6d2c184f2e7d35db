"""The program dashboard computes plan against actual right, highlights laggards and reads only rollups."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ortaq.foodbelt import services
from ortaq.foodbelt.models import SupplyPlan, SupplyProgram
from ortaq.foodbelt.tests.factories import category, delivery, supplier
from ortaq.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def belt(demo):
    """Almaty city's belt: Karaganda (behind plan in 2018) and Akmola (ahead), deliveries in 2017 and 2018."""
    almaty, akmola = Region.objects.get(code="KZ-75"), Region.objects.get(code="KZ-11")
    program = SupplyProgram.objects.create(name="Пояс Алматы", consumer_region=almaty, start_year=2017)
    program.regions.set([demo.karaganda, akmola])
    farm, dairy = supplier("КХ «Нура»", demo.karaganda), supplier("ТОО «Сут»", demo.karaganda)
    grain = supplier("ТОО «Бидай»", akmola)
    delivery(farm, almaty, slug="meat", date=datetime.date(2017, 11, 2), tonnes="10", tenge="20000000")
    delivery(farm, almaty, slug="meat", date=datetime.date(2018, 11, 2), tonnes="8", tenge="18000000")
    delivery(dairy, almaty, slug="dairy", date=datetime.date(2018, 5, 10), tonnes="20", tenge="4000000")
    delivery(grain, almaty, slug="grain", date=datetime.date(2018, 9, 1), tonnes="100", tenge="11000000")
    SupplyPlan.objects.create(program=program, region=demo.karaganda, year=2018, value_tenge=Decimal("30000000"),
                              volume_tonnes=Decimal("40"), suppliers_count=3, growth_percent=Decimal(40))
    SupplyPlan.objects.create(program=program, region=akmola, year=2018, value_tenge=Decimal("10000000"),
                              volume_tonnes=Decimal("90"))
    SupplyPlan.objects.create(program=program, region=akmola, year=2018, category=category("grain"),
                              value_tenge=Decimal("9000000"))
    return program


def _row(summary, code, year):
    return next(row for row in summary["rows"] if row["region"].code == code and row["year"] == year)


def test_it_puts_plan_beside_actual_per_region_and_year(belt):
    summary = services.program_summary(belt)
    assert summary["year"] == 2018 and summary["years"] == [2017, 2018]
    karaganda = _row(summary, "KZ-35", 2018)
    assert karaganda["actual_tenge"] == Decimal("22000000") and karaganda["actual_tonnes"] == Decimal("28")
    assert karaganda["actual_suppliers"] == 2 and karaganda["plan_suppliers"] == 3
    assert karaganda["fulfilment_tenge"] == Decimal("73.3") and karaganda["fulfilment_tonnes"] == Decimal("70.0")
    assert karaganda["growth_actual"] == Decimal("10.0") and karaganda["growth_target"] == 40
    assert karaganda["behind"] is True
    akmola = _row(summary, "KZ-11", 2018)
    assert akmola["fulfilment_tenge"] == Decimal("110.0") and akmola["behind"] is False
    totals = summary["totals"]
    assert totals["plan_tenge"] == Decimal("40000000") and totals["actual_tenge"] == Decimal("33000000")
    assert totals["fulfilment_tenge"] == Decimal("82.5") and totals["actual_suppliers"] == 3
    assert totals["growth_actual"] == Decimal("65.0") and totals["behind_regions"] == 1


def test_it_breaks_a_year_down_by_category_month_and_supplier(belt):
    categories = {row["category"].slug: row for row in services.category_breakdown(belt, 2018)}
    assert categories["meat"]["tenge"] == Decimal("18000000")
    assert categories["grain"]["plan_tenge"] == Decimal("9000000")
    assert categories["grain"]["fulfilment_tenge"] == Decimal("122.2")
    months = {(row["year"], row["month"]): row["tenge"] for row in services.monthly_series(belt)}
    assert months == {(2017, 11): Decimal("20000000"), (2018, 5): Decimal("4000000"),
                      (2018, 9): Decimal("11000000"), (2018, 11): Decimal("18000000")}
    top = services.top_suppliers(belt, 2018)
    assert [str(item.supplier) for item in top] == ["КХ «Нура»", "ТОО «Бидай»", "ТОО «Сут»"]


def test_it_gives_the_flows_between_regions(belt, demo):
    flows = {(flow["from_region_id"], flow["to_region_id"]): flow for flow in services.supply_flows(2018)}
    flow = flows[(demo.karaganda.pk, belt.consumer_region_id)]
    assert flow["tenge"] == Decimal("22000000") and flow["tonnes"] == Decimal("28")
    assert isinstance(flow["tenge"], Decimal)


def test_the_page_shows_the_figures_and_highlights_regions_behind_plan(belt, client):
    page = client.get(belt.get_absolute_url()).content.decode()
    behind = page[page.index('data-region="KZ-35" data-year="2018"') - 30:][:200]
    assert 'class="behind"' in behind
    ahead = page[page.index('data-region="KZ-11" data-year="2018"') - 30:][:200]
    assert 'class="behind"' not in ahead
    assert "73,3\xa0%" in page and "82,5\xa0%" in page
    assert 'id="chart-regions-data"' in page and "plotly/plotly.min.js" in page
    assert "cdn" not in page.lower()


def test_its_query_count_does_not_grow_with_deliveries(belt, client, demo, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as before:
        client.get(belt.get_absolute_url())
    farm = supplier("КХ «Новое»", demo.karaganda)
    for day in range(1, 29):
        delivery(farm, belt.consumer_region, slug="eggs", date=datetime.date(2018, 2, day), tonnes="1", tenge="1")
    with django_assert_max_num_queries(len(before)):
        client.get(belt.get_absolute_url())


def test_it_exports_the_plan_against_actual_table(belt, client):
    response = client.get(belt.get_absolute_url() + "?_export=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Регион;Год;План, тг;")
    assert "Карагандинская область;2018;30000000;22000000;73,3" in text
    response = client.get(belt.get_absolute_url() + "?_export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")

"""The dashboard, the pair page, the region panel, the program page and the tracker show the records."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ortaq.analytics.tests.builders import pavlodar_kostanay
from ortaq.events.models import Program

pytestmark = pytest.mark.django_db

SEED_AGREEMENTS = ["Соглашение об укреплении межрегиональной кооперации",
                   "Меморандум о сотрудничестве СПК «Астана» и СПК «Сарыарка»"]


def test_the_dashboard_shows_figures_map_and_charts(client, demo):
    page = client.get(reverse("home")).content.decode()
    for marker in ("tile-agreements", "tile-commitments", 'id="chart-map"', 'id="chart-by-year"',
                   'id="chart-by-area"', 'id="chart-by-kind"', "analytics/svgcharts", "интенсивность = 3 ×"):
        assert marker in page, marker
    # Its small charts are drawn as SVG: 3.5 MB less to parse. Plotly's address is only named for a chart the
    # SVG drawer could not draw (loaded then, by charts.js).
    assert not re.search(r"<script[^>]*src=\"[^\"]*plotly", page)
    assert 'data-plotly="' in page
    assert "cdn" not in page.lower()
    assert "Астана ↔ Карагандинская область" in page or "Карагандинская область ↔ Астана" in page


def count_queries(client, url: str) -> int:
    connection.queries_log.clear()  # the log is a bounded deque: a full one would capture nothing
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_dashboard_query_count_does_not_grow(client, demo):
    client.get(reverse("home"))
    small = count_queries(client, reverse("home"))
    pavlodar_kostanay(timezone.localdate())
    client.get(reverse("home"))  # pays the refresh of the stale rollups
    assert 0 < count_queries(client, reverse("home")) <= small <= 40


def test_the_map_fragment_fills_by_another_measure(client, demo):
    response = client.get(reverse("analytics:map"), {"measure": "events"})
    assert response.status_code == 200 and 'id="chart-map"' in response.content.decode()


def test_the_pair_page_shows_the_seed(client, demo):
    page = client.get(reverse("analytics:pair", args=[demo.astana.pk, demo.karaganda.pk])).content.decode()
    for title in SEED_AGREEMENTS:
        assert title in page
    assert "Бизнес-форум «Межрегиональное сотрудничество" in page
    assert "Автобан Астана – Караганда" in page
    assert 'id="chart-pair-intensity"' in page


def test_the_pair_page_query_count_does_not_grow(client, demo):
    url = reverse("analytics:pair", args=[demo.astana.pk, demo.karaganda.pk])
    client.get(url)
    small = count_queries(client, url)
    from ortaq.agreements.tests.factories import agreement, commitment

    for number in range(5):
        commitment(agreement(f"Меморандум {number}", demo.astana, demo.karaganda), f"Дело {number}")
    client.get(url)
    assert 0 < count_queries(client, url) <= small <= 40


def test_the_region_page_ranks_partners_and_offers_the_brief(client, demo):
    page = client.get(demo.karaganda.get_absolute_url()).content.decode()
    assert 'id="ranked-partners"' in page and reverse("analytics:pair", args=[demo.karaganda.pk, demo.astana.pk]) in page
    assert reverse("analytics:brief_pdf", args=[demo.karaganda.pk]) in page
    assert reverse("analytics:brief_xlsx", args=[demo.karaganda.pk]) in page


def test_the_program_page_lists_visits_beside_the_reported_figures(client, demo):
    program = Program.objects.get(name="Дни культуры Астаны")
    page = client.get(program.get_absolute_url()).content.decode()
    assert 'id="visits"' in page and "Карагандинская область" in page
    assert "расходится" in page  # the press said 8 regions and 52 memoranda; the records hold fewer
    assert SEED_AGREEMENTS[1] in page


def test_the_tracker_shows_overdue_and_due_soon_by_owner(client, demo):
    built = pavlodar_kostanay(timezone.localdate())
    page = client.get(reverse("agreements:commitment_list"), {"region": built.pavlodar.pk}).content.decode()
    assert "Построить элеватор" in page and "Открыть маршрут" in page
    assert "Провести тур" not in page and "Поставить зерно" not in page
    assert built.plant.name.replace("«", "&laquo;") in page or "Павлодарский тестовый завод" in page


@pytest.mark.parametrize("export_format", ["csv", "xlsx", "json"])
def test_the_tracker_exports_with_its_filters(client, demo, export_format):
    built = pavlodar_kostanay(timezone.localdate())
    response = client.get(reverse("agreements:commitment_list"), {"region": built.pavlodar.pk, "state": "overdue",
                                                         "_export": export_format})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "xlsx":
        import io

        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        body = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row).encode()
    text = body.decode("utf-8")
    assert "Построить элеватор" in text and "Открыть маршрут" not in text


@pytest.mark.parametrize("route", ["agreements:agreement_list", "events:event_list", "directory:organization_list"])
def test_other_lists_export_with_the_same_filters(client, demo, route):
    response = client.get(reverse(route), {"region": demo.karaganda.pk, "_export": "json"})
    assert response.status_code == 200 and response.content.startswith(b"[")


def test_the_seed_food_belt_shows_on_the_pair_and_region_pages(client, demo):
    from ortaq.analytics import supply

    if not supply.available():
        pytest.skip("the food belt app does not provide its services")
    pair = client.get(reverse("analytics:pair", args=[demo.astana.pk, demo.karaganda.pk])).content.decode()
    assert 'id="pair-food-belt"' in pair and "35" in pair and "2018" in pair
    region = client.get(demo.karaganda.get_absolute_url()).content.decode()
    assert 'id="region-food-belt"' in region

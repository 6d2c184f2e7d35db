"""Charts speak Russian numbers: years as labels, `1 500,5` in ticks and hovers, «нет данных» when empty."""

from __future__ import annotations

import re

import pytest

from ortaq.analytics import charts
from ortaq.foodbelt import charts as belt_charts


def _says_no_data(figure: dict) -> bool:
    return figure["data"] == [] and [note["text"] for note in figure["layout"]["annotations"]] == ["нет данных"]


def test_figures_use_russian_separators_and_years_as_labels():
    figure = charts.bars_by_year({"соглашения": {2025: 3, 2026: 1}})
    assert figure["layout"]["separators"] == ",\xa0"
    assert figure["layout"]["xaxis"]["type"] == "category" and figure["data"][0]["x"] == ["2025", "2026"]
    assert figure["layout"]["yaxis"]["tickformat"] == ",~r"
    rows = [{"year": 2026, "agreements": 1, "events": 2, "projects": 0, "supply_tenge": 250_000_000,
             "explain": "5,5 = 3×1 + 1×2 + 5×0 + 2×0,25"}]
    assert charts.intensity_by_year(rows)["layout"]["xaxis"]["type"] == "category"


def test_an_empty_chart_says_there_is_no_data():
    assert _says_no_data(charts.bars_by_year({}))
    assert _says_no_data(charts.bars_by_year({"соглашения": {2025: 0}}))
    assert _says_no_data(charts.horizontal_bars([], []))
    assert _says_no_data(charts.intensity_by_year([]))
    assert _says_no_data(belt_charts.by_month([]))
    assert _says_no_data(belt_charts.by_category([]))
    assert _says_no_data(belt_charts.plan_vs_actual([]))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_chromium_years_are_whole_and_an_empty_chart_says_so(live_server, chromium, demo):
    page = chromium.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_server.url + demo.karaganda.get_absolute_url())
    page.wait_for_selector("#chart-region-intensity.drawn", timeout=20_000)
    ticks = page.eval_on_selector_all("#chart-region-intensity text.category",
                                      "nodes => nodes.map(n => n.firstChild.textContent)")
    assert ticks and all(re.fullmatch(r"\d{4}", tick) for tick in ticks), ticks
    from ortaq.foodbelt.models import SupplyProgram

    empty = SupplyProgram.objects.create(name="Пояс без поставок", consumer_region=demo.east, start_year=2026,
                                         end_year=2027)
    page.goto(live_server.url + empty.get_absolute_url())
    page.wait_for_selector("#chart-months[data-rendered]", timeout=20_000)
    assert "нет данных" in page.locator("#chart-months").inner_text()
    assert page.locator("#chart-months .xtick").count() == 0
    page.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_record_page_prints_without_the_menu_and_fits_a4(live_server, chromium, demo):
    from ortaq.agreements.models import Agreement

    agreement = Agreement.objects.order_by("pk").first()
    page = chromium.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_server.url + agreement.get_absolute_url())
    page.emulate_media(media="print")
    assert not page.locator(".topbar").is_visible() and not page.locator(".footer").is_visible()
    assert agreement.title in page.locator("main").inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 minus the print margins, in CSS pixels
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 720, width
    page.close()

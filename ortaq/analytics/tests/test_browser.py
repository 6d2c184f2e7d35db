"""In a real Chromium: the dashboard's map and charts are drawn as plain SVG (no Plotly on the home page), a
region's analytics panel by Plotly."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def drawn_charts(page) -> list[str]:
    page.wait_for_selector(".plotly-chart.drawn", timeout=20_000)
    return page.eval_on_selector_all(".plotly-chart.drawn", "nodes => nodes.map(n => n.id)")


def test_the_dashboard_draws_the_map_and_charts(live_server, chromium, demo, artifacts_dir):
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/")
    page.wait_for_function("document.querySelectorAll('.plotly-chart.drawn').length >= 4", timeout=20_000)
    charts = drawn_charts(page)
    assert {"chart-map", "chart-by-year", "chart-by-area", "chart-by-kind"} <= set(charts)
    assert page.locator("#chart-map svg.svg-chart").count() == 1
    assert page.locator("#chart-map .points").count() >= 2  # the pairs' hover points, the regions
    assert "Караганда" in page.locator("#chart-map").text_content()
    region = page.locator("#chart-map a[href^='/regions/']").first
    assert region.get_attribute("aria-label")  # a region on the map is a link, reachable by Tab
    assert page.locator("#chart-by-year svg rect title").count() >= 1  # hover text as a tooltip
    assert not page.evaluate("() => !!window.Plotly"), "the home page loads no Plotly"
    page.screenshot(path=str(artifacts_dir / "analytics-dashboard.png"), full_page=True)
    assert not errors, errors
    page.close()


def test_the_region_page_draws_the_intensity_and_ranks_partners(live_server, chromium, demo, artifacts_dir):
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(live_server.url + demo.karaganda.get_absolute_url())
    assert "chart-region-intensity" in drawn_charts(page)
    assert page.locator("#chart-region-intensity .main-svg").count() >= 1
    assert "Астана" in page.locator("#ranked-partners").inner_text()
    page.screenshot(path=str(artifacts_dir / "analytics-region-karaganda.png"), full_page=True)
    page.goto(live_server.url + f"/analytics/pair/{demo.astana.pk}/{demo.karaganda.pk}/")
    assert "chart-pair-intensity" in drawn_charts(page)
    page.screenshot(path=str(artifacts_dir / "analytics-pair-astana-karaganda.png"), full_page=True)
    page.close()

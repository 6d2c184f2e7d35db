"""In a real Chromium: the dashboard's map and charts, a region's and a pair's charts are drawn as plain SVG (no
Plotly loaded); a figure the SVG drawer cannot draw loads Plotly then, once."""

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
    assert page.locator("#chart-region-intensity svg.svg-chart rect").count() >= 1
    assert "Астана" in page.locator("#ranked-partners").inner_text()
    assert not page.evaluate("() => !!window.Plotly"), "a region page loads no Plotly for its bar chart"
    page.screenshot(path=str(artifacts_dir / "analytics-region-karaganda.png"), full_page=True)
    page.goto(live_server.url + f"/analytics/pair/{demo.astana.pk}/{demo.karaganda.pk}/")
    page.wait_for_function("document.querySelectorAll('.plotly-chart.drawn').length >= 2", timeout=20_000)
    assert {"chart-pair-intensity", "chart-pair-timeline"} <= set(drawn_charts(page))
    assert not page.evaluate("() => !!window.Plotly")
    page.screenshot(path=str(artifacts_dir / "analytics-pair-astana-karaganda.png"), full_page=True)
    page.close()


def test_a_figure_the_svg_drawer_cannot_draw_loads_plotly_once(live_server, chromium, demo):
    """A pie chart (no SVG drawing for it) added to a page is drawn by Plotly, fetched from this server then."""
    page = chromium.new_page(viewport={"width": 1000, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + demo.karaganda.get_absolute_url())
    drawn_charts(page)
    page.evaluate("""() => {
      const box = document.createElement("div");
      box.innerHTML = '<div class="plotly-chart" id="chart-pie" data-figure="figure-pie"></div>'
        + '<script type="application/json" id="figure-pie">'
        + JSON.stringify({data: [{type: "pie", labels: ["а", "б"], values: [1, 2]}], layout: {}}) + '</' + 'script>';
      document.querySelector("main").appendChild(box);
      document.body.dispatchEvent(new CustomEvent("htmx:afterSwap", {bubbles: true}));
    }""")
    page.wait_for_selector("#chart-pie.drawn .main-svg", timeout=30_000)
    assert page.evaluate("() => document.querySelectorAll('script[src*=plotly]').length") == 1
    assert not errors, errors
    page.close()

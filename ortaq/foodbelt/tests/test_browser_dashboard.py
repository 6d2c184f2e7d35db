"""In a real Chromium: the program dashboard draws its charts from the installed Plotly, labelled in Russian."""

import datetime

import pytest

from ortaq.foodbelt.demo import capital_program
from ortaq.foodbelt.tests.factories import delivery, supplier

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_renders_its_charts(live_server, chromium, demo, artifacts_dir):
    program = capital_program()
    farm = supplier("КХ «Браузер»", demo.karaganda)
    for month in (3, 9):
        delivery(farm, demo.astana, slug="potatoes", date=datetime.date(2018, month, 1), tonnes="5", tenge="500000")
    page = chromium.new_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:") else None)
    page.goto(f"{live_server.url}{program.get_absolute_url()}?year=2018")
    for chart in ("chart-regions", "chart-months", "chart-categories"):
        page.wait_for_selector(f"#{chart}[data-rendered='1'] svg.main-svg", timeout=20000)
    assert "млн тенге" in page.locator("#chart-months").inner_text()
    assert "Картофель" in page.locator("#chart-categories").inner_text()
    assert page.locator("#regions tr.behind").count() >= 0 and "Карагандинская область" in page.inner_text("#regions")
    assert outside == []  # no CDN: everything comes from this server
    page.screenshot(path=str(artifacts_dir / "foodbelt-dashboard.png"), full_page=True)
    page.close()

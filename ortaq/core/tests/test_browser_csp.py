"""In a real Chromium, under the Content-Security-Policy: the main pages and their Plotly charts work and the
browser reports no violation (console or securitypolicyviolation event)."""

import datetime

import pytest
from django.test import Client

from ortaq.foodbelt.demo import capital_program
from ortaq.foodbelt.tests.factories import delivery, supplier

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def signed_in_context(chromium, live_server, user):
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport={"width": 1300, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                          "url": live_server.url}])
    context.add_init_script(RECORD_VIOLATIONS)
    return context


def visit(page, url: str, ready: str) -> list[str]:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    response = page.goto(url)
    assert response.status < 400, (url, response.status)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(ready, timeout=20_000)
    page.wait_for_timeout(300)
    return console + page.evaluate("window.__csp")


def test_the_main_pages_and_charts_work_without_a_policy_violation(live_server, chromium, demo, users):
    program = capital_program()
    farm = supplier("КХ «Политика»", demo.karaganda)
    delivery(farm, demo.astana, slug="potatoes", date=datetime.date(2018, 3, 1), tonnes="5", tenge="500000")
    context = signed_in_context(chromium, live_server, users.admin)
    pages = [
        ("/", ".plotly-chart.drawn svg.svg-chart"),
        (demo.karaganda.get_absolute_url(), "#chart-region-intensity.drawn svg.svg-chart"),
        (f"/analytics/pair/{demo.astana.pk}/{demo.karaganda.pk}/", "#chart-pair-intensity.drawn svg.svg-chart"),
        (f"{program.get_absolute_url()}?year=2018", "#chart-months[data-rendered='1'] svg.main-svg"),
        ("/agreements/", "table"),
        ("/agreements/new/", "form button[type=submit]"),
        ("/reader/new/", "#document-form"),
        ("/search/?q=Караганда", "main"),
        ("/admin/", "#content"),
    ]
    found = {}
    for path, ready in pages:
        page = context.new_page()
        violations = visit(page, live_server.url + path, ready)
        if violations:
            found[path] = violations
        page.close()
    assert not found, found
    context.close()


def test_the_year_picker_still_works_without_a_handler_attribute(live_server, chromium, demo, users):
    program = capital_program()
    farm = supplier("КХ «Годы»", demo.karaganda)
    for year in (2018, 2019):
        delivery(farm, demo.astana, slug="potatoes", date=datetime.date(year, 3, 1), tonnes="5", tenge="500000")
    context = signed_in_context(chromium, live_server, users.admin)
    page = context.new_page()
    assert not visit(page, f"{live_server.url}{program.get_absolute_url()}?year=2018", "#year-picker select")
    with page.expect_navigation():
        page.select_option("#year-picker select", "2019")
    assert "year=2019" in page.url
    assert not page.evaluate("window.__csp")
    context.close()

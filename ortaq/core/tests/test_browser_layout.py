"""Phones: at 390 px and 320 px no list or record page of the demo is wider than the screen (a wide table
scrolls inside its own focusable region), and the menu folds behind a button that says whether it is open."""

import pytest

from ortaq.core.tests.browser_pages import context_as, listen_for_errors, open_page
from ortaq.core.tests.page_types import page_types

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The elements that stick out of the viewport, outside any region allowed to scroll sideways.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const node of document.querySelectorAll('body *')) {
    if (node.closest('.table-scroll, .plotly-chart, .visually-hidden, .skip-link')) continue;
    const box = node.getBoundingClientRect();
    if (box.width && box.right > width + 1) {
      out.push(node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') +
               (node.className && typeof node.className === 'string' ? '.' + node.className.split(' ').join('.') : '') +
               ' right=' + Math.round(box.right));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 5)};
}"""


# Elements wider than the card (or tile) they are in, outside a region that scrolls.
OUT_OF_CARD = """() => {
  const out = [];
  for (const card of document.querySelectorAll('.card, .tile')) {
    const edge = card.getBoundingClientRect().right;
    for (const node of card.querySelectorAll('*')) {
      if (node.closest('.table-scroll, .plotly-chart, .visually-hidden')) continue;
      const box = node.getBoundingClientRect();
      if (box.width && box.right > edge + 1) out.push(node.tagName.toLowerCase() + ' in ' + (card.id || card.className));
    }
  }
  return out.slice(0, 5);
}"""


def reading_pages(demo) -> list:
    return [page for page in page_types(demo) if page.kind in ("list", "detail", "form")
            or page.name in ("home", "analytics:tracker", "analytics:pair", "analytics:brief_html",
                             "foodbelt:home", "core:search")]


def test_nothing_sticks_out_of_its_card_at_1366(live_server, chromium, demo, users):
    context = context_as(chromium, live_server, users.admin, 1366)
    page = context.new_page()
    errors = listen_for_errors(page)
    sticking = {}
    for page_type in reading_pages(demo):
        open_page(page, live_server.url + page_type.url, errors)
        if found := page.evaluate(OUT_OF_CARD):
            sticking[str(page_type)] = found
    context.close()
    assert not sticking, sticking


@pytest.mark.parametrize("width", [390, 320])
def test_no_list_or_record_page_is_wider_than_a_phone(live_server, chromium, demo, users, width):
    pages = reading_pages(demo)
    context = context_as(chromium, live_server, users.admin, width)
    page = context.new_page()
    errors = listen_for_errors(page)
    too_wide, failed = {}, {}
    for page_type in pages:
        status = open_page(page, live_server.url + page_type.url, errors)
        if status >= 400:
            failed[str(page_type)] = status
            continue
        measured = page.evaluate(STICKING_OUT)
        if measured["scroll"] > measured["width"]:
            too_wide[str(page_type)] = measured
    context.close()
    assert not failed, failed
    assert not too_wide, too_wide


def test_the_menu_folds_behind_a_button_on_a_phone(live_server, chromium, demo, users, artifacts_dir):
    context = context_as(chromium, live_server, users.viewer, 390)
    page = context.new_page()
    page.goto(live_server.url + "/agreements/")
    toggle = page.get_by_role("button", name="Меню")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-menu").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="Соглашения").first.is_visible()
    page.screenshot(path=str(artifacts_dir / "phone-390-menu-open.png"))
    page.get_by_role("link", name="Регионы").first.focus()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    wide = context_as(chromium, live_server, users.viewer, 1366).new_page()
    wide.goto(live_server.url + "/agreements/")
    assert not wide.get_by_role("button", name="Меню").is_visible()
    assert wide.locator("#site-menu").is_visible()
    context.close()


def test_a_wide_table_scrolls_in_a_focusable_region(live_server, chromium, demo, users):
    context = context_as(chromium, live_server, users.admin, 390)
    page = context.new_page()
    page.goto(live_server.url + "/agreements/")
    region = page.locator(".table-scroll").first
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label")
    assert page.evaluate("document.querySelector('.table-scroll').scrollWidth") > 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_at_200_percent_zoom_and_320_px_nothing_scrolls_sideways(live_server, chromium, demo, users, artifacts_dir):
    """200 % zoom of a 1366 px screen is a 683 CSS px viewport drawn at twice the density; an editor's view, so
    that the form is the agreement's form with its parties and a record shows its buttons."""
    from ortaq.agreements.models import Agreement

    record = Agreement.objects.filter(parties__region=demo.karaganda).order_by("pk").first().get_absolute_url()
    for label, width, scale in (("zoom200", 683, 2), ("320px", 320, 1)):
        context = context_as(chromium, live_server, users.karaganda, width, 800, device_scale_factor=scale)
        page = context.new_page()
        for name, path in (("home", "/"), ("list", "/agreements/"), ("record", record), ("form", "/agreements/new/")):
            open_page(page, live_server.url + path, [])
            measured = page.evaluate(STICKING_OUT)
            assert measured["scroll"] <= width, (label, path, measured)
            page.screenshot(path=str(artifacts_dir / f"a11y-{label}-{name}.png"), full_page=True)
        context.close()

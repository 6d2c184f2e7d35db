"""By keyboard alone (Tab, Shift+Tab, Enter, Space, Escape): log in, filter a list, create an agreement with
two parties (sent once with an error first: the error summary takes the focus), then add a commitment
through the agreement's page, choosing its owner in the search-as-you-type combobox."""

import pytest

from ortaq.agreements.models import Agreement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = "selector => !!document.activeElement && document.activeElement.matches(selector)"
OUTLINE = "() => getComputedStyle(document.activeElement).outlineStyle"
TITLE = "Меморандум, набранный с клавиатуры"


def tab_to(page, selector: str, backwards: bool = False, limit: int = 200) -> None:
    """Press Tab (or Shift+Tab) until `selector` has the focus; the focus is visible there."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(FOCUSED, selector):
            assert page.evaluate(OUTLINE) != "none", f"no visible focus on {selector}"
            return
    raise AssertionError(f"{selector} is not reachable by {'Shift+Tab' if backwards else 'Tab'}")


def arrow_to(page, selector: str, text: str, limit: int = 40) -> None:
    """On a focused drop-down, ArrowDown until the chosen option reads `text`."""
    chosen = f"() => document.querySelector({selector!r}).selectedOptions[0].textContent"
    for _ in range(limit):
        if text in page.evaluate(chosen):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option «{text}» in {selector}")


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    assert page.evaluate(FOCUSED, "#id_username"), "the login page starts in its first field"
    page.keyboard.type("alice")
    page.keyboard.press("Tab")
    page.keyboard.type("pw-alice-1")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED, "a.skip-link"), "the skip link comes first"
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Перейти к содержанию"
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED, "main#content")
    page.keyboard.press("Shift+Tab")  # back into the menu, which comes before the content


def filter_the_agreements(page, base_url: str) -> None:
    tab_to(page, "nav a[href='/agreements/']", backwards=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#id_title")
    page.keyboard.type("Меморандум")
    page.wait_for_function("() => document.getElementById('live-region').textContent.includes('Найден')")
    rows = page.locator("#list-table tbody tr")
    assert rows.count() > 0
    assert all("еморандум" in text for text in rows.all_inner_texts())


def create_the_agreement(page) -> None:
    tab_to(page, "a.button.primary[href$='/agreements/new/']", backwards=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#id_areas_0")
    page.keyboard.press("Space")
    assert page.is_checked("#id_areas_0")
    tab_to(page, "#id_parties-0-region")
    arrow_to(page, "#id_parties-0-region", "Караганд")
    tab_to(page, "#id_parties-1-region")
    arrow_to(page, "#id_parties-1-region", "Астана")
    assert page.input_value("#id_parties-0-region") and page.input_value("#id_parties-1-region")
    tab_to(page, "main form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # without a title: refused
    assert page.evaluate(FOCUSED, ".error-summary"), "the error summary takes the focus"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the summary's link to the title field
    assert page.evaluate(FOCUSED, "#id_title")
    assert page.get_attribute("#id_title", "aria-describedby") == "id_title_error"
    page.keyboard.type(TITLE)
    tab_to(page, "main form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def add_a_commitment(page) -> None:
    tab_to(page, "a[href*='/agreements/commitments/new/?agreement=']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#id_text")
    page.keyboard.type("Провести совместную ярмарку")
    tab_to(page, "#id_owner")
    page.keyboard.type("Акимат")
    listbox = page.locator("#id_owner-list")
    listbox.locator("li").first.wait_for()
    page.keyboard.press("Escape")
    assert listbox.is_hidden() and page.get_attribute("#id_owner", "aria-expanded") == "false"
    page.keyboard.type(" К")
    listbox.locator("li").first.wait_for()
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("() => document.getElementById(document.activeElement.getAttribute('aria-activedescendant')).textContent")
    page.keyboard.press("Enter")
    assert page.input_value("#id_owner") == chosen
    tab_to(page, "main form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_whole_workflow_by_keyboard_alone(live_server, chromium, demo, users, artifacts_dir):
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
    page = context.new_page()
    log_in(page, live_server.url)
    assert page.url.split("#")[0] == f"{live_server.url}/"
    filter_the_agreements(page, live_server.url)
    create_the_agreement(page)
    agreement = Agreement.objects.get(title=TITLE)
    assert page.url.endswith(agreement.get_absolute_url())
    assert agreement.parties.count() == 2 and agreement.areas.count() == 1
    add_a_commitment(page)
    commitment = agreement.commitments.get()
    assert commitment.text == "Провести совместную ярмарку" and commitment.owner is not None
    page.screenshot(path=str(artifacts_dir / "keyboard-walk-commitment.png"), full_page=True)
    context.close()

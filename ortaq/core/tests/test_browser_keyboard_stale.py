"""By keyboard alone: an editor opens a record's form from its page, someone else saves the record meanwhile,
and the editor's save is refused: the refusal takes the focus, says what changed, and Tab goes on into the form;
the record keeps the other person's change."""

import pytest

from ortaq.agreements.tests.factories import organization
from ortaq.core.tests.test_browser_keyboard import FOCUSED, OUTLINE, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_by_keyboard(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    assert page.evaluate(FOCUSED, "#id_username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_stale_edit_is_refused_by_keyboard(live_server, chromium, demo, users, artifacts_dir):
    record = organization("ТОО «Клавиатура»", demo.karaganda, kind="company")
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
    page = context.new_page()
    log_in_by_keyboard(page, live_server.url, "karl", "pw-karl-1")
    page.goto(live_server.url + record.get_absolute_url())
    tab_to(page, f"a[href='{record.get_edit_url()}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#id_name")

    record.name = "ТОО «Клавиатура» (правка коллеги)"  # someone else saves while the form is open
    record.save()

    page.keyboard.press("Control+A")
    page.keyboard.type("ТОО «Клавиатура» (моя правка)")
    tab_to(page, "main form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED, "#stale-changes"), "the refusal takes the focus"
    assert page.evaluate(OUTLINE) != "none", "the focused refusal shows its focus"
    assert page.get_attribute("#stale-changes", "role") == "alert"
    assert "правка коллеги" in page.locator("#stale-changes").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main form.form')"), "Tab goes on into the form"
    page.screenshot(path=str(artifacts_dir / "keyboard-stale-edit.png"), full_page=True)
    tab_to(page, "main form.form a.button")  # Отмена: back to the record as it is now
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(record.get_absolute_url())
    assert "правка коллеги" in page.locator("main h1").inner_text()
    record.refresh_from_db()
    assert record.name == "ТОО «Клавиатура» (правка коллеги)"
    context.close()

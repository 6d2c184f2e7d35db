"""By keyboard alone: an editor imports deliveries. Space on the file field opens the file chooser, Enter on
«Проверить» checks the file; the check's result takes the focus (a file with errors lists them, nothing is
imported), Shift+Tab goes back to the file field for the corrected file, and Enter on «Импортировать» imports."""

import pytest

from ortaq.core.tests.test_browser_keyboard import FOCUSED, OUTLINE, tab_to
from ortaq.core.tests.test_browser_keyboard_stale import log_in_by_keyboard
from ortaq.foodbelt.models import Delivery
from ortaq.foodbelt.tests.factories import supplier
from ortaq.foodbelt.tests.test_import_deliveries import CLEAN, _csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_file(page, path) -> None:
    """Space on the focused file field opens the chooser; the file is picked there.

    The chooser is intercepted by a listener added before the key is pressed (`expect_file_chooser` turns
    the interception on only as the key goes, and on a busy machine the chooser could open before it)."""
    assert page.evaluate(FOCUSED, "#id_file")
    page.once("filechooser", lambda chooser: chooser.set_files(str(path)))
    page.wait_for_timeout(200)  # the interception is switched on in the browser
    page.keyboard.press("Space")
    for _attempt in range(100):  # polled from here: the page's CSP forbids the evaluated strings of wait_for_function
        if page.evaluate("() => document.querySelector('#id_file').files[0]?.name") == path.name:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the file chooser did not take {path.name}")


def test_deliveries_are_imported_by_keyboard(live_server, chromium, demo, users, tmp_path, artifacts_dir):
    farms = supplier("КХ «Клавиша»", demo.karaganda), supplier("ТОО «Пробел»", demo.karaganda)
    bad, clean = tmp_path / "bad.csv", tmp_path / "deliveries.csv"
    bad.write_bytes(_csv(farms, '{a},,caviar,2018-03-01,1,100,KZ-71,,KB-1'))
    clean.write_bytes(_csv(farms, *(line.replace("ТТН", "KB") for line in CLEAN)).replace("ТОО «Сут»".encode(),
                                                                                         "ТОО «Пробел»".encode()))
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
    page = context.new_page()
    log_in_by_keyboard(page, live_server.url, "karl", "pw-karl-1")
    page.goto(f"{live_server.url}/foodbelt/import/deliveries/")

    tab_to(page, "#id_file")
    choose_file(page, bad)
    tab_to(page, "#upload-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.evaluate(FOCUSED, "#preview"), "the check's result takes the focus"
    assert page.evaluate(OUTLINE) != "none"
    assert "Неизвестная категория" in page.locator("#import-errors").inner_text()
    assert not page.locator("#confirm-form").count()

    tab_to(page, "#id_file", backwards=True)
    choose_file(page, clean)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED, "#upload-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.evaluate(FOCUSED, "#preview")
    assert "будет добавлено: 3" in page.locator("#preview-counts").inner_text()
    tab_to(page, "#confirm-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/foodbelt/deliveries/**")
    assert "Импортировано: 3" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts_dir / "keyboard-import-deliveries.png"), full_page=True)
    assert Delivery.objects.filter(document_number__startswith="KB-").count() == 3
    context.close()

"""In a real Chromium: an editor records a memorandum and finds it on both regions' pages."""

import pytest

from ortaq.agreements.models import Agreement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Меморандум о сотрудничестве в сфере туризма (проверка в браузере)"


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def choose(page, field: str, typed: str, label: str) -> None:
    """Pick a record in a search-as-you-type field."""
    page.fill(f"input[data-for='{field}']", typed)
    page.click(f"input[data-for='{field}'] ~ .autocomplete-list li:text-is('{label}')")
    assert page.input_value(f"input[type=hidden][name='{field}']")


def fill_memorandum(page, base_url: str) -> None:
    page.goto(f"{base_url}/agreements/new/")
    page.select_option("select[name=kind]", "memorandum")
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=signed_on]", "2024-09-12")
    page.select_option("select[name=status]", "signed")
    choose(page, "parties-0-organization", "конвеншн", "ТОО «Астана Конвеншн Бюро»")
    choose(page, "parties-1-organization", "управление предпринимательства",
           "Управление предпринимательства Карагандинской области")
    page.click("form.form button[type=submit]")


def test_an_editor_creates_a_memorandum_seen_on_both_regions(live_server, chromium, users, demo, artifacts_dir):
    page = chromium.new_page()
    log_in(page, live_server.url, "karl", "pw-karl-1")
    fill_memorandum(page, live_server.url)
    page.wait_for_selector("text=Сохранено")
    assert page.locator("#parties").inner_text().count("Карагандинской области") >= 1

    for region in (demo.karaganda, demo.astana):
        page.goto(live_server.url + region.get_absolute_url())
        assert TITLE in page.locator("#agreements").inner_text(), region.name_ru
    page.screenshot(path=str(artifacts_dir / "memorandum-on-astana-page.png"), full_page=True)
    page.close()


def test_an_outsider_editor_is_refused(live_server, chromium, users, demo):
    page = chromium.new_page()
    log_in(page, live_server.url, "otto", "pw-otto-1")
    fill_memorandum(page, live_server.url)
    refusal = page.wait_for_selector("text=ваших регионов или организаций")
    assert refusal.is_visible()
    assert not Agreement.objects.filter(title=TITLE).exists()
    page.close()

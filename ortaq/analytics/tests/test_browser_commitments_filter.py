"""In a real Chromium: the commitments page is filtered by an agreement found by typing its name."""

import pytest

from ortaq.agreements.tests import factories
from ortaq.agreements.tests.test_browser_memorandum import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_an_agreement_by_name_filters_the_commitments_list(live_server, chromium, users, demo,
                                                                     artifacts_dir):
    agreement = factories.agreement("Соглашение о молочных фермах Сарыарки", demo.karaganda, demo.astana)
    commitment = factories.commitment(agreement, "Построить три молочные фермы")
    other = factories.agreement("Соглашение о речном транспорте", demo.karaganda, demo.astana)
    factories.commitment(other, "Открыть речной маршрут")
    page = chromium.new_page()
    log_in(page, live_server.url, "vera", "pw-vera-1")
    page.goto(f"{live_server.url}/agreements/commitments/?state=all")
    assert page.locator("nav.nav a.active").count() == 1
    assert page.locator("nav.nav a.active").inner_text() == "Обязательства"
    assert "номер записи" not in page.locator("form.filters").inner_text()
    typed = " ".join(agreement.title.split()[:2])
    page.fill("input[data-for='agreement']", typed)
    option = page.locator("input[data-for='agreement'] ~ .autocomplete-list li", has_text=agreement.title).first
    option.click()
    page.wait_for_url(f"**agreement={agreement.pk}**")
    page.wait_for_load_state("networkidle")
    listed = page.locator("#commitment-list").inner_text()
    assert commitment.text in listed
    assert "Открыть речной маршрут" not in listed
    page.screenshot(path=str(artifacts_dir / "commitments-filtered-by-agreement.png"), full_page=True)
    page.close()

"""In a real Chromium: an editor pastes a press release, accepts the proposed memorandum, and finds it on
the region's page with its source sentence."""

import pytest

from ortaq.agreements.models import Agreement
from ortaq.reader.tests.texts import PAVLODAR
from ortaq.regions.models import Region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "По итогам форума подписан меморандум о сотрудничестве между акиматом Астаны"


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


def test_a_pasted_press_release_becomes_a_reviewed_memorandum_on_the_region_page(
        live_server, chromium, users, demo, artifacts_dir):
    page = chromium.new_page()
    # an administrator: the memorandum has a Pavlodar party, outside an Astana editor's scope
    log_in(page, live_server.url, "alice", "pw-alice-1")
    page.goto(f"{live_server.url}/reader/new/")
    page.fill("textarea[name=text]", PAVLODAR)
    page.click("#document-form button[type=submit]")
    page.wait_for_selector(".review-proposals", timeout=60_000)
    assert page.locator("#document-text mark.k-agreement").count() >= 2

    card = page.locator("article.proposal[data-kind=agreement]", has_text="Павлодарской области").first
    assert "В реестре нет" in card.inner_text()
    assert SENTENCE in card.locator("blockquote.sentence").inner_text()
    card.get_by_role("button", name="Принять", exact=True).click()
    accepted = page.locator("article.proposal.status-accepted[data-kind=agreement]")
    accepted.wait_for()
    page.screenshot(path=str(artifacts_dir / "reader-review-accepted.png"), full_page=True)
    agreement = Agreement.objects.get(title__endswith="Астаны — Акимат Павлодарской области")
    assert agreement.kind == "memorandum"

    page.goto(live_server.url + Region.objects.get(code="KZ-55").get_absolute_url())
    assert agreement.title in page.locator("#agreements").inner_text()
    panel = page.locator("#from-press-releases")
    assert agreement.title in panel.inner_text() and SENTENCE in panel.inner_text()
    page.screenshot(path=str(artifacts_dir / "reader-memorandum-on-pavlodar-page.png"), full_page=True)
    page.close()

"""By keyboard alone in the reader: Tab onto a proposal outlines its mentions in the text; «Изменить» opens its
edit form and Escape closes it again, the card keeping the focus; «Принять» accepts it, the accepted card takes
the focus and the live region says so."""

import pytest
from django.urls import reverse

from ortaq.agreements.models import Agreement
from ortaq.core.tests.test_browser_keyboard import FOCUSED, tab_to
from ortaq.core.tests.test_browser_keyboard_stale import log_in_by_keyboard
from ortaq.reader.models import Proposal
from ortaq.reader.tests.texts import PAVLODAR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_proposal_is_reviewed_and_accepted_by_keyboard(live_server, chromium, demo, users, read_text, artifacts_dir):
    document = read_text(PAVLODAR, users.admin)
    proposal = next(proposal for proposal in Proposal.objects.filter(document=document, kind="agreement",
                                                                      status="pending").order_by("ordinal")
                    if "Павлодар" in proposal.label)
    card = f"#proposal-{proposal.pk}"
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
    page = context.new_page()
    log_in_by_keyboard(page, live_server.url, "alice", "pw-alice-1")
    page.goto(live_server.url + reverse("reader:document_review", args=[document.pk]))

    tab_to(page, f"{card} button[hx-get$='/edit/']")
    assert page.locator(f"#document-text mark.active[data-p~='p{proposal.pk}']").count(), "focus outlines the mentions"
    page.keyboard.press("Enter")
    page.locator(f"{card} form input[name=edited]").wait_for(state="attached")
    page.wait_for_function("selector => document.activeElement === document.querySelector(selector)", arg=card)
    page.keyboard.press("Tab")
    assert page.evaluate("selector => document.querySelector(selector).contains(document.activeElement)", card)
    page.keyboard.press("Escape")
    page.locator(f"{card} form input[name=edited]").wait_for(state="detached")
    page.wait_for_function("selector => document.activeElement === document.querySelector(selector)", arg=card)

    tab_to(page, f"{card} form[action$='/accept/'] button")
    page.keyboard.press("Enter")
    page.locator(f"{card}.status-accepted").wait_for()
    page.wait_for_function("selector => document.activeElement === document.querySelector(selector)", arg=card)
    page.wait_for_function("() => document.getElementById('live-region').textContent.includes('Павлодар')")
    page.keyboard.press("Tab")  # on from the accepted card, not from the page's start
    assert not page.evaluate(FOCUSED, "a.skip-link")
    page.screenshot(path=str(artifacts_dir / "keyboard-reader-accepted.png"), full_page=True)
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert Agreement.objects.filter(title__contains="Павлодарской области").exists()
    context.close()

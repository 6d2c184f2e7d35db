"""axe-core (WCAG 2.1 A and AA rules) on every page type, generated from the URL configuration, for every role:
anonymous, viewer, an editor scoped to Karaganda and the administrator; at 1366 px for every role and at 390 px
for the administrator (who sees the most), with a form in its error state. A failure names rule, element, page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from ortaq.core.tests.browser_pages import context_as, listen_for_errors, open_page
from ortaq.core.tests.page_types import page_types

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
ROLES = [("admin", 1366), ("admin", 390), ("karaganda", 1366), ("viewer", 1366), (None, 1366)]


def violations_of(axe: Axe, page, where: str) -> list[str]:
    found = []
    for rule in axe.run(page, options=WCAG_21_AA).response["violations"]:
        for node in rule["nodes"][:3]:
            found.append(f"{where}: {rule['id']} ({rule['impact']}) at {node['target']}: {node['html'][:160]}")
    return found


def form_in_error_state(page, base_url: str) -> None:
    """The new-agreement form sent empty: field errors, the error summary, the formsets."""
    page.goto(f"{base_url}/agreements/new/")
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize(("role", "width"), ROLES, ids=[f"{role or 'anonymous'}-{width}" for role, width in ROLES])
def test_every_page_type_has_no_wcag_violation(live_server, chromium, demo, users, role, width):
    axe = Axe()
    user = getattr(users, role) if role else None
    context = context_as(chromium, live_server, user, width)
    page = context.new_page()
    errors = listen_for_errors(page)
    found, console, visited = [], {}, 0
    for page_type in page_types(demo):
        status = open_page(page, live_server.url + page_type.url, errors)
        if status >= 500:
            found.append(f"{page_type}: HTTP {status}")
            continue
        visited += 1
        found += violations_of(axe, page, f"{page_type} [{role or 'anonymous'}, {width} px]")
        # A refused page (403 for a viewer) logs its own status; any other console error is a fault.
        own_status = f"status of {status} "
        faults = [error for error in errors if status < 400 or own_status not in error]
        if faults:
            console[str(page_type)] = faults
    if role in ("admin", "karaganda"):
        form_in_error_state(page, live_server.url)
        assert page.locator(".errorlist").count(), "the empty form came back without errors"
        found += violations_of(axe, page, f"/agreements/new/ with errors [{role}, {width} px]")
    context.close()
    assert visited > 40, visited
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)
    assert not console, console

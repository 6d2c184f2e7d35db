"""axe-core (WCAG 2.1 A and AA rules) on every page type, generated from the URL configuration, for every role:
anonymous, viewer, an editor scoped to Karaganda and the administrator; at 1366 px for every role and at 390 px
for the administrator (who sees the most), with a form in its error state. At 390 px the other roles (and an
editor outside Karaganda, who reads its records without editing them) get one page per distinct template, the
login or agreement form in its error state among them. A failure names rule, element, page."""

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


def webhook_form_in_error_state(page, base_url: str) -> None:
    """The administrators' webhook subscription form sent with an ftp:// address and no event: the events'
    checkbox group in its error state."""
    page.goto(f"{base_url}/webhooks/new/")
    page.fill("#id_url", "ftp://partner.example.kz/hook")
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
    if role == "admin":
        webhook_form_in_error_state(page, live_server.url)
        assert page.locator(".error-summary").count(), "the webhook form came back without errors"
        found += violations_of(axe, page, f"/webhooks/new/ with errors [{role}, {width} px]")
    context.close()
    assert visited > 40, visited
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)
    assert not console, console


# On a phone the other roles get one page per distinct template (and status) rather than every URL: the same
# template differs only in its records, and the walk above reads every page at 1366 px for every role but the
# outsider. A template already checked for an earlier role is not checked again, except the pages every role
# sees differently (menu, buttons): home, a list, a record and a form.
PHONE_ROLES = ["karaganda", "outsider", "viewer", None]
EVERY_ROLE = {"home", "agreements:agreement_list", "agreements:agreement_detail", "agreements:agreement_create"}


def one_page_per_template(demo, user, seen: set) -> list:
    """The page types that render a template (with a status) not in `seen` for this user, found by the test
    client (no browser); a redirect (to the login page) counts as one template."""
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    chosen = []
    for page_type in page_types(demo):
        response = client.get(page_type.url)
        names = [template.name for template in getattr(response, "templates", []) if template.name]
        status = response.status_code
        key = ("redirect", 302) if 300 <= status < 400 else (names[0] if names else page_type.name, status)
        if key not in seen or page_type.name in EVERY_ROLE:
            seen.add(key)
            chosen.append(page_type)
    return chosen


def login_in_error_state(page, base_url: str) -> None:
    """The login form sent with a wrong password: the error summary and the fields it points at."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "wrong")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")


def test_each_template_has_no_wcag_violation_on_a_phone(live_server, chromium, demo, users):
    axe = Axe()
    found, checked, seen = [], {}, set()
    for role in PHONE_ROLES:
        user = getattr(users, role) if role else None
        who = role or "anonymous"
        chosen = one_page_per_template(demo, user, seen)
        checked[who] = len(chosen)
        context = context_as(chromium, live_server, user, 390)
        page = context.new_page()
        errors = listen_for_errors(page)
        for page_type in chosen:
            status = open_page(page, live_server.url + page_type.url, errors)
            if status >= 500:
                found.append(f"{page_type}: HTTP {status} [{who}]")
                continue
            found += violations_of(axe, page, f"{page_type} [{who}, 390 px]")
        if role is None:
            login_in_error_state(page, live_server.url)
            assert page.locator(".error-summary").count(), "the wrong password came back without an error"
            found += violations_of(axe, page, "/accounts/login/ with errors [anonymous, 390 px]")
        elif role != "viewer":
            form_in_error_state(page, live_server.url)
            assert page.locator(".errorlist").count(), f"the empty form came back without errors [{who}]"
            found += violations_of(axe, page, f"/agreements/new/ with errors [{who}, 390 px]")
        context.close()
    assert checked["karaganda"] > 20 and all(checked.values()), checked
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)

"""Swagger UI and ReDoc work in a real Chromium, offline and under the Content-Security-Policy."""

import pytest

from ortaq.core.tests.test_browser_csp import signed_in_context, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_and_redoc_draw_the_api_without_a_policy_violation(live_server, chromium, demo, users):
    context = signed_in_context(chromium, live_server, users.viewer)
    outside: list[str] = []
    context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                  if not route.request.url.startswith(live_server.url) and not route.request.url.startswith(
                      ("data:", "blob:")) else route.continue_())
    page = context.new_page()
    try:
        assert visit(page, f"{live_server.url}/api/docs/", ".opblock-tag") == []
        assert page.locator(".opblock-tag", has_text="foodbelt").count() >= 1
        # ReDoc's bundle hard-codes its attribution logo on cdn.redoc.ly: the policy blocks it (nothing leaves
        # the origin, the image hides itself on error); any other violation fails.
        violations = visit(page, f"{live_server.url}/api/redoc/", "[role=menuitem], .menu-content li")
        assert [text for text in violations if "cdn.redoc.ly/redoc/logo-mini.svg" not in text] == []
        assert page.get_by_text("foodbelt", exact=False).count() >= 1
    finally:
        context.close()
    assert outside == []  # nothing fetched from another origin

"""The site's own error pages: 500 without the database, a CSRF failure explained in Russian."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseForbidden, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from ortaq.core.context_processors import navigation


@requires_csrf_token
def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponseServerError:
    """The 500 page with the menu, rendered without a request context: no query, no session, no user."""
    # The database may be what failed: context processors (the user's role) are not run.
    html = loader.get_template(template_name).render({"nav_items": navigation(), "error_page": True})
    return HttpResponseServerError(html)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponseForbidden:
    """A form sent without a valid CSRF token: most often a page left open past the session's end."""
    html = loader.render_to_string("403_csrf.html", {"reason": reason}, request)
    return HttpResponseForbidden(html)

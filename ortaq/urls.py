"""Ortaq's URL map (the site layer): one include per app, and the pages that read across apps routed into
their sections — the home page, the search page among core's routes, the commitments tracker among the
agreements' routes (same paths and names as ever)."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from ortaq.accounts.views import set_language
from ortaq.agreements import urls as agreements_urls
from ortaq.analytics.views import TrackerView
from ortaq.core import urls as core_urls
from ortaq.core.media import media_file
from ortaq.portal.views import home, search_page

# The global search page (core:search) among the ground floor's routes, at its old place (first).
core_patterns = [path("search/", search_page, name="search"), *core_urls.urlpatterns]
# The one commitments page (agreements:commitment_list) is the analytics tracker: figures above the list.
agreements_patterns = [path("commitments/", TrackerView.as_view(), name="commitment_list"),
                       *agreements_urls.urlpatterns]


def favicon(request: HttpRequest) -> HttpResponse:
    """Pages without the base template's icon link (the brief) still get an icon, not a 404 in the console."""
    return redirect(static("core/favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("", home, name="home"),
    path("", include((core_patterns, core_urls.app_name))),
    path("accounts/", include("django.contrib.auth.urls")),
    # The language switch (ҚАЗ / РУС / ENG in the header): same URLs in every language, the choice in a cookie.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", include("ortaq.api_urls")),
    path("regions/", include("ortaq.regions.urls")),
    path("directory/", include("ortaq.directory.urls")),
    path("events/", include("ortaq.events.urls")),
    path("agreements/", include((agreements_patterns, agreements_urls.app_name))),
    path("projects/", include("ortaq.projects.urls")),
    path("sources/", include("ortaq.sources.urls")),
    path("foodbelt/", include("ortaq.foodbelt.urls")),
    path("analytics/", include("ortaq.analytics.urls")),
    path("reader/", include("ortaq.reader.urls")),
    path("jobs/", include("ortaq.jobs.urls")),
    path("webhooks/", include("ortaq.webhooks.urls")),
    # Uploaded files, in development and production alike: a permission check, then always a download.
    path("media/<path:path>", media_file, name="media"),
]

# The site's own error pages (templates 403.html, 404.html in ortaq/templates); 500 renders without the database.
handler500 = "ortaq.core.errors.server_error"

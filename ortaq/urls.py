"""Ortaq's URL map: one include per domain app."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from ortaq.accounts.views import set_language
from ortaq.core.media import media_file
from ortaq.core.pages import home


def favicon(request: HttpRequest) -> HttpResponse:
    """Pages without the base template's icon link (the brief) still get an icon, not a 404 in the console."""
    return redirect(static("core/favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("", home, name="home"),
    path("", include("ortaq.core.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # The language switch (ҚАЗ / РУС / ENG in the header): same URLs in every language, the choice in a cookie.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", include("ortaq.api_urls")),
    path("regions/", include("ortaq.regions.urls")),
    path("directory/", include("ortaq.directory.urls")),
    path("events/", include("ortaq.events.urls")),
    path("agreements/", include("ortaq.agreements.urls")),
    path("projects/", include("ortaq.projects.urls")),
    path("sources/", include("ortaq.sources.urls")),
    path("foodbelt/", include("ortaq.foodbelt.urls")),
    path("analytics/", include("ortaq.analytics.urls")),
    path("reader/", include("ortaq.reader.urls")),
    path("jobs/", include("ortaq.jobs.urls")),
    # Uploaded files, in development and production alike: a permission check, then always a download.
    path("media/<path:path>", media_file, name="media"),
]

# The site's own error pages (templates 403.html, 404.html in ortaq/templates); 500 renders without the database.
handler500 = "ortaq.core.errors.server_error"

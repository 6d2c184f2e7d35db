"""The ground floor's routes (namespace "core"); ortaq/urls.py adds the site's search page to them."""

from django.urls import path

from ortaq.core import pages

app_name = "core"

urlpatterns = [
    path("history/<str:label>/<int:pk>/", pages.record_history, name="history"),
    path("history/<str:label>/<int:pk>/restore/<int:history_id>/", pages.restore, name="restore"),
    path("healthz", pages.healthz, name="healthz"),
    path("autocomplete/<str:label>/", pages.autocomplete, name="autocomplete"),
]

"""The site's own pages: the home page (figures, map and charts across the registry) and the global search.

Their templates stay in core/templates (core/home.html, core/search.html), where the base template lives.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ortaq.core import search
from ortaq.portal.dashboard import dashboard_context


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", dashboard_context())


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    groups = search.search(query) if query else []
    template = "core/_search_results.html" if request.htmx else "core/search.html"
    return render(request, template, {"query": query, "groups": groups})

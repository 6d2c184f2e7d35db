"""URL patterns for the standard views of a record type, named `<model>_<action>`."""

from __future__ import annotations

from django.urls import URLPattern, path


def record_urls(model, *, list_view, detail_view, create_view=None, edit_view=None, delete_view=None,
                prefix: str | None = None) -> list[URLPattern]:
    """list, detail, create, edit and delete routes for one model (list_view None: the list is routed by a
    higher layer, as the commitments tracker is by ortaq/urls.py)."""
    name = model._meta.model_name
    stem = name + "s" if prefix is None else prefix
    base = f"{stem}/" if stem else ""
    patterns = [path(base, list_view.as_view(), name=f"{name}_list")] if list_view else []
    patterns.append(path(f"{base}<int:pk>/", detail_view.as_view(), name=f"{name}_detail"))
    if create_view:
        patterns.append(path(f"{base}new/", create_view.as_view(), name=f"{name}_create"))
    if edit_view:
        patterns.append(path(f"{base}<int:pk>/edit/", edit_view.as_view(), name=f"{name}_edit"))
    if delete_view:
        patterns.append(path(f"{base}<int:pk>/delete/", delete_view.as_view(), name=f"{name}_delete"))
    return patterns

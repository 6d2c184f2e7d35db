"""Uploaded files served through Django: only to someone who may read the record the file belongs to, always as a
download (never rendered by the browser: no HTML or SVG runs in Ortaq's origin)."""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import models
from django.http import FileResponse, Http404, HttpRequest

from ortaq.core.permissions import permission_name

# Types a browser may show inline without running anything; everything else is plain bytes to it.
SAFE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}


def file_fields() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) that stores an uploaded file, history models excluded."""
    found = []
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                found.append((model, field.name))
    return found


def owner_of(name: str) -> models.Model | None:
    """The record holding this file now, or (for a replaced file) the record whose history held it."""
    for model, field in file_fields():
        record = model._default_manager.filter(**{field: name}).first()
        if record is not None:
            return record
    for model, field in file_fields():
        history = getattr(model, "history", None)
        if history is None:
            continue
        row = history.filter(**{field: name}).order_by("-history_id").first()
        if row is not None:
            return model._default_manager.filter(pk=row.pk).first() or row.instance
    return None


def media_file(request: HttpRequest, path: str) -> FileResponse:
    name = str(PurePosixPath(path))
    if name.startswith(("/", "..")) or "/../" in f"/{name}/":
        raise Http404(path)
    record = owner_of(name)
    if record is None or not default_storage.exists(name):
        raise Http404(path)
    if not request.user.has_perm(permission_name(type(record), "view"), record):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if content_type not in SAFE_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), as_attachment=True,
                            filename=PurePosixPath(name).name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Even if opened directly, nothing in it may run or load anything.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response

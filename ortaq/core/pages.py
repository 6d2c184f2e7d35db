"""One-off pages: a record's full history and restoring a version, autocomplete, the health check (the home
and search pages are the site's: ortaq.portal.views)."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ortaq.core import search
from ortaq.core.history import history_rows, restore_preview, restore_version
from ortaq.core.models import RegistryModel
from ortaq.core.permissions import permission_name


def _get_record_for_user(request: HttpRequest, label: str, pk: int, action: str = "view"):
    """The record named by 'app.model' and pk, if the user may perform the action on it."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise Http404(label) from error
    if not issubclass(model, RegistryModel):
        raise Http404(label)
    record = get_object_or_404(model, pk=pk)
    if not request.user.has_perm(permission_name(model, action), record):
        raise PermissionDenied
    return record


def record_history(request: HttpRequest, label: str, pk: int) -> HttpResponse:
    record = _get_record_for_user(request, label, pk)
    return render(request, "core/history.html", {
        "record": record, "meta": record._meta, "history": history_rows(record),
        "can_restore": request.user.has_perm("core.restore_version"),
    })


@require_http_methods(["GET", "POST"])
def restore(request: HttpRequest, label: str, pk: int, history_id: int) -> HttpResponse:
    """GET: what restoring the version would change, and a button to confirm; POST: restore it."""
    record = _get_record_for_user(request, label, pk)
    if not request.user.has_perm("core.restore_version"):
        raise PermissionDenied
    if not record.history.filter(history_id=history_id).exists():
        raise Http404(history_id)
    if request.method == "GET":
        historical, changes = restore_preview(record, history_id)
        return render(request, "core/restore_confirm.html", {
            "record": record, "meta": record._meta, "historical": historical, "changes": changes})
    restored = restore_version(record, history_id)
    messages.success(request, _("Восстановлена прежняя версия записи «%(record)s».") % {"record": restored})
    return redirect(restored.get_absolute_url())


def autocomplete(request: HttpRequest, label: str) -> JsonResponse:
    """Up to 15 records of one kind whose words match the query, for AutocompleteSelect."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise Http404(label) from error
    if not issubclass(model, RegistryModel) or not request.user.has_perm(permission_name(model, "view")):
        raise PermissionDenied
    condition = search.query_filter(request.GET.get("q", ""))
    if condition is None:
        return JsonResponse({"results": []})
    from django.contrib.contenttypes.models import ContentType

    from ortaq.core.models import SearchEntry

    # A kind that is not indexed itself (a supplier) is found through the indexed record it belongs to.
    through = getattr(model, "autocomplete_through", None) if not model.searchable else None
    indexed = model._meta.get_field(through).related_model if through else model
    entries = (SearchEntry.objects.filter(condition, content_type=ContentType.objects.get_for_model(indexed))
               .order_by("title").values_list("object_id", "title"))
    if through is None:
        return JsonResponse({"results": [{"id": pk, "text": title} for pk, title in entries[:15]]})
    titles = dict(entries[:200])
    records = model._default_manager.filter(**{f"{through}_id__in": list(titles)}).values_list("pk", f"{through}_id")
    rows = sorted(({"id": pk, "text": titles[owner]} for pk, owner in records), key=lambda row: row["text"])
    return JsonResponse({"results": rows[:15]})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})

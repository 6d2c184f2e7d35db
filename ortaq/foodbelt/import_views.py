"""Uploading deliveries or suppliers: a preview listing every error by row and column, then one transaction."""

from __future__ import annotations

import datetime
import hashlib
import re
import time
from decimal import Decimal
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ortaq.core.uploads import KIND_LABELS, UploadRefused, detect_kind
from ortaq.foodbelt import importer, supplier_import
from ortaq.foodbelt.exports import file_response
from ortaq.foodbelt.models import Supplier
from ortaq.foodbelt.tabular import UnreadableFile, read_rows
from ortaq.regions.models import Region

TOKEN = re.compile(r"^[0-9a-f]{64}\.(csv|xlsx|txt)$")
EXAMPLES = {
    "deliveries": ["123456789013", "КХ «Пример»", "dairy", datetime.date(2018, 3, 15), Decimal("12.5"),
                   Decimal("3125000"), "KZ-71",
                   "ТОО «Столичный рынок»", "ТТН-000123"],
    "suppliers": ["КХ «Пример»", "123456789013", "сельхозпроизводитель", "КХ", "Карагандинская область",
                  "dairy; vegetables", ""],
}


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Файл CSV или XLSX"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ORTAQ_WEB_IMPORT_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("Файл больше %(limit)s МБ: на сайте он не успеет загрузиться, загрузите его "
                                          "командой ortaq import-deliveries.") % {"limit": limit})
        # By content, not by name: a CSV is text, an XLSX a spreadsheet package; anything else is refused.
        try:
            upload.content_kind = detect_kind(upload.file, upload.name)
        except UploadRefused as error:
            raise forms.ValidationError(str(error)) from error
        finally:
            upload.file.seek(0)
        if upload.content_kind not in ("text", "xlsx"):
            raise forms.ValidationError(_("Нужен файл CSV или XLSX; «%(name)s» — %(found)s.") % {
                "name": upload.name, "found": KIND_LABELS.get(upload.content_kind, _("не текст и не таблица"))})
        return upload


STAGED_FOR = 24 * 3600  # a previewed file not confirmed within a day is deleted


def _staging_dir() -> Path:
    # Outside MEDIA_ROOT: a staged file is never served, backed up or listed with the uploaded documents.
    path = Path(settings.VAR_DIR) / "staging" / "foodbelt"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sweep_staging() -> None:
    """Delete staged files whose preview was abandoned (never confirmed nor refused)."""
    cutoff = time.time() - STAGED_FOR
    for staged in _staging_dir().iterdir():
        try:
            if staged.is_file() and staged.stat().st_mtime < cutoff:
                staged.unlink(missing_ok=True)
        except OSError:  # another request removed it meanwhile
            continue


def _stage(upload) -> tuple[str, Path]:
    """Keep the uploaded file between the preview and the confirmation, named by its digest."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    suffix = ".xlsx" if getattr(upload, "content_kind", "") == "xlsx" else ".csv"
    token = f"{digest.hexdigest()}{suffix}"
    path = _staging_dir() / token
    with open(path, "wb") as stream:
        for chunk in upload.chunks():
            stream.write(chunk)
    return token, path


def _run(kind: str, path: Path, file_name: str, user, *, commit: bool) -> importer.ImportResult:
    with open(path, "rb") as stream:
        rows = read_rows(stream, path.name)
        if kind == "suppliers":
            return supplier_import.import_suppliers(rows, user=user, file_name=file_name, commit=commit)
        runner = importer.DeliveryImporter(user=user, file_name=file_name, sha256=path.stem,
                                           default_consumer=Region.objects.by_code(settings.ORTAQ_HOME_REGION))
        return runner.run(rows, commit=commit)


def _import_page(request: HttpRequest, kind: str, permission: str, title: str, done_url: str) -> HttpResponse:
    if not request.user.has_perm(permission):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('login')}?next={request.path}")
        raise PermissionDenied
    context = {"title": title, "kind": kind, "form": UploadForm(), "result": None}
    if request.method == "POST":
        token, file_name = request.POST.get("token", ""), request.POST.get("file_name", "")[:255]
        _sweep_staging()
        if token:
            if not TOKEN.match(token) or not (_staging_dir() / token).is_file():
                raise Http404(token)
            path = _staging_dir() / token
            try:
                result = _run(kind, path, file_name, request.user, commit=True)
            finally:
                # Imported or refused, the staged copy is no longer needed (a refusal starts over).
                path.unlink(missing_ok=True)
            if result.committed:
                messages.success(request, _("Импортировано: %(added)s, уже были в реестре: %(skipped)s.")
                                 % {"added": result.added, "skipped": result.skipped})
                return redirect(done_url)
            context.update(result=result, file_name=file_name)
        else:
            form = UploadForm(request.POST, request.FILES)
            context["form"] = form
            if form.is_valid():
                upload = form.cleaned_data["file"]
                token, path = _stage(upload)
                try:
                    result = _run(kind, path, upload.name, request.user, commit=False)
                except UnreadableFile as error:
                    path.unlink(missing_ok=True)
                    form.add_error("file", _("Файл не читается: %(error)s") % {"error": error})
                    return render(request, "foodbelt/import.html", context)
                except BaseException:
                    path.unlink(missing_ok=True)
                    raise
                context.update(result=result, token=token if result.ok else "", file_name=upload.name)
                if not result.ok:
                    path.unlink(missing_ok=True)
    if context["result"] is not None and kind == "deliveries":
        ids = {row["supplier_id"] for row in context["result"].sample}
        names = dict(Supplier.objects.filter(pk__in=ids).values_list("pk", "organization__name"))
        for row in context["result"].sample:
            row["supplier"] = names.get(row["supplier_id"], "")
    return render(request, "foodbelt/import.html", context, status=422 if context["result"] and not
                  context["result"].ok else 200)


def import_deliveries(request: HttpRequest) -> HttpResponse:
    return _import_page(request, "deliveries", "foodbelt.add_delivery", _("Импорт поставок"),
                        reverse("foodbelt:delivery_list"))


def import_suppliers(request: HttpRequest) -> HttpResponse:
    return _import_page(request, "suppliers", "foodbelt.add_supplier", _("Импорт поставщиков"),
                        reverse("foodbelt:supplier_list"))


def template(request: HttpRequest, kind: str, file_format: str) -> HttpResponse:
    """An empty file with the right columns and one example row."""
    if kind not in EXAMPLES or file_format not in ("csv", "xlsx"):
        raise Http404(kind)
    headers = importer.template_headers() if kind == "deliveries" else supplier_import.template_headers()
    return file_response(file_format, f"{kind}-template", headers, [EXAMPLES[kind]], request)

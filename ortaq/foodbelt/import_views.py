"""Uploading deliveries or suppliers: a preview listing every error by row and column, then one transaction."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ortaq.core import formatting
from ortaq.core.permissions import is_administrator
from ortaq.core.uploads import KIND_LABELS, UploadRefused, detect_kind
from ortaq.foodbelt import importer, staging, supplier_import
from ortaq.foodbelt.exports import file_response
from ortaq.foodbelt.models import ProductCategory, Supplier
from ortaq.jobs import runner
from ortaq.jobs.models import Job
from ortaq.regions.models import Region

IMPORT_JOBS = ("foodbelt-check", "foodbelt-import")
EXAMPLES = {
    "deliveries": ["123456789013", "КХ «Пример»", "{dairy}", datetime.date(2018, 3, 15), Decimal("12.5"),
                   Decimal("3125000"), "{KZ-71}",
                   "ТОО «Столичный рынок»", "ТТН-000123"],
    "suppliers": ["КХ «Пример»", "123456789013", "сельхозпроизводитель", "КХ", "Карагандинская область",
                  "{dairy}; {vegetables}", ""],
}
PLACEHOLDER = re.compile(r"\{([\w-]+)\}")


def _example_row(kind: str) -> list:
    """The template's example row with categories and regions by their Russian names (codes work too)."""
    names = dict(ProductCategory.objects.values_list("slug", "name_ru"))
    names.update(Region.objects.values_list("code", "name_ru"))

    def russian(cell):
        if not isinstance(cell, str):
            return cell
        return PLACEHOLDER.sub(lambda match: names.get(match.group(1), match.group(1)), cell)

    return [russian(cell) for cell in EXAMPLES[kind]]


def category_names() -> list[str]:
    """The Russian names of the product categories, as an import file may name them."""
    return list(ProductCategory.objects.order_by("sort_order", "name_ru").values_list("name_ru", flat=True))


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Файл CSV или XLSX"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ORTAQ_WEB_IMPORT_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("Файл больше %(limit)s МБ: загрузите его командой "
                                          "ortaq import-deliveries.") % {"limit": limit})
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


def _job_of(request: HttpRequest, job_id: str) -> Job:
    """The user's own import job (administrators see every one)."""
    jobs = Job.objects.filter(kind__in=IMPORT_JOBS)
    if not is_administrator(request.user):
        jobs = jobs.filter(created_by=request.user)
    try:
        return runner.with_live_progress([jobs.get(pk=job_id)])[0]
    except (Job.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404(job_id) from error


def _start(request: HttpRequest, job_kind: str, kind: str, token: str, file_name: str) -> HttpResponse:
    job = runner.start(job_kind, user=request.user, kind=kind, token=token, file_name=file_name,
                       user_id=request.user.pk)
    return redirect(f"{request.path}?job={job.pk}")


def _post(request: HttpRequest, kind: str, context: dict) -> HttpResponse | None:
    """Upload → a check job; confirm → an import job; cancel → the job stops. None: show the form's errors."""
    staging.sweep()
    if request.POST.get("cancel"):
        runner.cancel(_job_of(request, request.POST["cancel"]))
        messages.info(request, _("Импорт отменён: ничего не записано."))
        return redirect(request.path)
    token, file_name = request.POST.get("token", ""), request.POST.get("file_name", "")[:255]
    if token:
        try:
            staging.path_of(token)
        except staging.UnknownToken as error:
            raise Http404(token) from error
        return _start(request, "foodbelt-import", kind, token, file_name)
    form = UploadForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return None
    upload = form.cleaned_data["file"]
    token, _path = staging.stage(upload)
    return _start(request, "foodbelt-check", kind, token, upload.name)


def _show_job(request: HttpRequest, job: Job, context: dict, done_url: str) -> HttpResponse | None:
    """A running job: its progress (the page polls); a finished one: the preview, or the import's outcome."""
    context["job"] = job
    if job.is_active:
        return None
    if request.htmx:  # the polled fragment: the job has ended, reload the whole page once
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    if job.status == Job.Status.FAILED:
        context["job_error"] = _("Файл не обработан: %(error)s") % {"error": job.error.splitlines()[0][:300]}
        return None
    if job.status != Job.Status.DONE or job.result is None:
        return None
    if "unreadable" in job.result:
        context["job_error"] = _("Файл не читается: %(error)s") % {"error": job.result["unreadable"]}
        return None
    result = staging.from_json(job.result)
    if job.kind == "foodbelt-import" and result.committed:
        messages.success(request, _("Импортировано: %(added)s, уже были в реестре: %(skipped)s.")
                         % {"added": formatting.number(result.added), "skipped": formatting.number(result.skipped)})
        return redirect(done_url)
    token = job.params.get("token", "") if job.kind == "foodbelt-check" and result.ok else ""
    if token:
        try:
            staging.path_of(token)
        except staging.UnknownToken:
            token = ""  # imported or expired meanwhile
    context.update(result=result, token=token, file_name=job.params.get("file_name", ""))
    return None


def _import_page(request: HttpRequest, kind: str, permission: str, title: str, done_url: str) -> HttpResponse:
    if not request.user.has_perm(permission):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('login')}?next={request.path}")
        raise PermissionDenied
    context = {"title": title, "kind": kind, "form": UploadForm(), "result": None, "categories": category_names()}
    if request.method == "POST":
        response = _post(request, kind, context)
        if response is not None:
            return response
    elif request.GET.get("job"):
        response = _show_job(request, _job_of(request, request.GET["job"]), context, done_url)
        if response is not None:
            return response
    if context["result"] is not None and kind == "deliveries":
        ids = {row["supplier_id"] for row in context["result"].sample}
        names = dict(Supplier.objects.filter(pk__in=ids).values_list("pk", "organization__name"))
        for row in context["result"].sample:
            row["supplier"] = names.get(row["supplier_id"], "")
    template = "foodbelt/_import_job.html" if request.htmx and context.get("job") else "foodbelt/import.html"
    failed = (context["result"] is not None and not context["result"].ok) or context.get("job_error")
    return render(request, template, context, status=422 if failed else 200)


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
    return file_response(file_format, f"{kind}-template", headers, [_example_row(kind)], request)

"""The administrators' page of background jobs: queued, running with progress, failed with the error."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortaq.core.permissions import is_administrator
from ortaq.jobs import registry, runner
from ortaq.jobs.models import Job

PAGE_SIZE = 50


def _administrators_only(request: HttpRequest) -> None:
    if not is_administrator(request.user):
        raise PermissionDenied(_("Фоновые задачи видят только администраторы."))


def job_list(request: HttpRequest) -> HttpResponse:
    _administrators_only(request)
    status = request.GET.get("status", "")
    jobs = Job.objects.select_related("created_by")
    if status in Job.Status.values:
        jobs = jobs.filter(status=status)
    jobs = runner.with_live_progress(list(jobs[:PAGE_SIZE]))
    context = {"jobs": jobs, "statuses": Job.Status.choices, "status": status, "synthetic_form": SyntheticForm(),
               "startable": registry.startable(), "polling": any(job.is_active for job in jobs)}
    template = "jobs/_job_rows.html" if request.htmx else "jobs/job_list.html"
    return render(request, template, context)


def job_detail(request: HttpRequest, pk) -> HttpResponse:
    _administrators_only(request)
    job = get_object_or_404(Job, pk=pk)
    return render(request, "jobs/job_detail.html", {"job": job})


@require_POST
def job_start(request: HttpRequest, kind: str) -> HttpResponse:
    _administrators_only(request)
    definition = registry.KINDS.get(kind)
    if definition is None or not definition.startable:
        raise Http404(_("Нет такой задачи."))
    job = runner.start(kind, user=request.user)
    messages.success(request, _("Задача «%(title)s» поставлена в очередь.") % {"title": job.title})
    return redirect("jobs:list")


class SyntheticForm(forms.Form):
    """How many synthetic records to create (every one marked synthetic; for demos and benchmarks)."""

    organizations = forms.IntegerField(label=_("организаций"), min_value=0, max_value=1_000_000, initial=0)
    agreements = forms.IntegerField(label=_("соглашений"), min_value=0, max_value=1_000_000, initial=0)
    events = forms.IntegerField(label=_("событий"), min_value=0, max_value=1_000_000, initial=0)
    commitments = forms.IntegerField(label=_("обязательств"), min_value=0, max_value=1_000_000, initial=0)
    deliveries = forms.IntegerField(label=_("поставок"), min_value=0, max_value=1_000_000, initial=0)


@require_POST
def job_synthetic(request: HttpRequest) -> HttpResponse:
    _administrators_only(request)
    form = SyntheticForm(request.POST)
    if not form.is_valid() or not any(form.cleaned_data.values()):
        messages.error(request, _("Укажите, сколько записей создать: целые числа от 0 до 1 000 000, хотя бы одно "
                                  "больше нуля."))
        return redirect("jobs:list")
    job = runner.start("synthetic", user=request.user, **form.cleaned_data)
    messages.success(request, _("Задача «%(title)s» поставлена в очередь.") % {"title": job.title})
    return redirect("jobs:list")


@require_POST
def job_action(request: HttpRequest, pk, action: str) -> HttpResponse:
    _administrators_only(request)
    job = get_object_or_404(Job, pk=pk)
    if action == "retry" and job.status in (Job.Status.FAILED, Job.Status.CANCELLED):
        runner.retry(job)
        messages.success(request, _("Задача снова поставлена в очередь."))
    elif action == "cancel" and job.is_active:
        runner.cancel(job)
        messages.success(request, _("Задача отменена."))
    else:
        messages.error(request, _("С задачей в этом состоянии этого сделать нельзя."))
    return redirect("jobs:list")

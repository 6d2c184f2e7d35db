"""Pages of the review queue: documents, paste/upload, the review page and the proposal card actions."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from rules.contrib.views import PermissionRequiredMixin

from ortaq.core.permissions import is_administrator
from ortaq.extraction import ExtractionInputError
from ortaq.jobs import runner
from ortaq.jobs.models import Job
from ortaq.reader.filtersets import ReadingFilterSet
from ortaq.reader.forms import DocumentForm, review_form, unbound_review_form
from ortaq.reader.gazetteer import registry_pipeline
from ortaq.reader.highlight import marked_segments
from ortaq.reader.inputs import too_long_request
from ortaq.reader.matching import Matcher
from ortaq.reader.models import Proposal, Reading
from ortaq.reader.review import ReviewRefused, accept, reject, reopen
from ortaq.reader.storing import find_read, store_reading
from ortaq.reader.tables import ReadingTable
from ortaq.reader.tasks import stage_text
from ortaq.sources.models import Document


class DocumentListView(PermissionRequiredMixin, SingleTableMixin, FilterView):
    """Documents read so far with how many of their proposals wait, were accepted or rejected."""

    permission_required = "reader.view_reading"
    model = Reading
    table_class = ReadingTable
    filterset_class = ReadingFilterSet
    paginate_by = 25
    template_name = "reader/reading_list.html"

    def get_queryset(self):
        return Reading.objects.with_counts().select_related("document")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        jobs = Job.objects.filter(kind="reader", status__in=Job.ACTIVE)
        if not self.request.user.is_authenticated:
            jobs = jobs.none()
        elif not is_administrator(self.request.user):
            jobs = jobs.filter(created_by=self.request.user)
        context["reading_jobs"] = runner.with_live_progress(list(jobs[:20]))
        return context

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return ["core/_list_table.html"]
        return [self.template_name]


def _read_in_worker(request: HttpRequest, form: DocumentForm) -> HttpResponse:
    """A long text or an archive: staged, read by a worker; the page follows the job."""
    items = form.cleaned_data["archive"] or [(form.cleaned_data["file_name"], form.input)]
    texts = [{"token": stage_text(item.text), "file_name": name, "notes": [str(note) for note in item.notes]}
             for name, item in items]
    job = runner.start("reader", user=request.user, texts=texts, user_id=request.user.pk)
    return redirect(f"{reverse('reader:document_create')}?job={job.pk}")


def _reading_job(request: HttpRequest, job_id: str) -> HttpResponse:
    jobs = Job.objects.filter(kind="reader")
    if not is_administrator(request.user):
        jobs = jobs.filter(created_by=request.user)
    try:
        job = runner.with_live_progress([jobs.get(pk=job_id)])[0]
    except (Job.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404(job_id) from error
    if job.is_active:
        template = "reader/_reading_job.html" if request.htmx else "reader/reading_job.html"
        return render(request, template, {"job": job})
    if request.htmx:  # the polled fragment: the job has ended, reload the page once
        return HttpResponse(status=204, headers={"HX-Refresh": "true"})
    documents = (job.result or {}).get("documents", [])
    read = [item for item in documents if item.get("document")]
    if len(documents) == 1 and read and job.status == Job.Status.DONE:
        messages.success(request, _("Документ прочитан: предложений — %(count)s.") % {"count": read[0]["proposals"]})
        return redirect("reader:document_review", pk=read[0]["document"])
    return render(request, "reader/reading_job.html", {"job": job, "documents": documents})


@permission_required("reader.add_reading", raise_exception=True)
def document_create(request: HttpRequest) -> HttpResponse:
    """Paste a text or upload .txt/.docx (read at once) — a long text or a .zip is read by a worker."""
    if request.method == "GET" and request.GET.get("job"):
        return _reading_job(request, request.GET["job"])
    try:
        form = DocumentForm(request.POST or None, request.FILES or None)
    except RequestDataTooBig:
        form = DocumentForm()
        form.add_error(None, str(too_long_request()))
        return render(request, "reader/document_form.html", {"form": form}, status=413)
    if request.method == "POST" and form.is_valid():
        text = form.input.text
        if form.cleaned_data["archive"] or len(text) > settings.ORTAQ_READER_BACKGROUND_CHARS:
            return _read_in_worker(request, form)
        existing = find_read(text)
        if existing:
            messages.info(request, _("Этот текст уже загружен: «%(title)s».") % {"title": existing})
            return redirect("reader:document_review", pk=existing.pk)
        try:
            result = registry_pipeline().extract(text, "web")
        except ExtractionInputError as error:
            form.add_error(None, str(error))
        else:
            stored = store_reading(text, result, matcher=Matcher(), file_name=form.cleaned_data["file_name"],
                                   user=request.user, notes=form.input.notes)
            for note in stored.notes:
                messages.info(request, note)
            messages.success(request, _("Документ прочитан: предложений — %(count)s.") % {"count": stored.proposals})
            return redirect("reader:document_review", pk=stored.document.pk)
    return render(request, "reader/document_form.html", {"form": form})


def _can_review(request: HttpRequest, proposal: Proposal | None) -> bool:
    """Whether the user may accept or reject the proposals of this proposal's document (an editor of a region
    the document is about, or an administrator): the buttons are shown only to them."""
    if not request.user.has_perm("reader.review_proposal"):
        return False
    return proposal is None or request.user.has_perm("reader.decide_proposal", proposal)


@permission_required("reader.view_proposal", raise_exception=True)
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The text with every proposal's mentions marked, and the proposals beside it."""
    document = get_object_or_404(Document.objects.select_related("reading"), pk=pk, reading__isnull=False)
    proposals = list(document.proposals.prefetch_related("matched", "record").order_by("kind", "ordinal"))
    groups: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        groups.setdefault(proposal.get_kind_display(), []).append(proposal)
    return render(request, "reader/document_review.html", {
        "document": document, "groups": groups, "segments": marked_segments(document.text, proposals),
        "can_review": _can_review(request, proposals[0] if proposals else None),
        "pending": sum(p.status == "pending" for p in proposals),
    })


def _proposal(pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("document"), pk=pk)


def _card(request: HttpRequest, proposal: Proposal, form=None, error: str = "") -> HttpResponse:
    return render(request, "reader/_proposal_card.html", {
        "proposal": proposal, "form": form, "error": error, "can_review": _can_review(request, proposal),
    })


@permission_required("reader.view_proposal", raise_exception=True)
def proposal_card(request: HttpRequest, pk: int) -> HttpResponse:
    return _card(request, _proposal(pk))


@permission_required("reader.review_proposal", raise_exception=True)
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    return _card(request, proposal, form=unbound_review_form(proposal))


@require_POST
@permission_required("reader.review_proposal", raise_exception=True)
def proposal_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept as proposed, or with the reviewer's edits (`edited` posted with the form's fields)."""
    proposal = _proposal(pk)
    form = review_form(proposal, request.POST if request.POST.get("edited") else None)
    if not form.is_valid():
        return _respond(request, proposal, form=form, error=_("Уточните предложение перед тем, как принять."))
    try:
        record = accept(proposal, request.user, form)
    except ReviewRefused as refusal:
        return _respond(request, proposal, form=form if request.POST.get("edited") else None, error=str(refusal))
    except PermissionDenied:
        raise
    if not request.htmx:
        messages.success(request, _("Принято: %(record)s") % {"record": record})
    return _respond(request, proposal)


@require_POST
@permission_required("reader.review_proposal", raise_exception=True)
def proposal_reject(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(pk)
    try:
        reject(proposal, request.user)
    except ReviewRefused as refusal:
        return _respond(request, proposal, error=str(refusal))
    return _respond(request, proposal)


@require_POST
@permission_required("reader.view_proposal", raise_exception=True)
def proposal_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Its decider or an administrator puts a decided proposal back in the queue."""
    proposal = _proposal(pk)
    try:
        reopen(proposal, request.user)
    except ReviewRefused as refusal:
        return _respond(request, proposal, error=str(refusal))
    if not request.htmx:
        messages.success(request, _("Решение отменено, предложение снова ждёт рассмотрения."))
    return _respond(request, proposal)


def _respond(request: HttpRequest, proposal: Proposal, form=None, error: str = "") -> HttpResponse:
    """The card for HTMX; a redirect back to the review page otherwise."""
    if request.htmx:
        return _card(request, proposal, form=form, error=error)
    if error:
        messages.error(request, error)
    return redirect(proposal.get_absolute_url())

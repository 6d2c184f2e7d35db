from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from ortaq.agreements.filtersets import (
    AgreementFilterSet,
    AreaFilterSet,
    ProgressReportFilterSet,
)
from ortaq.agreements.forms import AgreementForm, AreaForm, CommitmentForm, PartyFormSet, ProgressReportForm
from ortaq.agreements.models import Agreement, Area, Commitment, Party, ProgressReport, editing_parties
from ortaq.agreements.tables import AgreementTable, AreaTable
from ortaq.core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)

RECENT = 50  # the latest agreements, commitments and projects listed on an area's page
PARTIES = Prefetch("parties", queryset=Party.objects.select_related("organization", "region", "signatory"))


class AgreementListView(RecordListView):
    model = Agreement
    table_class = AgreementTable
    filterset_class = AgreementFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related(PARTIES)


class AgreementDetailView(RecordDetailView):
    model = Agreement

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        agreement = self.object
        context.update(
            parties=agreement.parties.select_related("organization__region", "region", "signatory"),
            commitments=agreement.commitments.select_related("owner", "area").prefetch_related("reports"),
            summary=agreement.commitment_summary(),
            areas=agreement.areas.all(),
        )
        return context


class AgreementFormMixin:
    model = Agreement
    form_class = AgreementForm
    formset_classes = {"parties": PartyFormSet}

    def save_formset(self, formset) -> None:
        # Parties may be removed and added in one submit; the count is checked once all are saved.
        with editing_parties(formset.instance):
            formset.save()


class AgreementCreateView(AgreementFormMixin, RecordCreateView):
    pass


class AgreementUpdateView(AgreementFormMixin, RecordUpdateView):
    pass


class AgreementDeleteView(RecordDeleteView):
    model = Agreement


class CommitmentDetailView(RecordDetailView):
    model = Commitment

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["reports"] = self.object.reports.select_related("reported_by")
        return context


class CommitmentCreateView(RecordCreateView):
    model = Commitment
    form_class = CommitmentForm


class CommitmentUpdateView(RecordUpdateView):
    model = Commitment
    form_class = CommitmentForm


class CommitmentDeleteView(RecordDeleteView):
    model = Commitment


class ProgressReportListView(RecordListView):
    model = ProgressReport
    filterset_class = ProgressReportFilterSet

    def get_table_class(self):
        from ortaq.agreements.tables import ProgressReportTable

        return ProgressReportTable


class ProgressReportDetailView(RecordDetailView):
    model = ProgressReport


class ProgressReportCreateView(RecordCreateView):
    model = ProgressReport
    form_class = ProgressReportForm

    def after_save(self, form) -> None:
        super().after_save(form)
        report = self.object
        if report.reported_by_id is None:
            report.reported_by = self.request.user
            report.save(update_fields=["reported_by"])
        if report.value is not None:
            commitment = report.commitment
            commitment.actual = report.value
            if commitment.status == Commitment.Status.OPEN:
                commitment.status = Commitment.Status.IN_PROGRESS
            commitment.save()

    def get_success_url(self) -> str:
        return self.object.commitment.get_absolute_url()


class ProgressReportUpdateView(RecordUpdateView):
    model = ProgressReport
    form_class = ProgressReportForm


class ProgressReportDeleteView(RecordDeleteView):
    model = ProgressReport


def _count_by_area(queryset, area_field: str) -> Coalesce:
    """The number of rows of `queryset` per area, as a subquery (no join multiplies the areas' rows)."""
    counts = (queryset.filter(**{area_field: OuterRef("pk")}).order_by().values(area_field)
              .annotate(n=Count("*")).values("n"))
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


class AreaListView(RecordListView):
    model = Area
    table_class = AreaTable
    filterset_class = AreaFilterSet
    paginate_by = 50

    def get_queryset(self):
        return super().get_queryset().annotate(
            agreement_count=_count_by_area(Agreement.areas.through.objects, "area_id"),
            commitment_count=_count_by_area(Commitment.objects, "area_id"),
            # The projects app's relation, read from this side: agreements does not import projects.
            project_count=_count_by_area(Area.joint_projects.through.objects, "area_id"),
        )


class AreaDetailView(RecordDetailView):
    """An area with the agreements, commitments and joint projects in it."""

    model = Area

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        area = self.object
        agreements = area.agreements.order_by("-signed_on", "-pk")
        commitments = area.commitments.select_related("agreement", "owner").order_by("due_date", "pk")
        projects = area.joint_projects.order_by("-start_year", "title")
        context.update(
            agreements=agreements[:RECENT], agreement_count=agreements.count(),
            commitments=commitments[:RECENT], commitment_count=commitments.count(),
            projects=projects[:RECENT], project_count=projects.count(),
            can_add_agreement=self.request.user.has_perm("agreements.add_agreement"),
            can_add_project=self.request.user.has_perm("projects.add_jointproject"),
        )
        return context


class AreaCreateView(RecordCreateView):
    model = Area
    form_class = AreaForm


class AreaUpdateView(RecordUpdateView):
    model = Area
    form_class = AreaForm


class AreaDeleteView(RecordDeleteView):
    model = Area

from ortaq.core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from ortaq.directory.filtersets import OrganizationFilterSet, PersonFilterSet, PositionFilterSet
from ortaq.directory.forms import OrganizationForm, PersonForm, PositionForm
from ortaq.directory.models import Organization, Person, Position
from ortaq.directory.tables import OrganizationTable, PersonTable, PositionTable


class OrganizationListView(RecordListView):
    model = Organization
    table_class = OrganizationTable
    filterset_class = OrganizationFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("region")


class OrganizationDetailView(RecordDetailView):
    model = Organization

    def get_context_data(self, **kwargs) -> dict:
        """Its positions, commitments, units and events; the agreements it is a party to come from the
        agreements app (`agreements.panels.detail_context`)."""
        context = super().get_context_data(**kwargs)
        organization = self.object
        context.update(
            positions=organization.positions.select_related("person"),
            commitments=organization.commitments.select_related("agreement"),
            children=organization.children.all(),
            events=organization.hosted_events.all()[:50],
        )
        return context


class OrganizationCreateView(RecordCreateView):
    model = Organization
    form_class = OrganizationForm


class OrganizationUpdateView(RecordUpdateView):
    model = Organization
    form_class = OrganizationForm


class OrganizationDeleteView(RecordDeleteView):
    model = Organization


class PersonListView(RecordListView):
    model = Person
    table_class = PersonTable
    filterset_class = PersonFilterSet


class PersonDetailView(RecordDetailView):
    model = Person

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["positions"] = self.object.positions.select_related("region", "organization")
        context["participations"] = self.object.participations.select_related("event")
        context["signed"] = self.object.signed_parties.select_related("agreement")
        return context


class PersonCreateView(RecordCreateView):
    model = Person
    form_class = PersonForm


class PersonUpdateView(RecordUpdateView):
    model = Person
    form_class = PersonForm


class PersonDeleteView(RecordDeleteView):
    model = Person


class PositionListView(RecordListView):
    model = Position
    table_class = PositionTable
    filterset_class = PositionFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("person", "region", "organization")


class PositionDetailView(RecordDetailView):
    model = Position


class PositionCreateView(RecordCreateView):
    model = Position
    form_class = PositionForm


class PositionUpdateView(RecordUpdateView):
    model = Position
    form_class = PositionForm


class PositionDeleteView(RecordDeleteView):
    model = Position

from ortaq.core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from ortaq.events.filtersets import EventFilterSet, ProgramFilterSet
from ortaq.events.forms import EventForm, ParticipationFormSet, ProgramForm, ReportedFigureFormSet
from ortaq.events.models import Event, Program
from ortaq.events.tables import EventTable, ProgramTable


class ProgramListView(RecordListView):
    model = Program
    table_class = ProgramTable
    filterset_class = ProgramFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("host_region")


class ProgramDetailView(RecordDetailView):
    model = Program

    def get_context_data(self, **kwargs) -> dict:
        """The program's figures and events; the agreements signed during them come from the agreements app
        (`agreements.panels.detail_context`)."""
        context = super().get_context_data(**kwargs)
        program = self.object
        context.update(
            figures=program.figures_side_by_side(),
            computed=program.computed_figures(),
            events=program.events.select_related("region").order_by("start_date"),
        )
        return context


class ProgramFormMixin:
    model = Program
    form_class = ProgramForm
    formset_classes = {"figures": ReportedFigureFormSet}


class ProgramCreateView(ProgramFormMixin, RecordCreateView):
    pass


class ProgramUpdateView(ProgramFormMixin, RecordUpdateView):
    pass


class ProgramDeleteView(RecordDeleteView):
    model = Program


class EventListView(RecordListView):
    model = Event
    table_class = EventTable
    filterset_class = EventFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("region", "program")


class EventDetailView(RecordDetailView):
    model = Event

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        event = self.object
        context.update(
            participations=event.participations.select_related("person", "organization", "region"),
            children=event.children.select_related("region", "settlement"),
            agreements=event.agreements.prefetch_related("parties__organization", "parties__region"),
        )
        return context


class EventFormMixin:
    model = Event
    form_class = EventForm
    formset_classes = {"participants": ParticipationFormSet}


class EventCreateView(EventFormMixin, RecordCreateView):
    pass


class EventUpdateView(EventFormMixin, RecordUpdateView):
    pass


class EventDeleteView(RecordDeleteView):
    model = Event

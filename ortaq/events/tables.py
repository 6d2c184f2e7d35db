import django_tables2 as tables

from ortaq.core.tables import RecordTable
from ortaq.events.models import Event, Program


class ProgramTable(RecordTable):
    name = tables.Column(linkify=True)
    host_region = tables.Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Program
        fields = ["name", "kind", "host_region", "start_date", "end_date"]


class EventTable(RecordTable):
    title = tables.Column(linkify=True)
    region = tables.Column(linkify=True)
    program = tables.Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Event
        fields = ["start_date", "title", "kind", "region", "program"]

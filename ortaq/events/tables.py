
from ortaq.core.tables import Column, RecordTable
from ortaq.events.models import Event, Program


class ProgramTable(RecordTable):
    name = Column(linkify=True)
    host_region = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Program
        fields = ["name", "kind", "host_region", "start_date", "end_date"]


class EventTable(RecordTable):
    title = Column(linkify=True)
    region = Column(linkify=True)
    program = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Event
        fields = ["start_date", "title", "kind", "region", "program"]

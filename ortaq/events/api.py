from ortaq.core.api import RecordSerializer, RecordViewSet
from ortaq.events.filtersets import EventFilterSet, ProgramFilterSet
from ortaq.events.models import Event, Program


class ProgramSerializer(RecordSerializer):
    class Meta:
        model = Program
        exclude = ["created_at", "updated_at"]


class EventSerializer(RecordSerializer):
    class Meta:
        model = Event
        exclude = ["created_at", "updated_at"]


class ProgramViewSet(RecordViewSet):
    queryset = Program.objects.select_related("host_region")
    serializer_class = ProgramSerializer
    filterset_class = ProgramFilterSet


class EventViewSet(RecordViewSet):
    queryset = Event.objects.select_related("region", "program")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet

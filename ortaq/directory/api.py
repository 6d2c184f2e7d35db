from ortaq.core.api import RecordSerializer, RecordViewSet
from ortaq.directory.filtersets import OrganizationFilterSet, PersonFilterSet, PositionFilterSet
from ortaq.directory.models import Organization, Person, Position
from ortaq.directory.validators import validate_bin


class OrganizationSerializer(RecordSerializer):
    class Meta:
        model = Organization
        exclude = ["created_at", "updated_at"]
        extra_kwargs = {"bin": {"validators": [validate_bin]}}


class PersonSerializer(RecordSerializer):
    class Meta:
        model = Person
        exclude = ["created_at", "updated_at"]


class PositionSerializer(RecordSerializer):
    class Meta:
        model = Position
        exclude = ["created_at", "updated_at"]


class OrganizationViewSet(RecordViewSet):
    queryset = Organization.objects.select_related("region")
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilterSet


class PersonViewSet(RecordViewSet):
    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet


class PositionViewSet(RecordViewSet):
    queryset = Position.objects.select_related("person", "region", "organization")
    serializer_class = PositionSerializer
    filterset_class = PositionFilterSet

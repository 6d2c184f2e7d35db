from ortaq.core.api import RecordSerializer, RecordViewSet
from ortaq.projects.filtersets import JointProjectFilterSet
from ortaq.projects.models import JointProject


class JointProjectSerializer(RecordSerializer):
    class Meta:
        model = JointProject
        exclude = ["created_at", "updated_at"]


class JointProjectViewSet(RecordViewSet):
    queryset = JointProject.objects.prefetch_related("regions", "partners", "areas", "agreements")
    serializer_class = JointProjectSerializer
    filterset_class = JointProjectFilterSet

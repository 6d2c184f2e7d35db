"""The reader's proposals through the API, read-only, each with its decision (status, record, who and when).

Decisions are taken on the review page, under the page's rules; the API only reads them.
"""

from rest_framework import serializers, viewsets

from ortaq.core.api_permissions import RulesPermission
from ortaq.reader.models import Proposal


class ProposalSerializer(serializers.ModelSerializer):
    decided_by = serializers.SlugRelatedField(allow_null=True, slug_field="username", read_only=True)
    record_type = serializers.SlugRelatedField(allow_null=True, slug_field="model", read_only=True)
    matched_type = serializers.SlugRelatedField(allow_null=True, slug_field="model", read_only=True)

    class Meta:
        model = Proposal
        fields = "__all__"
        read_only_fields = [field.name for field in Proposal._meta.concrete_fields]


class ProposalViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Proposal.objects.select_related("decided_by", "record_type", "matched_type")
    serializer_class = ProposalSerializer
    permission_classes = [RulesPermission]
    filterset_fields = ["document", "kind", "status"]

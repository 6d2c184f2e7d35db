"""Documents (press releases read by the reader) and the provenance of records, read-only through the API."""

from rest_framework import serializers, viewsets

from ortaq.core.api_permissions import RulesPermission
from ortaq.sources.models import Document, Source


class DocumentSerializer(serializers.ModelSerializer):
    """A document; its full text only on its own URL (lists stay light)."""

    url = serializers.CharField(read_only=True, help_text="the address the text came from, empty when unknown")

    class Meta:
        model = Document
        fields = "__all__"
        read_only_fields = [field.name for field in Document._meta.concrete_fields]


class DocumentListSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = None
        exclude = ["text"]


class SourceSerializer(serializers.ModelSerializer):
    record_type = serializers.CharField(source="content_type.model", read_only=True)

    class Meta:
        model = Source
        fields = "__all__"


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Document.objects.order_by("pk")
    permission_classes = [RulesPermission]
    filterset_fields = ["kind"]

    def get_serializer_class(self):
        return DocumentListSerializer if self.action == "list" else DocumentSerializer


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.select_related("content_type").order_by("pk")
    serializer_class = SourceSerializer
    permission_classes = [RulesPermission]
    filterset_fields = ["kind", "document", "content_type", "object_id"]

"""REST API base: the same rules, FilterSets, scope check and provenance as the pages."""

from __future__ import annotations

from django.db import transaction
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied

from ortaq.core.api_permissions import RulesPermission
from ortaq.core.permissions import permission_name


class StaleVersion(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Запись изменилась после того, как вы её получили: загрузите её заново."
    default_code = "stale_version"


class RecordSerializer(serializers.ModelSerializer):
    """Every record carries its `version`; send it back on update to be protected from lost edits."""

    version = serializers.IntegerField(required=False)
    url = serializers.SerializerMethodField()

    def get_url(self, record) -> str:
        return record.get_absolute_url()


class RecordViewSet(viewsets.ModelViewSet):
    """CRUD for one model; writes run in a transaction that refuses results outside the user's scope."""

    permission_classes = [RulesPermission]

    def perform_create(self, serializer) -> None:
        from ortaq.sources.models import Source, add_source

        with transaction.atomic():
            record = serializer.save()
            add_source(record, Source.Kind.MANUAL, entered_by=self.request.user, note="API")
            self._check_scope(record)

    def perform_update(self, serializer) -> None:
        sent = serializer.validated_data.pop("version", None)
        if sent is not None and sent != serializer.instance.version:
            raise StaleVersion
        with transaction.atomic():
            self._check_scope(serializer.save())

    def _check_scope(self, record) -> None:
        if not self.request.user.has_perm(permission_name(type(record), "change"), record):
            raise PermissionDenied("Запись должна касаться ваших регионов или организаций.")

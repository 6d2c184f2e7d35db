"""REST API base: the same rules, FilterSets, scope check and provenance as the pages."""

from __future__ import annotations

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from ortaq.core.api_permissions import RulesPermission
from ortaq.core.models import StaleRecord
from ortaq.core.permissions import WriteCheck
from ortaq.core.signals import record_entered


class StaleVersion(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Запись изменилась после того, как вы её получили: загрузите её заново."
    default_code = "stale_version"


class PreconditionFailed(StaleVersion):
    """A stale `If-Match`: HTTP's own answer to a conditional write that lost."""

    status_code = status.HTTP_412_PRECONDITION_FAILED


def etag_of(record) -> str:
    """The strong entity tag of a record's version: `"<version>"`."""
    return f'"{record.version}"'


def version_from_if_match(header: str | None) -> int | None:
    """The version an `If-Match: "<version>"` header names (None without one; 412 when unreadable)."""
    if not header or header.strip() == "*":
        return None
    tag = header.split(",")[0].strip().removeprefix("W/").strip('"')
    if not tag.isdigit():
        raise PreconditionFailed(_("Заголовок If-Match должен содержать версию записи, например \"3\"."))
    return int(tag)


class RecordSerializer(serializers.ModelSerializer):
    """Every record carries its `version`; send it back on update (or `If-Match`) to be protected from lost
    edits. The fields the server owns (`server_fields` of the model: ids, version, timestamps, counters) are
    read-only whatever a client sends; a `version` sent is compared, never stored."""

    version = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1,
                                       help_text=_("версия, на которой получена запись; на запись только "
                                                   "сравнивается"))
    url = serializers.SerializerMethodField()

    def get_url(self, record) -> str:
        return record.get_absolute_url()

    def get_fields(self) -> dict:
        fields = super().get_fields()
        for name in getattr(self.Meta.model, "server_fields", ()):
            if name in fields and name != "version":
                fields[name].read_only = True
        return fields


class RecordViewSet(viewsets.ModelViewSet):
    """CRUD for one model; writes run in one transaction checked by the one write rule (WriteCheck) and,
    on update, against the version the client loaded (`version` field or `If-Match`)."""

    permission_classes = [RulesPermission]

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag_of(self.get_object())
        return response

    def perform_create(self, serializer) -> None:
        serializer.validated_data.pop("version", None)
        check = WriteCheck(self.request.user)
        self._refuse(check.refusal_before(self._candidate(serializer)))
        with transaction.atomic():
            record = serializer.save()
            record_entered.send(sender=type(record), record=record, user=self.request.user, note="API")
            self._refuse(check.refusal_after(record))

    def perform_update(self, serializer) -> None:
        sent = serializer.validated_data.pop("version", None)
        expected = version_from_if_match(self.request.headers.get("If-Match"))
        stale_error = PreconditionFailed if expected is not None else StaleVersion
        expected = expected if expected is not None else sent
        check = WriteCheck(self.request.user, stored=serializer.instance)
        self._refuse(check.refusal_before(self._candidate(serializer)))
        try:
            with transaction.atomic():
                serializer.instance.expected_version = expected
                record = serializer.save()
                self._refuse(check.refusal_after(record))
        except StaleRecord as error:
            raise stale_error from error
        self.response_etag = etag_of(record)

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        if getattr(self, "response_etag", None):
            response["ETag"] = self.response_etag
        return response

    def perform_destroy(self, record) -> None:
        expected = version_from_if_match(self.request.headers.get("If-Match"))
        with transaction.atomic():
            if expected is not None:
                current = type(record)._default_manager.select_for_update().filter(pk=record.pk).values_list(
                    "version", flat=True).first()
                if current != expected:
                    raise PreconditionFailed
            record.delete()

    @staticmethod
    def _candidate(serializer):
        """The record as it would be written (unsaved): the stored one, or a new one, with the sent foreign
        keys set, so its parents can be judged before anything is written."""
        model = serializer.Meta.model
        record = copy.copy(serializer.instance) if serializer.instance is not None else model()
        for name in getattr(model, "scope_parents", ()):
            if name in serializer.validated_data:
                setattr(record, name, serializer.validated_data[name])
        return record

    @staticmethod
    def _refuse(refusal: str | None) -> None:
        if refusal:
            raise PermissionDenied(refusal)


def referrers_text(error: ProtectedError | RestrictedError, limit: int = 5) -> str:
    """«Соглашение «…», Обязательство «…» и ещё 3» — the records that keep another from being deleted."""
    records = list(error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects)
    names = [f"{record._meta.verbose_name.capitalize()} «{record}»" for record in records[:limit]]
    if len(records) > limit:
        names.append(_("и ещё %(count)s") % {"count": len(records) - limit})
    return ", ".join(names)


def exception_handler(error, context):
    """DRF's handler, and database refusals as 4xx: a protected delete → 409 naming the referrers, an
    integrity error → 409, a value the database cannot hold → 400; never a 500 for a client's input."""
    if isinstance(error, (ProtectedError, RestrictedError, IntegrityError, DataError, DjangoValidationError,
                          ValueError, OverflowError)):
        set_rollback()
    if isinstance(error, (ProtectedError, RestrictedError)):
        message = _("Запись нельзя удалить: на неё ссылаются %(records)s.") % {"records": referrers_text(error)}
        return Response({"detail": message}, status=status.HTTP_409_CONFLICT)
    if isinstance(error, IntegrityError):
        return Response({"detail": _("База данных отклонила запись: она противоречит другим записям "
                                     "(повтор или ссылка).")}, status=status.HTTP_409_CONFLICT)
    if isinstance(error, (DataError, DjangoValidationError, ValueError, OverflowError)):
        return Response({"detail": _("Значение не подходит: %(error)s") % {"error": error}},
                        status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(error, context)


class _IsolatedFilterBackend:
    """A filter backend whose FilterSet classes are throwaway copies: building the schema touches each
    filter's form field (cached on the filter, label and all, in whatever state the schema left it), which on
    the shared classes turned every list's filter labels English for good."""

    def __init__(self, backend) -> None:
        self.backend = backend

    def get_filterset_class(self, view, queryset=None):
        filterset_class = self.backend.get_filterset_class(view, queryset)
        if filterset_class is None:
            return None
        isolated = type(filterset_class.__name__, (filterset_class,), {"__module__": filterset_class.__module__})
        isolated.base_filters = copy.deepcopy(filterset_class.base_filters)
        return isolated

    def __getattr__(self, name: str):
        return getattr(self.backend, name)


class IsolatedDjangoFilterExtension(DjangoFilterExtension):
    """drf-spectacular's django-filter extension, run on copies of the FilterSets (see above)."""

    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        self.target = _IsolatedFilterBackend(self.target)
        return super().get_schema_operation_parameters(auto_schema, *args, **kwargs)

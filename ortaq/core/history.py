"""History of records (django-simple-history): rows to show, changes since a version, restore."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from ortaq.core.tables import display

IGNORED_FIELDS = {"version", "updated_at", "created_at"}


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class HistoryRow:
    record: object
    changes: list[Change]


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def _diff(newer, older) -> list[Change]:
    if older is None:
        return []
    delta = newer.diff_against(older)
    model = newer.instance_type
    return [
        Change(_field_label(model, change.field), _readable(model, change.field, change.old),
               _readable(model, change.field, change.new))
        for change in delta.changes
        if change.field not in IGNORED_FIELDS
    ]


def _readable(model, name: str, value):
    """Values as pages show them; names instead of the through-table rows simple-history keeps for many-to-many
    fields."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        return value
    if not field.is_relation:
        return display(value, name)  # dates dd.mm.yyyy, numbers 1 500,5, as everywhere else
    if not field.many_to_many or not isinstance(value, list):
        return value
    related = field.related_model
    key = related._meta.model_name
    ids = [row.get(key) for row in value if isinstance(row, dict)]
    records = related._default_manager.in_bulk([pk for pk in ids if pk is not None])
    return ", ".join(str(records.get(pk, pk)) for pk in ids)


def history_rows(record, limit: int | None = None) -> list[HistoryRow]:
    """The record's versions, newest first, each with what changed from the one before."""
    records = list(record.history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for index, version in enumerate(records[:limit] if limit else records):
        older = records[index + 1] if index + 1 < len(records) else None
        rows.append(HistoryRow(version, _diff(version, older)))
    return rows


def changes_since(record, loaded_version: int) -> list[HistoryRow]:
    """What others changed after the version a form was loaded at (newest first)."""
    base = record.history.filter(version=loaded_version).order_by("-history_date").first()
    later = list(record.history.filter(version__gt=loaded_version).select_related("history_user")
                 .order_by("history_date", "history_id"))
    rows = []
    previous = base
    for version in later:
        rows.append(HistoryRow(version, _diff(version, previous)))
        previous = version
    return list(reversed(rows))


RESTORE_REASON = "restore "  # + the restored version's ISO date: the history names it «восстановление версии от …»


def restore_preview(record, history_id: int) -> tuple[object, list[Change]]:
    """(the historical version, what restoring it would change in the record as it is now)."""
    historical = record.history.get(history_id=history_id)
    current = record.history.order_by("-history_date", "-history_id").first()
    return historical, _diff(historical, current) if current is not None else []


def restore_version(record, history_id: int):
    """Save an earlier version of a record as its newest version, the history saying which one."""
    historical = record.history.get(history_id=history_id)
    restored = historical.instance
    restored.version = record.version
    restored._change_reason = RESTORE_REASON + historical.history_date.isoformat()
    with transaction.atomic():
        restored.save()
    return restored


def restored_from(historical) -> datetime.datetime | None:
    """The date of the version this one restored, or None when it is an ordinary change."""
    reason = getattr(historical, "history_change_reason", None) or ""
    if not reason.startswith(RESTORE_REASON):
        return None
    try:
        return datetime.datetime.fromisoformat(reason[len(RESTORE_REASON):])
    except ValueError:
        return None

"""Whole-registry tallies kept by difference: a write moves its record from one bucket to another.

Each agreement, event, joint project and commitment counts once in one bucket of each whole-registry
measure (`rollups._global_queries`): agreements by kind and year, by status, by area and year; events by
kind and year; projects by status; commitments by due month and status. The handlers in `handlers.py` take the
record's buckets before a write and after it and add the difference, so an edit costs a few indexed updates
instead of recounting half a million rows. Anything they cannot follow (an area's side of the relation, a
bucket that would go below zero) marks the whole registry stale and the next refresh recounts it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import F

from ortaq.analytics.models import Tally

MODELS = {"agreements.Agreement", "events.Event", "projects.JointProject", "agreements.Commitment"}
Bucket = tuple[str, str, int]  # (measure, key, period)


def follows(instance) -> bool:
    return instance._meta.label in MODELS


def _day(instance, name: str):
    """A date attribute as a date (a record saved with "2024-05-01" still holds the string)."""
    return instance._meta.get_field(name).to_python(getattr(instance, name))


def _year(day) -> int:
    return day.year if day else 0


def agreement_year(agreement) -> int:
    """The year an agreement's buckets carry (0 when undated)."""
    return _year(_day(agreement, "signed_on"))


def buckets(instance) -> list[Bucket]:
    """The buckets the record counts in now (an agreement's areas as stored)."""
    label = instance._meta.label
    if label == "agreements.Agreement":
        year = agreement_year(instance)
        result = [("agreement_kind", instance.kind, year), ("agreement_status", instance.status, 0)]
        if instance.pk is not None:
            result += area_buckets(year, instance.areas.values_list("pk", flat=True))
        return result
    if label == "events.Event":
        return [("event_kind", instance.kind, _year(_day(instance, "start_date")))]
    if label == "projects.JointProject":
        return [("project_status", instance.status, 0)]
    if label == "agreements.Commitment":
        due = _day(instance, "due_date")
        return [("commitments", instance.status, due.year * 100 + due.month if due else 0)]
    return []


def area_buckets(year: int, area_ids: Iterable[int]) -> list[Bucket]:
    return [("agreement_area", str(pk), year) for pk in area_ids]


def move(before: Iterable[Bucket], after: Iterable[Bucket]) -> bool:
    """Take one from each bucket before and add one to each after; False when the tallies cannot follow."""
    change = Counter(after)
    change.subtract(Counter(before))
    for (measure, key, period), delta in sorted(change.items()):
        if delta and not _add(measure, key, period, delta):
            return False
    return True


def _add(measure: str, key: str, period: int, delta: int) -> bool:
    rows = Tally.objects.filter(region=None, measure=measure, key=key, period=period)
    if delta < 0:
        return rows.filter(value__gte=-delta).update(value=F("value") + delta) > 0
    if rows.update(value=F("value") + delta):
        return True
    Tally.objects.create(region=None, measure=measure, key=key, period=period, value=delta)
    return True

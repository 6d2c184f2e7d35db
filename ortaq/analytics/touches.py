"""Which records touch which region, kept as rows of `Touch`: the index behind region and pair lists.

The rule is `membership`'s (an agreement through its parties, an event through its place, host and
participants, a project through its regions and partners). Writes refresh the touches of the records they
change in the same transaction (handlers.py), so the lists are exact at every commit; `rebuild()` recomputes
them all after bulk loads. Reading "the latest 50 agreements of a region" is then one index range.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection
from django.db.models import F, QuerySet

from ortaq.analytics import membership
from ortaq.analytics.models import Touch
from ortaq.regions import touching

UNDATED = datetime.date(1, 1, 1)
Kind = Touch.Kind
BATCH = 500


def _undated() -> str:
    literal = f"'{UNDATED.isoformat()}'"
    return f"DATE {literal}" if connection.vendor == "postgresql" else literal


def year_sql(column: str = "t.day") -> str:
    """The year of a touch's day as an integer, 0 for undated records."""
    return f"CASE WHEN {column} = {_undated()} THEN 0 ELSE {membership.year_sql(column)} END"


def _year_start(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"make_date({column}, 1, 1)"
    return f"printf('%%04d-01-01', {column})"


def _members(kind: int) -> str:
    """(record_id, region_id, day) of every record of a kind and region it touches."""
    if kind == Kind.AGREEMENT:
        regions, record, day = membership.party_regions(), "agreements.Agreement", "r.signed_on"
    elif kind == Kind.EVENT:
        regions, record, day = membership.event_regions(), "events.Event", "r.start_date"
    else:
        regions, record = membership.project_regions(), "projects.JointProject"
        day = f"CASE WHEN COALESCE(r.start_year, r.end_year) IS NULL THEN NULL ELSE " \
              f"{_year_start('COALESCE(r.start_year, r.end_year)')} END"
    return (f"SELECT DISTINCT m.region_id, {int(kind)} AS kind, m.record_id, COALESCE({day}, {_undated()}) AS day "
            f"FROM ({regions}) m JOIN {membership.table(record)} r ON r.id = m.record_id "
            f"WHERE m.region_id IS NOT NULL")


def _insert(kind: int, where: str = "", params: Iterable = ()) -> None:
    columns = "region_id, kind, record_id, day"
    sql = f"INSERT INTO {membership.table('analytics.Touch')} ({columns}) SELECT {columns} FROM ({_members(kind)}) t"
    with connection.cursor() as cursor:
        cursor.execute(sql + where, list(params))


def rebuild() -> None:
    """Recompute every touch from the registry (after bulk loads; `ortaq refresh-analytics`)."""
    Touch.objects.all().delete()
    for kind in Kind.values:
        _insert(kind)


def refresh(kind: int, record_ids: Iterable[int]) -> None:
    """Recompute the touches of these records (deleted records lose theirs)."""
    ids = sorted({int(pk) for pk in record_ids if pk is not None})
    for start in range(0, len(ids), BATCH):
        part = ids[start:start + BATCH]
        Touch.objects.filter(kind=kind, record_id__in=part).delete()
        _insert(kind, f" WHERE t.record_id IN ({', '.join(['%s'] * len(part))})", part)


def of_region(region, kind: int) -> QuerySet:
    """Ids of the records of a kind touching the region (a subquery for `pk__in`)."""
    return Touch.objects.filter(region=region, kind=kind).values("record_id")


def shared(region_a, region_b, kind: int) -> QuerySet:
    """Touches of region A by records of a kind that also touch region B."""
    return Touch.objects.filter(region=region_a, kind=kind, record_id__in=of_region(region_b, kind))


def latest(touches: QuerySet, queryset: QuerySet, limit: int) -> list:
    """The `limit` most recent records of `queryset` among the touches, newest first (two index ranges)."""
    ids = list(touches.order_by(F("day").desc(), F("record_id").desc()).values_list("record_id", flat=True)[:limit])
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


KIND_OF = {touching.AGREEMENT: Kind.AGREEMENT, touching.EVENT: Kind.EVENT, touching.PROJECT: Kind.PROJECT}


class RegionIndex:
    """This index answering `ortaq.regions.touching` for the domain apps (plugged in by AnalyticsConfig.ready)."""

    def record_ids(self, region, kind: str) -> QuerySet:
        return of_region(region, KIND_OF[kind])

    def latest(self, region, kind: str, queryset: QuerySet, limit: int) -> list:
        return latest(Touch.objects.filter(region=region, kind=KIND_OF[kind]), queryset, limit)

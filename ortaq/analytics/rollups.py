"""Rebuilding the rollups: all at once (`ortaq refresh-analytics`, after bulk loads) or the stale regions only.

Writes mark the regions they touch stale (handlers.py, called by the dispatcher in ortaq.core.writes); the
next reader, or the writing request when its
transaction commits, recomputes just those regions' tallies and pairs and the whole-registry tallies.
Every figure is computed by the database with GROUP BY queries; Python only moves the grouped rows.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone

from ortaq.agreements.models import RegionBacklog
from ortaq.analytics import membership, supply, touches, tracker
from ortaq.analytics.models import PairYear, StaleRegion, Tally
from ortaq.core import derived
from ortaq.regions.models import Region

GLOBAL = 0
BATCH = 5000


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def mark_stale(region_ids, whole_registry: bool = True) -> None:
    """Remember that these regions' rollups (and, unless told otherwise, the whole-registry ones) need
    recomputing."""
    ids = {int(pk) for pk in region_ids if pk} | ({GLOBAL} if whole_registry else set())
    if not ids:
        return
    StaleRegion.objects.bulk_create([StaleRegion(region_id=pk) for pk in ids], ignore_conflicts=True)


def ensure_fresh(max_lag: int | None = None) -> None:
    """Recompute whatever writes have made stale (one query when nothing is); with `max_lag`, only when a
    mark has waited longer than that many seconds (a worker refreshes sooner; this is the fallback)."""
    marks = dict(StaleRegion.objects.values_list("region_id", "marked_at"))
    if not marks:
        return
    if max_lag is not None and min(marks.values()) > timezone.now() - datetime.timedelta(seconds=max_lag):
        return
    stale = list(marks)
    with transaction.atomic():
        StaleRegion.objects.filter(region_id__in=stale).delete()
        if GLOBAL in stale:
            _refresh_global()
        for region_id in stale:
            if region_id != GLOBAL:
                _refresh_region(region_id)


def ensure_fresh_for_reader() -> None:
    """What a page does before reading rollups: nothing while a worker will refresh them soon; the refresh
    itself when jobs run inside requests, or when the marks are older than ORTAQ_ROLLUP_MAX_LAG_SECONDS."""
    background = settings.ORTAQ_TASKS != "immediate"
    ensure_fresh(settings.ORTAQ_ROLLUP_MAX_LAG_SECONDS if background else None)


def pending_since(region_id: int | None = None) -> datetime.datetime | None:
    """When the oldest write not yet counted in this region's rollups (or the whole registry's) happened."""
    marks = StaleRegion.objects.filter(region_id__in=[region_id or GLOBAL, GLOBAL] if region_id else [GLOBAL])
    return marks.aggregate(oldest=models.Min("marked_at"))["oldest"]


def refresh_all() -> None:
    """Rebuild every rollup from the registry (touches, tallies, pairs, the tracker's backlogs), then let the
    database re-read its statistics: after a bulk load its plans are otherwise made for empty tables."""
    with transaction.atomic():
        tracker.rebuild()
        RegionBacklog.objects.all().delete()  # each region is recounted by its next reader
        StaleRegion.objects.all().delete()
        touches.rebuild()
        rebuild_global()
        rebuild_regions()
        derived.rebuilt("touches", "rollups", "tallies", "backlogs")
    _update_statistics()


def refresh_regions(region_ids) -> None:
    """The "region" scope: these regions' tallies and pairs recomputed now (their pending marks met)."""
    ids = {int(pk) for pk in region_ids if pk}
    with transaction.atomic():
        StaleRegion.objects.filter(region_id__in=ids).delete()
        for region_id in ids:
            _refresh_region(region_id)


def rebuild_global() -> None:
    """The whole-registry tallies, from scratch (a pending mark of the whole registry is then met)."""
    StaleRegion.objects.filter(region_id=GLOBAL).delete()
    _refresh_global()


def rebuild_regions() -> None:
    """Every region's tallies and every pair of regions, from scratch (from the touches as they are); the
    regions' pending marks are then met."""
    StaleRegion.objects.exclude(region_id=GLOBAL).delete()
    Tally.objects.exclude(region=None).delete()
    PairYear.objects.all().delete()
    _insert_tallies(_region_tallies(None))
    _insert_pairs(_pair_rows(None), supply.flows_by_pair_year(None))
    known = set(Region.objects.values_list("pk", flat=True))
    Tally.objects.exclude(region=None).exclude(region_id__in=known).delete()


def _update_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _refresh_region(region_id: int) -> None:
    Tally.objects.filter(region_id=region_id).delete()
    PairYear.objects.filter(Q(region_a_id=region_id) | Q(region_b_id=region_id)).delete()
    if not Region.objects.filter(pk=region_id).exists():
        return
    _insert_tallies(_region_tallies(region_id))
    _insert_pairs(_pair_rows(region_id), supply.flows_by_pair_year(region_id))


MEASURE_OF_KIND = {touches.Kind.AGREEMENT: "agreements", touches.Kind.EVENT: "events",
                   touches.Kind.PROJECT: "projects"}


def _region_tallies(region_id: int | None) -> list[Tally]:
    """Per-region counts of records by period, agreements by status and commitments by month and status.

    Counted from the touches (one index range per region), so refreshing a region costs what it holds."""
    touch = membership.table("analytics.Touch")
    where, params = (" AND t.region_id = %s", [region_id]) if region_id else ("", [])
    rows = _rows(f"SELECT t.region_id, t.kind, {touches.year_sql()} AS period, COUNT(*) FROM {touch} t "
                 f"WHERE 1 = 1{where} GROUP BY t.region_id, t.kind, period", params)
    tallies = [Tally(region_id=r, measure=MEASURE_OF_KIND[k], period=p, value=n) for r, k, p, n in rows]
    rows = _rows(f"SELECT t.region_id, a.status, COUNT(*) FROM {touch} t JOIN "
                 f"{membership.table('agreements.Agreement')} a ON a.id = t.record_id "
                 f"WHERE t.kind = {int(touches.Kind.AGREEMENT)}{where} GROUP BY t.region_id, a.status", params)
    tallies += [Tally(region_id=r, measure="agreement_status", key=s, period=0, value=n) for r, s, n in rows]
    rows = _rows(
        f"SELECT m.region_id, m.period, m.status, COUNT(*) FROM ({membership.commitment_regions(bool(region_id))}) m "
        f"GROUP BY m.region_id, m.period, m.status", params * 2)
    tallies += [Tally(region_id=r, measure="commitments", key=s, period=p, value=n) for r, p, s, n in rows]
    return tallies


def _global_queries() -> dict[str, str]:
    """(period, key, count) rows of each whole-registry measure, in the database's own date functions."""
    table, year = membership.table, membership.year_sql
    agreements, events = table("agreements.Agreement"), table("events.Event")
    areas = membership.m2m_table("agreements.Agreement", "areas")
    commitments = table("agreements.Commitment")
    return {
        "agreement_kind": f"SELECT {year('a.signed_on')} AS period, a.kind, COUNT(*) FROM {agreements} a "
                          f"GROUP BY period, a.kind",
        "agreement_status": f"SELECT 0, a.status, COUNT(*) FROM {agreements} a GROUP BY a.status",
        "agreement_area": f"SELECT {year('a.signed_on')} AS period, x.area_id, COUNT(*) FROM {areas} x "
                          f"JOIN {agreements} a ON a.id = x.agreement_id GROUP BY period, x.area_id",
        "event_kind": f"SELECT {year('e.start_date')} AS period, e.kind, COUNT(*) FROM {events} e "
                      f"GROUP BY period, e.kind",
        "project_status": f"SELECT 0, j.status, COUNT(*) FROM {table('projects.JointProject')} j GROUP BY j.status",
        "commitments": f"SELECT {membership.month_sql('c.due_date')} AS period, c.status, COUNT(*) "
                       f"FROM {commitments} c GROUP BY period, c.status",
    }


def _refresh_global() -> None:
    """Whole-registry tallies: agreements by year and kind, status, area; events by year and kind; commitments."""
    Tally.objects.filter(region=None).delete()
    tallies = []
    for measure, sql in _global_queries().items():
        tallies += [Tally(measure=measure, key=str(key), period=period, value=count)
                    for period, key, count in _rows(sql, [])]
    _insert_tallies(tallies)


def _pair_rows(region_id: int | None) -> dict[tuple[int, int, int], dict]:
    """{(region_a, region_b, year): {"agreements": n, ...}} for all pairs, or for pairs touching one region."""
    touch = membership.table("analytics.Touch")
    where, params = ("t1.region_id = %s", [region_id]) if region_id else ("t1.region_id < t2.region_id", [])
    rows = _rows(
        f"SELECT t1.region_id, t2.region_id, t1.kind, {touches.year_sql('t1.day')} AS period, COUNT(*) "
        f"FROM {touch} t1 JOIN {touch} t2 ON t2.kind = t1.kind AND t2.record_id = t1.record_id "
        f"AND t2.region_id <> t1.region_id WHERE {where} GROUP BY t1.region_id, t2.region_id, t1.kind, period",
        params)
    pairs: dict[tuple[int, int, int], dict] = defaultdict(dict)
    for first, second, kind, period, count in rows:
        pairs[(min(first, second), max(first, second), period)][MEASURE_OF_KIND[kind]] = count
    return pairs


def _insert_pairs(pairs: dict, flows: dict) -> None:
    for key in flows:
        pairs.setdefault(key, {})
    records = []
    for (first, second, year), counts in pairs.items():
        tenge, tonnes = flows.get((first, second, year), (Decimal(0), Decimal(0)))
        records.append(PairYear(region_a_id=first, region_b_id=second, year=year, supply_tenge=tenge,
                                supply_tonnes=tonnes, **counts))
    PairYear.objects.bulk_create(records, batch_size=BATCH)


def _insert_tallies(tallies: list[Tally]) -> None:
    Tally.objects.bulk_create(tallies, batch_size=BATCH)

"""Rebuilding the rollups: all at once (`ortaq refresh-analytics`, after bulk loads) or the stale regions only.

Writes mark the regions they touch stale (signals.py); the next reader, or the writing request when its
transaction commits, recomputes just those regions' tallies and pairs and the whole-registry tallies.
Every figure is computed by the database with GROUP BY queries; Python only moves the grouped rows.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, ExtractYear

from ortaq.analytics import membership, supply, touches
from ortaq.analytics.models import PairYear, StaleRegion, Tally

GLOBAL = 0
BATCH = 5000


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def mark_stale(region_ids) -> None:
    """Remember that these regions' rollups (and the whole-registry ones) need recomputing."""
    ids = {int(pk) for pk in region_ids if pk} | {GLOBAL}
    StaleRegion.objects.bulk_create([StaleRegion(region_id=pk) for pk in ids], ignore_conflicts=True)


def ensure_fresh() -> None:
    """Recompute whatever writes have made stale (one query when nothing is)."""
    stale = list(StaleRegion.objects.values_list("region_id", flat=True))
    if not stale:
        return
    with transaction.atomic():
        StaleRegion.objects.filter(region_id__in=stale).delete()
        if GLOBAL in stale:
            _refresh_global()
        for region_id in stale:
            if region_id != GLOBAL:
                _refresh_region(region_id)


def refresh_all() -> None:
    """Rebuild every rollup from the registry."""
    from ortaq.regions.models import Region

    with transaction.atomic():
        StaleRegion.objects.all().delete()
        Tally.objects.all().delete()
        PairYear.objects.all().delete()
        touches.rebuild()
        _refresh_global()
        _insert_tallies(_region_tallies(None))
        _insert_pairs(_pair_rows(None), supply.flows_by_pair_year(None))
        known = set(Region.objects.values_list("pk", flat=True))
        Tally.objects.exclude(region=None).exclude(region_id__in=known).delete()


def _refresh_region(region_id: int) -> None:
    from ortaq.regions.models import Region

    Tally.objects.filter(region_id=region_id).delete()
    PairYear.objects.filter(Q(region_a_id=region_id) | Q(region_b_id=region_id)).delete()
    if not Region.objects.filter(pk=region_id).exists():
        return
    _insert_tallies(_region_tallies(region_id))
    _insert_pairs(_pair_rows(region_id), supply.flows_by_pair_year(region_id))


def _region_tallies(region_id: int | None) -> list[Tally]:
    """Per-region counts of records by period, agreements by status and commitments by month and status."""
    where, params = ("WHERE m.region_id = %s", [region_id]) if region_id else ("", [])
    tallies = []
    for measure, members in membership.MEMBERS.items():
        sql = members(touching=bool(region_id))
        rows = _rows(f"SELECT m.region_id, m.period, COUNT(*) FROM ({sql}) m {where} GROUP BY m.region_id, m.period",
                     [*([region_id] if region_id else []), *params])
        tallies += [Tally(region_id=r, measure=measure, period=p, value=n) for r, p, n in rows]
    rows = _rows(
        f"SELECT m.region_id, a.status, COUNT(*) FROM ({membership.agreement_members(bool(region_id))}) m "
        f"JOIN {membership.table('agreements.Agreement')} a ON a.id = m.record_id {where} "
        f"GROUP BY m.region_id, a.status", [*([region_id] if region_id else []), *params])
    tallies += [Tally(region_id=r, measure="agreement_status", key=s, period=0, value=n) for r, s, n in rows]
    rows = _rows(
        f"SELECT m.region_id, m.period, m.status, COUNT(*) FROM ({membership.commitment_members(bool(region_id))}) m "
        f"GROUP BY m.region_id, m.period, m.status", [region_id, region_id] if region_id else [])
    tallies += [Tally(region_id=r, measure="commitments", key=s, period=p, value=n) for r, p, s, n in rows]
    return tallies


def _refresh_global() -> None:
    """Whole-registry tallies: agreements by year and kind, status, area; events by year and kind; commitments."""
    from ortaq.agreements.models import Agreement
    from ortaq.events.models import Event
    from ortaq.projects.models import JointProject

    Tally.objects.filter(region=None).delete()
    year = Coalesce(ExtractYear("signed_on"), 0)
    tallies = [Tally(measure="agreement_kind", key=row["kind"], period=row["y"], value=row["n"])
               for row in Agreement.objects.order_by().annotate(y=year).values("y", "kind").annotate(n=Count("pk"))]
    tallies += [Tally(measure="agreement_status", key=row["status"], period=0, value=row["n"])
                for row in Agreement.objects.order_by().values("status").annotate(n=Count("pk"))]
    area_rows = (Agreement.areas.through.objects.order_by()
                 .annotate(y=Coalesce(ExtractYear("agreement__signed_on"), 0))
                 .values("y", "area_id").annotate(n=Count("pk")))
    tallies += [Tally(measure="agreement_area", key=str(row["area_id"]), period=row["y"], value=row["n"])
                for row in area_rows]
    tallies += [Tally(measure="event_kind", key=row["kind"], period=row["y"], value=row["n"])
                for row in Event.objects.order_by().annotate(y=Coalesce(ExtractYear("start_date"), 0))
                .values("y", "kind").annotate(n=Count("pk"))]
    tallies += [Tally(measure="project_status", key=row["status"], period=0, value=row["n"])
                for row in JointProject.objects.order_by().values("status").annotate(n=Count("pk"))]
    month = membership.month_sql(membership.table("agreements.Commitment") + ".due_date")
    rows = _rows(f"SELECT {month} AS period, status, COUNT(*) FROM {membership.table('agreements.Commitment')} "
                 f"GROUP BY period, status", [])
    tallies += [Tally(measure="commitments", key=s, period=p, value=n) for p, s, n in rows]
    _insert_tallies(tallies)


def _pair_rows(region_id: int | None) -> dict[tuple[int, int, int], dict]:
    """{(region_a, region_b, year): {"agreements": n, ...}} for all pairs, or for pairs touching one region."""
    pairs: dict[tuple[int, int, int], dict] = defaultdict(dict)
    for measure, members in membership.MEMBERS.items():
        sql = members(touching=bool(region_id))
        where = "WHERE m1.region_id = %s" if region_id else "WHERE m1.region_id < m2.region_id"
        params = [region_id, region_id] if region_id else []
        rows = _rows(
            f"WITH m AS ({sql}) SELECT m1.region_id, m2.region_id, m1.period, COUNT(DISTINCT m1.record_id) "
            f"FROM m m1 JOIN m m2 ON m2.record_id = m1.record_id AND m2.region_id <> m1.region_id {where} "
            f"GROUP BY m1.region_id, m2.region_id, m1.period", params)
        for first, second, period, count in rows:
            pairs[(min(first, second), max(first, second), period)][measure] = count
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

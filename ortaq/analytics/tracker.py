"""The commitments tracker's figures: overdue and due soon by owner organization and by the owner's region.

An open commitment is "open" or "in_progress"; it is overdue when its due date has passed and due soon when
it falls in the next DUE_SOON_DAYS days. What needs attention is never counted over all overdue commitments:
`OwnerBacklog` holds, per owner, the open commitments due before the first day of this month, `RegionBacklog`
the same per region touched (its organizations own them, or its agreements hold them). Both are kept exact by
the write handlers below (`backlogs_on_write`, called by the dispatcher in ortaq.core.writes); a new month,
rows written in bulk, and (for a region) a party or organization write that moves overdue commitments between
regions make the next reader recount. Only the short window [month start, today + 30 days] is counted live, from an index. Views
narrowed otherwise (a text, an owner, a status, …) count their rows live. Each view's figures are one SQL
statement: the grouped owner rows, the region rows made from them, and the total.
Raw SQL that bypasses the dispatcher is not seen: announce it with `ortaq.core.writes.bulk_written()`.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import EmptyResultSet
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ortaq.agreements.models import DUE_SOON_DAYS, Commitment, OwnerBacklog, Party, RegionBacklog
from ortaq.core.writes import AFTER, BEFORE, DELETE, SAVE, Write
from ortaq.directory.models import Organization
from ortaq.regions.models import Region
from ortaq.regions.touching import touching_agreements

OPEN_STATUSES = ("open", "in_progress")

# Literal, not bound: SQLite uses the partial indexes (WHERE status IN (…)) only for a literal condition.
OPEN_SQL = "status IN ('open', 'in_progress')"
STAMP = -1
NO_OWNER = 0
OWNER_ROWS = 15
REGION_ROWS = 20


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _execute(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def is_counted(status: str | None, due_date: datetime.date | None, due_before: datetime.date) -> bool:
    """Whether a commitment in this state belongs to the backlog counted up to `due_before`."""
    return status in OPEN_STATUSES and due_date is not None and due_date < due_before


# --- the backlog -------------------------------------------------------------------------------------------

def rebuild(today: datetime.date | None = None) -> None:
    """Count every owner's open commitments due before this month, from the partial index by owner."""
    due_before = month_start(today or timezone.localdate())
    backlog, commitments = _table(OwnerBacklog), _table(Commitment)
    try:
        with transaction.atomic():
            OwnerBacklog.objects.all().delete()
            _execute(f"INSERT INTO {backlog} (owner_key, due_before, open_count, last_commitment_id) "
                     f"SELECT COALESCE(owner_id, {NO_OWNER}), %s, COUNT(*), 0 FROM {commitments} "
                     f"WHERE {OPEN_SQL} AND due_date < %s GROUP BY COALESCE(owner_id, {NO_OWNER})",
                     [due_before, due_before])
            _execute(f"INSERT INTO {backlog} (owner_key, due_before, open_count, last_commitment_id) "
                     f"SELECT %s, %s, 0, COALESCE(MAX(id), 0) FROM {commitments}", [STAMP, due_before])
    except IntegrityError:  # another process rebuilt it at the same moment
        pass


def ensure_backlog(today: datetime.date) -> None:
    """Rebuild the backlog when it counts up to another month or misses commitments (one query when fresh)."""
    stamp = _rows(f"SELECT b.due_before, b.last_commitment_id, (SELECT MAX(c.id) FROM {_table(Commitment)} c) "
                  f"FROM {_table(OwnerBacklog)} b WHERE b.owner_key = %s", [STAMP])
    if not stamp:
        rebuild(today)
        return
    due_before, last_id, max_id = stamp[0]
    if isinstance(due_before, str):  # SQLite through a raw cursor
        due_before = datetime.date.fromisoformat(due_before)
    if due_before != month_start(today) or (max_id or 0) > last_id:
        rebuild(today)


def _add(owner_id: int | None, delta: int, due_before: datetime.date) -> None:
    """Add `delta` to an owner's backlog, if the backlog counts up to `due_before` (else it will be rebuilt)."""
    backlog = _table(OwnerBacklog)
    _execute(f"INSERT INTO {backlog} (owner_key, due_before, open_count, last_commitment_id) "
             f"SELECT %s, %s, %s, 0 FROM {backlog} s WHERE s.owner_key = %s AND s.due_before = %s "
             f"ON CONFLICT (owner_key) DO UPDATE SET open_count = {backlog}.open_count + excluded.open_count",
             [owner_id or NO_OWNER, due_before, delta, STAMP, due_before])


def _note_created(pk: int) -> None:
    """Move the stamp to a commitment created through the ORM; drop it when others were created in bulk."""
    commitments = _table(Commitment)
    missed = _rows(f"SELECT COALESCE(MAX(id), 0) FROM {commitments} WHERE id < %s", [pk])[0][0]
    for model in (OwnerBacklog, RegionBacklog):
        stamps = model.objects.filter(owner_key=STAMP)
        stamps.filter(last_commitment_id__lt=missed).delete()
        stamps.filter(last_commitment_id__lt=pk).update(last_commitment_id=pk)


def remember_counted(instance: Commitment) -> None:
    instance._tracker_old = None
    if instance.pk is not None:
        instance._tracker_old = (Commitment.objects.filter(pk=instance.pk)
                                 .values_list("owner_id", "status", "due_date", "agreement_id").first())


def _count(owner_id: int | None, agreement_id: int, delta: int, due_before: datetime.date) -> None:
    _add(owner_id, delta, due_before)
    for region_id in regions_of(owner_id, agreement_id):
        _add_region(region_id, owner_id, delta, due_before)


def count_saved(instance: Commitment, created: bool) -> None:
    due_before = month_start(timezone.localdate())
    old = getattr(instance, "_tracker_old", None)
    if old is not None and is_counted(old[1], old[2], due_before):
        _count(old[0], old[3], -1, due_before)
    if is_counted(instance.status, instance.due_date, due_before):
        _count(instance.owner_id, instance.agreement_id, 1, due_before)
    if created or old is None:
        _note_created(instance.pk)


def count_deleted(instance: Commitment) -> None:
    due_before = month_start(timezone.localdate())
    if is_counted(instance.status, instance.due_date, due_before):
        _count(instance.owner_id, instance.agreement_id, -1, due_before)


# --- the backlog of each region ----------------------------------------------------------------------------

def regions_of(owner_id: int | None, agreement_id: int) -> set[int]:
    """The regions a commitment touches: its owner's, and its agreement's parties' (as `membership` says)."""
    regions = set(Party.objects.filter(agreement_id=agreement_id)
                  .values_list(Coalesce("organization__region_id", "region_id"), flat=True))
    if owner_id:
        regions.add(Organization.objects.filter(pk=owner_id).values_list("region_id", flat=True).first())
    return regions - {None}


def _region_parts(region, due: Q) -> list[QuerySet]:
    """Open commitments of a region as two disjoint parts: owned by its organizations; of the agreements touching
    it and owned by others. Each is read from a partial index only."""
    attention = Commitment.objects.order_by().extra(where=[OPEN_SQL]).filter(due)
    own = Organization.objects.filter(region=region).values("pk")
    parts = [attention.filter(owner_id__in=own),
             attention.filter(touching_agreements(region, "agreement_id")).exclude(owner_id__in=own)]
    return [part.annotate(k=Coalesce("owner_id", Value(NO_OWNER), output_field=IntegerField())).values("k")
            for part in parts]


def rebuild_region(region_id: int, today: datetime.date) -> None:
    """Count a region's open commitments due before this month, per owner (the two parts own distinct owners)."""
    due_before = month_start(today)
    backlog = _table(RegionBacklog)
    columns = "(region_id, owner_key, due_before, open_count, last_commitment_id, last_party_id)"
    try:
        with transaction.atomic():
            RegionBacklog.objects.filter(region_id=region_id).delete()
            for part in _region_parts(region_id, Q(due_date__lt=due_before)):
                sql, params = part.annotate(n=Count("*")).query.sql_with_params()
                _execute(f"INSERT INTO {backlog} {columns} SELECT %s, k, %s, n, 0, 0 FROM ({sql}) p",
                         [region_id, due_before, *params])
            _execute(f"INSERT INTO {backlog} {columns} SELECT %s, %s, %s, 0, "
                     f"(SELECT COALESCE(MAX(id), 0) FROM {_table(Commitment)}), "
                     f"(SELECT COALESCE(MAX(id), 0) FROM {_table(Party)})", [region_id, STAMP, due_before])
    except IntegrityError:  # another process recounted it at the same moment
        pass


def ensure_region(region_id: int, today: datetime.date) -> None:
    """Recount a region whose stamp is gone, of another month, or older than commitments or parties loaded in
    bulk (one query when fresh)."""
    stamp = _rows(f"SELECT s.due_before, s.last_commitment_id, s.last_party_id, "
                  f"(SELECT MAX(c.id) FROM {_table(Commitment)} c), (SELECT MAX(p.id) FROM {_table(Party)} p) "
                  f"FROM {_table(RegionBacklog)} s WHERE s.region_id = %s AND s.owner_key = %s", [region_id, STAMP])
    if not stamp:
        rebuild_region(region_id, today)
        return
    due_before, last_commitment, last_party, max_commitment, max_party = stamp[0]
    if isinstance(due_before, str):  # SQLite through a raw cursor
        due_before = datetime.date.fromisoformat(due_before)
    if (due_before != month_start(today) or (max_commitment or 0) > last_commitment
            or (max_party or 0) > last_party):
        rebuild_region(region_id, today)


def _add_region(region_id: int, owner_id: int | None, delta: int, due_before: datetime.date) -> None:
    backlog = _table(RegionBacklog)
    _execute(f"INSERT INTO {backlog} (region_id, owner_key, due_before, open_count, last_commitment_id, "
             f"last_party_id) SELECT %s, %s, %s, %s, 0, 0 FROM {backlog} s "
             f"WHERE s.region_id = %s AND s.owner_key = %s AND s.due_before = %s "
             f"ON CONFLICT (region_id, owner_key) DO UPDATE SET open_count = {backlog}.open_count + excluded.open_count",
             [region_id, owner_id or NO_OWNER, due_before, delta, region_id, STAMP, due_before])


def forget_regions(region_ids) -> None:
    """Drop these regions' stamps: the next reader recounts them."""
    region_ids = {pk for pk in region_ids if pk}
    if region_ids:
        RegionBacklog.objects.filter(region_id__in=region_ids, owner_key=STAMP).delete()


def _party_region(party: Party) -> int | None:
    if party.organization_id:
        return Organization.objects.filter(pk=party.organization_id).values_list("region_id", flat=True).first()
    return party.region_id


def remember_party_region(instance: Party) -> None:
    old = Party.objects.filter(pk=instance.pk).first() if instance.pk is not None else None
    instance._tracker_region = _party_region(old) if old is not None else None


def _holds_backlog(agreement_id: int) -> bool:
    """Whether an agreement holds commitments counted in a backlog (a new agreement holds none)."""
    return (Commitment.objects.filter(agreement_id=agreement_id, status__in=OPEN_STATUSES,
                                      due_date__lt=month_start(timezone.localdate())).exists())


def forget_party_regions(instance: Party, created: bool) -> None:
    if _holds_backlog(instance.agreement_id):
        forget_regions({getattr(instance, "_tracker_region", None), _party_region(instance)})
    if created:
        missed = _rows(f"SELECT COALESCE(MAX(id), 0) FROM {_table(Party)} WHERE id < %s", [instance.pk])[0][0]
        stamps = RegionBacklog.objects.filter(owner_key=STAMP)
        stamps.filter(last_party_id__lt=missed).delete()
        stamps.filter(last_party_id__lt=instance.pk).update(last_party_id=instance.pk)


def forget_deleted_party_region(instance: Party) -> None:
    if _holds_backlog(instance.agreement_id):
        forget_regions({_party_region(instance), instance.region_id})


def remember_organization_region(instance) -> None:
    instance._tracker_region = (Organization.objects.filter(pk=instance.pk).values_list("region_id", flat=True).first()
                                if instance.pk is not None else None)


def forget_organization_regions(instance, created: bool) -> None:
    """An organization moved: its commitments and its agreements now touch other regions."""
    old = getattr(instance, "_tracker_region", None)
    if not created and old != instance.region_id:
        forget_regions({old, instance.region_id})


# --- the figures -------------------------------------------------------------------------------------------

def _window_sql(today: datetime.date) -> tuple[str, list]:
    """Per owner: the backlog, plus the open commitments of [month start, today + 30 days] counted live."""
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    sql = (f"SELECT k, SUM(overdue) AS overdue, SUM(due_soon) AS due_soon, SUM(overdue + due_soon) AS total "
           f"FROM (SELECT owner_key AS k, open_count AS overdue, 0 AS due_soon FROM {_table(OwnerBacklog)} "
           f"WHERE owner_key >= 0 AND open_count <> 0 "
           f"UNION ALL SELECT COALESCE(owner_id, {NO_OWNER}) AS k, "
           f"SUM(CASE WHEN due_date < %s THEN 1 ELSE 0 END) AS overdue, "
           f"SUM(CASE WHEN due_date >= %s THEN 1 ELSE 0 END) AS due_soon "
           f"FROM {_table(Commitment)} WHERE {OPEN_SQL} AND due_date >= %s AND due_date <= %s "
           f"GROUP BY COALESCE(owner_id, {NO_OWNER})) u GROUP BY k")
    return sql, [today, today, month_start(today), soon]


def _live_sql(rows: QuerySet, today: datetime.date) -> tuple[str, list]:
    """Per owner, counted over the filtered commitments."""
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    open_ = Q(status__in=OPEN_STATUSES)
    grouped = (rows.order_by().annotate(k=Coalesce("owner_id", Value(NO_OWNER), output_field=IntegerField()))
               .values("k").annotate(overdue=Count("due_date", filter=open_ & Q(due_date__lt=today)),
                                     due_soon=Count("due_date", filter=open_ & Q(due_date__gte=today, due_date__lte=soon)),
                                     total=Count("*")))
    sql, params = grouped.query.sql_with_params()
    return sql, list(params)


def _region_sql(region, today: datetime.date) -> tuple[str, list]:
    """Per owner, what needs attention in a region: its backlog, plus the window counted live."""
    region_id = getattr(region, "pk", region)
    ensure_region(region_id, today)
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    # The window is short: read it by due date (the partial index), testing each row's region.
    window, params = (Commitment.objects.order_by().extra(where=[OPEN_SQL])
                      .filter(due_date__gte=month_start(today), due_date__lte=soon)
                      .filter(Q(owner__region=region_id) | touching_agreements(region_id, "agreement_id"))
                      .annotate(k=Coalesce("owner_id", Value(NO_OWNER), output_field=IntegerField())).values("k")
                      .annotate(overdue=Count("due_date", filter=Q(due_date__lt=today)),
                                due_soon=Count("due_date", filter=Q(due_date__gte=today)))).query.sql_with_params()
    sql = (f"SELECT k, SUM(overdue) AS overdue, SUM(due_soon) AS due_soon, SUM(overdue + due_soon) AS total "
           f"FROM (SELECT owner_key AS k, open_count AS overdue, 0 AS due_soon FROM {_table(RegionBacklog)} "
           f"WHERE region_id = %s AND owner_key >= 0 AND open_count <> 0 "
           f"UNION ALL SELECT k, overdue, due_soon FROM ({window}) w) u GROUP BY k")
    return sql, [region_id, *params]


def figures(rows: QuerySet | None, today: datetime.date, region=None) -> dict:
    """{"by_owner": [...], "by_region": [...], "total": n} in one query. `rows` None: all that needs
    attention (of `region` when given); else counted over the filtered rows."""
    if rows is not None:
        try:
            grouped, params = _live_sql(rows, today)
        except EmptyResultSet:  # a filter that matches nothing (e.g. a mistyped value): nothing to count
            return {"by_owner": [], "by_region": [], "total": 0}
    elif region is not None:
        grouped, params = _region_sql(region, today)
    else:
        ensure_backlog(today)
        grouped, params = _window_sql(today)
    organizations, regions = _table(Organization), _table(Region)
    sql = (f"WITH g AS ({grouped}) "
           f"SELECT 1, t.k, o.name, t.overdue, t.due_soon, t.total FROM "
           f"(SELECT k, overdue, due_soon, total FROM g ORDER BY overdue DESC, due_soon DESC, k LIMIT {OWNER_ROWS}) t "
           f"LEFT JOIN {organizations} o ON o.id = t.k "
           f"UNION ALL SELECT 2, t.region_id, r.name_ru, t.overdue, t.due_soon, t.total FROM "
           f"(SELECT o.region_id, SUM(g.overdue) AS overdue, SUM(g.due_soon) AS due_soon, SUM(g.total) AS total "
           f"FROM g LEFT JOIN {organizations} o ON o.id = g.k GROUP BY o.region_id "
           f"ORDER BY SUM(g.overdue) DESC, SUM(g.due_soon) DESC, o.region_id LIMIT {REGION_ROWS}) t "
           f"LEFT JOIN {regions} r ON r.id = t.region_id "
           f"UNION ALL SELECT 3, NULL, NULL, SUM(overdue), SUM(due_soon), SUM(total) FROM g")
    result: dict = {"by_owner": [], "by_region": [], "total": 0}
    for part, key, name, overdue, due_soon, total in _rows(sql, params):
        counts = {"overdue": int(overdue or 0), "due_soon": int(due_soon or 0), "total": int(total or 0)}
        if part == 1:
            result["by_owner"].append({"owner_id": key or None, "owner__name": name, **counts})
        elif part == 2:
            result["by_region"].append({"owner__region_id": key, "owner__region__name_ru": name, **counts})
        else:
            result["total"] = counts["total"]
    # UNION ALL keeps each part's order on both databases in practice; make it certain.
    result["by_owner"].sort(key=lambda row: (-row["overdue"], -row["due_soon"], row["owner_id"] or 0))
    result["by_region"].sort(key=lambda row: (-row["overdue"], -row["due_soon"], row["owner__region_id"] or 0))
    return result


# --- what a write does to the backlogs (called by the dispatcher, ortaq.core.writes; declared in derived.py) ---
def forget_all() -> None:
    """Drop every stamp: the owners' backlog and each region's are recounted by their next reader."""
    OwnerBacklog.objects.filter(owner_key=STAMP).delete()
    RegionBacklog.objects.filter(owner_key=STAMP).delete()


_ON_WRITE = {
    ("agreements.Commitment", BEFORE, SAVE): lambda write: remember_counted(write.instance),
    ("agreements.Commitment", AFTER, SAVE): lambda write: count_saved(write.instance, write.created),
    ("agreements.Commitment", AFTER, DELETE): lambda write: count_deleted(write.instance),
    ("agreements.Party", BEFORE, SAVE): lambda write: remember_party_region(write.instance),
    ("agreements.Party", AFTER, SAVE): lambda write: forget_party_regions(write.instance, write.created),
    ("agreements.Party", AFTER, DELETE): lambda write: forget_deleted_party_region(write.instance),
    ("directory.Organization", BEFORE, SAVE): lambda write: remember_organization_region(write.instance),
    ("directory.Organization", AFTER, SAVE):
        lambda write: forget_organization_regions(write.instance, write.created),
}


def backlogs_on_write(write: Write) -> bool | None:
    """A single write moves counts (or drops the stamps of the regions it moved); rows written in bulk drop
    every stamp, so that the next reader recounts."""
    if write.bulk:
        if write.phase == AFTER:
            forget_all()
        return True
    handle = _ON_WRITE.get((write.label, write.phase, write.action))
    if handle is not None:
        handle(write)
    return None

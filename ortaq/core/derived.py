"""Derived data: stores that are computed from the registry and kept up to date on writes.

Each store (region rollups, the "records touching a region" index, whole-registry tallies, the tracker's
backlogs, the search index, the food belt's rollups) is declared once, by the app that owns it, in its
`derived.py` module: the models it depends on, what it does with a write of one of them (`on_write`, called by
the one dispatcher in `ortaq.core.writes` for signals and bulk writes alike), which rows hold it, and how to
recompute it from scratch. A bulk write a store has no narrower answer for marks the whole store stale; a
refresh task (the `derived` job) rebuilds the stale stores, the stores they feed after them.

The ground floor knows no store by name; `ortaq check-derived` asks every declared store to recompute itself
inside a transaction that is rolled back, and reports every row that differs from what is stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils.module_loading import autodiscover_modules

from ortaq.core import search, writes
from ortaq.core.models import RegistryModel, SearchEntry, StaleStore
from ortaq.core.writes import Write

EVERY_RECORD = "*"  # in `depends_on`: every registry model


@dataclass(frozen=True)
class DerivedStore:
    """One derived store.

    `depends_on` names the models ("app.Model", or "*" for every registry model) whose writes reach
    `on_write`, before and after each write; a bulk write (`write.bulk`) the handler does not answer (it
    returns False) marks the whole store stale. `reads` names the stores this one is computed from: they are
    rebuilt first, and marking one of them stale marks this one too.
    `scopes` says how to recompute a part of it: each kind of scope ("record": `(label, pk)` pairs, "region":
    region ids, "cell": the store's own keys) names a function that recomputes those scopes from the registry,
    the same functions the store's `on_write` uses. `rows` gives the querysets of the rows the store holds (a
    part of a table is fine); `rebuild` recomputes the whole store from the registry; `settle` lets the refreshes that writes have queued finish first (a pending
    refresh is not an error); `ignore` names columns that are bookkeeping, not data (times, stamps);
    rows whose `zero_fields` are all zero count as absent (an emptied cell and a missing one say the same).
    """

    name: str
    label: str
    rows: Callable[[], Iterable[models.QuerySet]]
    rebuild: Callable[[], None]
    depends_on: tuple[str, ...] = ()
    on_write: Callable[[Write], bool | None] | None = None
    scopes: Mapping[str, Callable[[Iterable], None]] = field(default_factory=dict)
    reads: tuple[str, ...] = ()
    settle: Callable[[], None] | None = None
    ignore: tuple[str, ...] = ()
    zero_fields: tuple[str, ...] = ()


@dataclass
class Difference:
    """What a store holds that a rebuild would not (`stale`), and what a rebuild adds (`missing`)."""

    store: DerivedStore
    stale: Counter = field(default_factory=Counter)
    missing: Counter = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(self.stale or self.missing)

    def examples(self, limit: int = 5) -> list[str]:
        lines = [f"  − {row}" for row in list(self.stale)[:limit]]
        return lines + [f"  + {row}" for row in list(self.missing)[:limit]]


_STORES: dict[str, DerivedStore] = {}


class _RolledBack(Exception):
    """Raised to undo a rebuild made only to compare."""


def register(store: DerivedStore) -> DerivedStore:
    """Declare a store (called at import of an app's `derived` module)."""
    unknown = set(store.reads) - set(_STORES)
    if unknown:
        raise ValueError(f"{store.name} reads stores not declared before it: {', '.join(sorted(unknown))}")
    _STORES[store.name] = store
    writes.set_router(_handlers_for)
    return store


def unregister(name: str) -> None:
    """Forget a store (tests that declare one of their own)."""
    _STORES.pop(name, None)
    writes.set_router(_handlers_for)


def stores() -> list[DerivedStore]:
    """Every declared store, in declaration order: a store comes after the stores it reads (each app's
    `derived` module is imported first)."""
    autodiscover_modules("derived")
    return list(_STORES.values())


def _watches(store: DerivedStore, model: type[models.Model]) -> bool:
    if model._meta.label in store.depends_on:
        return True
    return EVERY_RECORD in store.depends_on and issubclass(model, RegistryModel)


def _handlers_for(model: type[models.Model]) -> tuple[Callable[[Write], None], ...]:
    return tuple(_handler(store) for store in _STORES.values() if _watches(store, model))


# The stores that writes have reached since `forget_recent_writes()`: the test suite checks them after each test.
_recent: set[str] = set()


def recent_writes() -> set[str]:
    return set(_recent)


def forget_recent_writes() -> None:
    _recent.clear()


def _handler(store: DerivedStore) -> Callable[[Write], None]:
    def handle(write: Write) -> None:
        _recent.add(store.name)
        answered = store.on_write(write) if store.on_write is not None else None
        if write.bulk and write.phase == writes.AFTER and not answered:
            mark_stale(store.name)
    return handle


# -- stale stores and their refresh ---------------------------------------------------------------------------
_schedule: Callable[[], None] | None = None


def schedule_refresh_with(scheduler: Callable[[], None]) -> None:
    """How a refresh of the stale stores is queued (the jobs app installs its `derived` job here)."""
    global _schedule
    _schedule = scheduler


def _readers_of(names: set[str]) -> set[str]:
    """These stores and every store computed from them, directly or through others."""
    found = set(names)
    for store in _STORES.values():  # declaration order: a reader comes after what it reads
        if found.intersection(store.reads):
            found.add(store.name)
    return found


def mark_stale(*names: str) -> None:
    """These stores (and the stores computed from them) are rebuilt by the next refresh, queued now: at once
    in this process when jobs run inside requests, otherwise by a worker once the write commits."""
    for name in _readers_of(set(names)):
        StaleStore.objects.get_or_create(name=name)
    if settings.ORTAQ_TASKS == "immediate" or _schedule is None:
        after_commit(refresh_stale)
    else:
        _schedule()


def after_commit(callback: Callable[[], None]) -> None:
    """Run once the writing transaction commits; at once inside a test case's wrapping transaction (which
    never commits), so that pages read in tests, like pages read after a real commit, see fresh stores."""
    blocks = connection.atomic_blocks
    if blocks and all(getattr(block, "_from_testcase", False) for block in blocks):
        callback()
    else:
        transaction.on_commit(callback)


def refresh_stale() -> list[str]:
    """Rebuild every store marked stale, in declaration order (what a store reads first); their names."""
    stale = set(StaleStore.objects.values_list("name", flat=True))
    done = []
    for store in stores():
        if store.name in stale:
            with transaction.atomic():
                StaleStore.objects.filter(name=store.name).delete()
                store.rebuild()
            done.append(store.name)
    return done


def rebuilt(*names: str) -> None:
    """These stores were just rebuilt whole by their own code (e.g. `refresh-analytics`): no longer stale."""
    StaleStore.objects.filter(name__in=names).delete()


def _columns(model: type[models.Model], ignore: tuple[str, ...]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields
            if not (f.primary_key and isinstance(f, models.AutoField)) and f.name not in ignore]


def snapshot(store: DerivedStore) -> Counter:
    """The store's rows as a multiset of (table, values...) tuples."""
    rows: Counter = Counter()
    for queryset in store.rows():
        columns = _columns(queryset.model, store.ignore)
        zero_at = [columns.index(name) for name in store.zero_fields if name in columns]
        for values in queryset.order_by().values_list(*columns).iterator(chunk_size=5000):
            if zero_at and not any(values[i] for i in zero_at):
                continue
            rows[(queryset.model._meta.label, *values)] += 1
    return rows


def compare(store: DerivedStore, fix: bool = False) -> Difference:
    """Recompute the store from scratch and compare; the recomputed rows are kept only with `fix`."""
    refresh_stale()
    if store.settle is not None:
        with transaction.atomic():
            store.settle()
    before = snapshot(store)
    try:
        with transaction.atomic():
            store.rebuild()
            after = snapshot(store)
            if not fix:
                raise _RolledBack
    except _RolledBack:
        pass
    return Difference(store, stale=before - after, missing=after - before)


def check(names: Iterable[str] | None = None, fix: bool = False) -> list[Difference]:
    """Compare every store (or the named ones); a list of one Difference per store, empty ones included."""
    wanted = set(names or ())
    unknown = wanted - {store.name for store in stores()}
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return [compare(store, fix) for store in stores() if not wanted or store.name in wanted]


# -- the ground floor's own store: the search index, generic over every searchable registry model -----------
def _search_rows() -> list[models.QuerySet]:
    return [SearchEntry.objects.all()]


def _search_rebuild() -> None:
    SearchEntry.objects.all().delete()
    search.rebuild_index(missing_only=True)


def reindex_records(keys: Iterable[tuple[str, int]]) -> None:
    """The "record" scope of the index: the entries of these records (and of the records naming them) made
    again from the registry; a record no longer there loses its entry."""
    by_label: dict[str, set[int]] = {}
    for label, pk in keys:
        by_label.setdefault(label, set()).add(pk)
    for label, pks in by_label.items():
        model = apps.get_model(label)
        present = model._default_manager.in_bulk(pks)
        for record in present.values():
            if record.searchable:
                search.update_index(record)
            _reindex_dependents(record)
        SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(model),
                                   object_id__in=pks - set(present)).delete()


def _reindex_dependents(record: RegistryModel) -> None:
    for dependent in record.search_dependents():
        if dependent.searchable:
            search.update_index(dependent)


BULK_REINDEX_LIMIT = 2000  # more rows than this written in bulk: the whole index is rebuilt by a task


def _named_in_index(model: type[models.Model]) -> bool:
    """Whether the index holds this kind of record or words of it (the records that name it)."""
    return bool(getattr(model, "searchable", False)) or (
        getattr(model, "search_dependents", None) is not RegistryModel.search_dependents)


def _reindex_bulk(write: Write) -> bool:
    if not _named_in_index(write.model):
        return True  # e.g. deliveries: nothing in the index reads them
    if write.pks is None or len(write.pks) > BULK_REINDEX_LIMIT:
        return False
    reindex_records((write.label, pk) for pk in write.pks)
    return True


def _index(write: Write) -> bool | None:
    """Keep the index fresh when a record is saved or deleted, and the entries of the records that name it
    (`search_dependents`) when it is renamed, added or removed."""
    if write.phase != writes.AFTER or write.raw:
        return None
    if write.bulk:
        return _reindex_bulk(write)
    record = write.instance
    if write.action == writes.SAVE:
        renamed = search.update_index(record) if record.searchable else True
        if renamed:
            _reindex_dependents(record)
    elif write.action == writes.DELETE:
        search.remove_from_index(record)
        _reindex_dependents(record)
    return None


register(DerivedStore("search", "индекс поиска", rows=_search_rows, rebuild=_search_rebuild,
                      depends_on=(EVERY_RECORD,), on_write=_index, scopes={"record": reindex_records}))

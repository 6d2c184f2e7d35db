"""Derived data: stores that are computed from the registry and kept up to date on writes.

Each store (region rollups, the "records touching a region" index, whole-registry tallies, the tracker's
backlogs, the search index, the food belt's rollups) is declared once, by the app that owns it, in its
`derived.py` module: which rows hold it, how to let pending refreshes finish, and how to recompute it from
scratch. The ground floor knows no store by name; `ortaq check-derived` asks every declared store to recompute
itself inside a transaction that is rolled back, and reports every row that differs from what is stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils.module_loading import autodiscover_modules

from ortaq.core import search
from ortaq.core.models import SearchEntry


@dataclass(frozen=True)
class DerivedStore:
    """One derived store.

    `rows` gives the querysets of the rows the store holds (a part of a table is fine); `rebuild` recomputes
    them from the registry; `settle` lets the refreshes that writes have queued finish first (a pending
    refresh is not an error); `ignore` names columns that are bookkeeping, not data (times, stamps);
    rows whose `zero_fields` are all zero count as absent (an emptied cell and a missing one say the same).
    """

    name: str
    label: str
    rows: Callable[[], Iterable[models.QuerySet]]
    rebuild: Callable[[], None]
    depends_on: tuple[str, ...] = ()
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
    _STORES[store.name] = store
    return store


def stores() -> list[DerivedStore]:
    """Every declared store, in declaration order (each app's `derived` module is imported first)."""
    autodiscover_modules("derived")
    return list(_STORES.values())


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


register(DerivedStore("search", "индекс поиска", rows=_search_rows, rebuild=_search_rebuild,
                      depends_on=("every searchable record",)))

"""The one dispatcher of writes to the registry: every write reaches the derived stores that depend on it.

A write is a record saved or deleted, a many-to-many relation changed (Django's signals), or rows written in
bulk behind the signals' back: `QuerySet.update()`, `bulk_create()` and `bulk_update()` of every registry
model (through `RegistryQuerySet`), and the bulk paths that write with raw SQL (the food belt's import), which
announce their rows with `bulk_write()` / `bulk_written()`. Each write is handed to the stores declared in
`ortaq.core.derived` that watch its model, before it (to remember what the rows held) and after it (to refresh
what is cheap to refresh in the writing transaction, or to mark stale what a refresh task will recompute).

This module imports nothing of Ortaq: `ortaq.core.derived` tells it which handlers watch which model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

BEFORE, AFTER = "before", "after"
SAVE, DELETE, RELATION, BULK = "save", "delete", "relation", "bulk"


@dataclass
class Write:
    """One write, as the stores see it.

    `instance` is the record (save, delete, relation); for a relation, `relation` is "add", "remove" or
    "clear", `related` the model on the other side and `related_pks` its keys. A bulk write names its rows by
    `pks` (None: not known, every row may have changed), the `fields` an update set, and, when the writer knows
    them, the `regions` it touched and `details` only its own stores read (e.g. the food belt's rollup keys).
    """

    model: type[models.Model]
    phase: str
    action: str
    instance: models.Model | None = None
    created: bool = False
    raw: bool = False
    relation: str = ""
    related: type[models.Model] | None = None
    related_pks: frozenset = frozenset()
    pks: frozenset | None = None
    fields: frozenset[str] = frozenset()
    regions: frozenset[int] = frozenset()
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.model._meta.label

    @property
    def bulk(self) -> bool:
        return self.action == BULK

    def stored(self) -> models.Model | None:
        """The record as the database holds it before this save (fetched once, shared by every store)."""
        if "_stored" not in self.details:
            instance = self.instance
            self.details["_stored"] = (None if instance is None or instance.pk is None else
                                       type(instance)._default_manager.filter(pk=instance.pk).first())
        return self.details["_stored"]


Handler = Callable[[Write], None]
# Set by ortaq.core.derived: the handlers that watch a model, in the order of the stores' declaration.
_router: Callable[[type[models.Model]], tuple[Handler, ...]] = lambda model: ()  # noqa: E731
_routes: dict[type[models.Model], tuple[Handler, ...]] = {}
_local = threading.local()


def set_router(router: Callable[[type[models.Model]], tuple[Handler, ...]]) -> None:
    """Install the function that names each model's handlers (called again when a store is declared)."""
    global _router
    _router = router
    _routes.clear()


def handlers_for(model: type[models.Model]) -> tuple[Handler, ...]:
    if model not in _routes:
        _routes[model] = _router(model)
    return _routes[model]


def dispatch(write: Write) -> None:
    """Hand the write to every handler watching its model (none while writes are suspended)."""
    if getattr(_local, "suspended", 0):
        return
    for handler in handlers_for(write.model):
        handler(write)


@contextmanager
def suspended() -> Iterator[None]:
    """Writes in this thread reach no store: for loaders that rebuild every store themselves when done
    (synthetic data, a restore). Anything they leave unrebuilt is what `ortaq check-derived` reports."""
    _local.suspended = getattr(_local, "suspended", 0) + 1
    try:
        yield
    finally:
        _local.suspended -= 1


def _keys(pks: Iterable | None) -> frozenset | None:
    return None if pks is None else frozenset(pks)


@contextmanager
def bulk_write(model: type[models.Model], pks: Iterable | None = None, *, fields: Iterable[str] = (),
               regions: Iterable[int] = (), **details: Any) -> Iterator[Write]:
    """Around rows written behind the signals' back: the stores see them before and after the write. The
    caller may add to the yielded write's `pks`, `regions` or `details` once it knows them."""
    write = Write(model, BEFORE, BULK, pks=_keys(pks), fields=frozenset(fields), regions=frozenset(regions),
                  details=dict(details))
    if handlers_for(model):
        dispatch(write)
    yield write
    write.phase = AFTER
    if handlers_for(model):
        dispatch(write)


def bulk_written(model: type[models.Model], pks: Iterable | None = None, *, regions: Iterable[int] = (),
                 **details: Any) -> None:
    """Rows already written in bulk (e.g. by raw SQL): the stores see them after the fact."""
    dispatch(Write(model, AFTER, BULK, pks=_keys(pks), regions=frozenset(regions), details=dict(details)))


# An update of more rows than this is announced without naming them (the stores then rebuild what it may touch).
NAMED_ROWS_LIMIT = 10_000


class RegistryQuerySet(models.QuerySet):
    """The registry's querysets: their bulk writes go through the dispatcher like single saves do.

    Fields a model lists in `bookkeeping_fields` (counters kept by the model itself) are written without a
    dispatch: no store reads them."""

    def update(self, **values: Any) -> int:
        if not handlers_for(self.model) or set(values) <= set(getattr(self.model, "bookkeeping_fields", ())):
            return super().update(**values)
        pks = list(self.values_list("pk", flat=True)[:NAMED_ROWS_LIMIT + 1])
        if not pks:
            return 0
        if len(pks) > NAMED_ROWS_LIMIT:  # too many to name (and to bind as parameters): "every row may have changed"
            with bulk_write(self.model, None, fields=values):
                return super().update(**values)
        with bulk_write(self.model, pks, fields=values):
            return self.model._base_manager.filter(pk__in=pks).update(**values)

    def bulk_create(self, objs: Iterable[models.Model], *args: Any, **kwargs: Any) -> list[models.Model]:
        created = super().bulk_create(objs, *args, **kwargs)
        if created and handlers_for(self.model):
            pks = [obj.pk for obj in created]
            bulk_written(self.model, None if None in pks else pks)
        return created

    def bulk_update(self, objs: Iterable[models.Model], fields: Iterable[str], *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        if not handlers_for(self.model):
            return super().bulk_update(objs, fields, *args, **kwargs)
        with bulk_write(self.model, [obj.pk for obj in objs], fields=fields):
            return super().bulk_update(objs, fields, *args, **kwargs)


# -- Django's signals, turned into writes ---------------------------------------------------------------------
def _on_pre_save(sender, instance, raw=False, **kwargs) -> None:
    if handlers_for(sender):
        dispatch(Write(sender, BEFORE, SAVE, instance, raw=raw))


def _on_post_save(sender, instance, created=False, raw=False, **kwargs) -> None:
    if handlers_for(sender):
        dispatch(Write(sender, AFTER, SAVE, instance, created=created, raw=raw))


def _on_pre_delete(sender, instance, **kwargs) -> None:
    if handlers_for(sender):
        dispatch(Write(sender, BEFORE, DELETE, instance))


def _on_post_delete(sender, instance, **kwargs) -> None:
    if handlers_for(sender):
        dispatch(Write(sender, AFTER, DELETE, instance))


def _on_relation(sender, instance, action, model=None, pk_set=None, **kwargs) -> None:
    owner = type(instance)
    if handlers_for(owner):
        phase, _, relation = action.partition("_")
        dispatch(Write(owner, BEFORE if phase == "pre" else AFTER, RELATION, instance, relation=relation,
                       related=model, related_pks=frozenset(pk_set or ()), details={"through": sender}))


pre_save.connect(_on_pre_save, dispatch_uid="ortaq.core.writes.pre_save")
post_save.connect(_on_post_save, dispatch_uid="ortaq.core.writes.post_save")
pre_delete.connect(_on_pre_delete, dispatch_uid="ortaq.core.writes.pre_delete")
post_delete.connect(_on_post_delete, dispatch_uid="ortaq.core.writes.post_delete")
m2m_changed.connect(_on_relation, dispatch_uid="ortaq.core.writes.m2m_changed")

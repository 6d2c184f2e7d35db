"""Mark rollups stale when a record that feeds them is written: before (old regions) and after (new ones)."""

from __future__ import annotations

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from ortaq.agreements.models import Agreement, Party
from ortaq.analytics import global_tallies, touches
from ortaq.analytics.models import Touch
from ortaq.analytics.rollups import ensure_fresh, mark_stale
from ortaq.core.models import RegistryModel
from ortaq.events.models import Event, Participation
from ortaq.projects.models import JointProject

# Apps whose records feed the rollups; a directory write matters when an organization changes region.
TRACKED_APPS = {"agreements", "events", "projects", "foodbelt", "directory", "regions"}


def _tracked(instance) -> bool:
    return isinstance(instance, RegistryModel) and instance._meta.app_label in TRACKED_APPS


def _regions_of(instance) -> set[int]:
    try:
        scope = instance.scope()
    except Exception:  # a half-deleted record: its relations may be gone already
        return set()
    regions = set(scope.region_ids)
    if getattr(instance, "region_id", None):
        regions.add(instance.region_id)
    return regions


def _mark(regions: set[int], whole_registry: bool = False) -> None:
    mark_stale(regions, whole_registry)
    if _only_test_transactions():
        _refresh_soon()
    else:
        transaction.on_commit(_refresh_soon)


def _refresh_soon() -> None:
    """Refresh in this process when jobs run inside requests; otherwise queue one coalesced refresh job."""
    from ortaq.jobs import runner

    if settings.ORTAQ_TASKS == "immediate":
        ensure_fresh()
    else:
        runner.start("rollups")


def _only_test_transactions() -> bool:
    """Inside a test case's wrapping transaction (which never commits) the write counts as committed, so
    that pages read in tests, like pages read after a real commit, never pay for a refresh."""
    blocks = connection.atomic_blocks
    return bool(blocks) and all(getattr(block, "_from_testcase", False) for block in blocks)


# Each write refreshes the touches of the records it changed first, then marks stale the regions the record
# touched before (remembered on the instance by the pre_ signal) and touches now.
def _remember(instance) -> None:
    instance._analytics_regions_before = getattr(instance, "_analytics_regions_before", set()) | _regions_of(instance)


def _after_write(instance, regions: set[int], whole_registry: bool = False) -> None:
    _refresh_touches(instance)
    _mark(regions | getattr(instance, "_analytics_regions_before", set()), whole_registry)
    instance._analytics_regions_before = set()


def _global_moved(instance, after: list) -> bool:
    """Move the record between whole-registry buckets; True when they could not follow (recount them)."""
    if not global_tallies.follows(instance):
        return False
    return not global_tallies.move(instance.__dict__.pop("_global_before", []), after)


def _areas_moved(instance, action: str, pk_set) -> bool:
    """An agreement's areas changed (forward side only); True when the whole registry needs a recount."""
    if instance._meta.label != "agreements.Agreement":
        return True  # an area's side of the relation: recount
    if action not in ("pre_clear", "post_clear", "post_add", "post_remove"):
        return False
    year = global_tallies.agreement_year(instance)
    if action == "pre_clear":
        instance._global_before = global_tallies.area_buckets(year, instance.areas.values_list("pk", flat=True))
        return False
    if action == "post_clear":
        return not global_tallies.move(instance.__dict__.pop("_global_before", []), [])
    changed = global_tallies.area_buckets(year, pk_set or ())
    if action == "post_add":
        return not global_tallies.move([], changed)
    if action == "post_remove":
        return not global_tallies.move(changed, [])
    return False


@receiver(pre_save)
def remember_old_regions(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _tracked(instance) or instance.pk is None:
        return
    old = type(instance)._default_manager.filter(pk=instance.pk).first()
    if old is not None:
        instance._analytics_regions_before = _regions_of(old)
        if instance._meta.label == "directory.Organization":
            # Its records' touches change only when it moves region (not on every edit of a name or website).
            instance._analytics_moved = old.region_id != instance.region_id
        if global_tallies.follows(instance):
            instance._global_before = global_tallies.buckets(old)


@receiver(post_save)
def mark_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw and _tracked(instance):
        whole = _global_moved(instance, global_tallies.buckets(instance))
        _after_write(instance, _regions_of(instance), whole)


@receiver(pre_delete)
def remember_deleted(sender, instance, **kwargs) -> None:
    if _tracked(instance):
        _remember(instance)
        if global_tallies.follows(instance):
            instance._global_before = global_tallies.buckets(instance)


@receiver(post_delete)
def mark_after_delete(sender, instance, **kwargs) -> None:
    if _tracked(instance):
        # An area's agreements lose it without m2m signals: recount the whole registry then.
        whole = _global_moved(instance, []) or instance._meta.label == "agreements.Area"
        _after_write(instance, {getattr(instance, "region_id", None) or 0}, whole)


@receiver(m2m_changed)
def mark_relations(sender, instance, action, pk_set=None, model=None, **kwargs) -> None:
    if not _tracked(instance):
        return
    whole = sender is Agreement.areas.through and _areas_moved(instance, action, pk_set)
    if action.startswith("pre_"):
        _remember(instance)
        if whole:
            _mark(set(), whole_registry=True)
        return
    regions = _regions_of(instance)
    if model is not None and model._meta.label == "regions.Region" and pk_set:
        regions |= set(pk_set)
    _after_write(instance, regions, whole)


def _connect_food_belt_imports() -> None:
    """Bulk delivery imports bypass per-row signals; the food belt announces the regions they touched."""
    try:
        from ortaq.foodbelt.signals import deliveries_imported
    except ImportError:  # the food belt is not installed in this deployment
        return

    @receiver(deliveries_imported, weak=False)
    def mark_imported(sender, region_ids=(), **kwargs) -> None:
        _mark(set(region_ids))


_connect_food_belt_imports()


# -- touches: refreshed in the writing transaction, for the records the write changed -----------------
def _touched_records(instance) -> list[tuple[int, list[int]]]:
    """(kind, record ids) whose touches depend on this instance."""
    label = instance._meta.label
    if label == "agreements.Agreement":
        return [(Touch.Kind.AGREEMENT, [instance.pk])]
    if label == "agreements.Party":
        return [(Touch.Kind.AGREEMENT, [instance.agreement_id])]
    if label == "events.Event":
        return [(Touch.Kind.EVENT, [instance.pk])]
    if label == "events.Participation":
        return [(Touch.Kind.EVENT, [instance.event_id])]
    if label == "projects.JointProject":
        return [(Touch.Kind.PROJECT, [instance.pk])]
    if label == "directory.Organization" and instance.__dict__.pop("_analytics_moved", True):
        return _records_of_organization(instance.pk)
    return []


def _records_of_organization(pk: int) -> list[tuple[int, list[int]]]:
    events = {*Event.objects.filter(host_id=pk).values_list("pk", flat=True),
              *Participation.objects.filter(organization_id=pk).values_list("event_id", flat=True)}
    return [(Touch.Kind.AGREEMENT, list(Party.objects.filter(organization_id=pk).values_list("agreement_id", flat=True))),
            (Touch.Kind.EVENT, list(events)),
            (Touch.Kind.PROJECT, list(JointProject.objects.filter(partners=pk).values_list("pk", flat=True)))]


def _refresh_touches(instance) -> None:
    for kind, ids in _touched_records(instance):
        touches.refresh(kind, ids)

"""What the analytics' stores do with a write (the dispatcher, ortaq.core.writes, calls them; each store's
declaration is in derived.py).

- touches: the "records touching a region" rows of the records the write changed, refreshed in the writing
  transaction;
- rollups: the regions the record touched before the write (remembered by the "before" call) and touches
  after it are marked stale; one coalesced refresh job recomputes them once the write commits;
- tallies: the whole-registry buckets move with the record (a count out of one, into another), or the whole
  registry is marked stale when they cannot follow.
"""

from __future__ import annotations

from django.conf import settings

from ortaq.agreements.models import Agreement, Party
from ortaq.analytics import global_tallies, touches
from ortaq.analytics.models import Touch
from ortaq.analytics.rollups import ensure_fresh, mark_stale
from ortaq.core.derived import after_commit
from ortaq.core.writes import AFTER, BEFORE, DELETE, RELATION, SAVE, Write
from ortaq.events.models import Event, Participation
from ortaq.jobs import runner
from ortaq.projects.models import JointProject
from ortaq.regions.models import Region

# More rows than this written in bulk: every region is marked stale instead of looking up each row's regions.
BULK_REGION_LIMIT = 1000


def _regions_of(instance) -> set[int]:
    try:
        scope = instance.scope()
    except Exception:  # a half-deleted record: its relations may be gone already
        return set()
    regions = set(scope.region_ids)
    if getattr(instance, "region_id", None):
        regions.add(instance.region_id)
    return regions


def mark(regions: set[int], whole_registry: bool = False) -> None:
    """Mark these regions (and the whole registry) stale and have them refreshed once the write commits."""
    mark_stale(regions, whole_registry)
    after_commit(_refresh_soon)


def _refresh_soon() -> None:
    """Refresh in this process when jobs run inside requests; otherwise queue one coalesced refresh job."""
    if settings.ORTAQ_TASKS == "immediate":
        ensure_fresh()
    else:
        runner.start("rollups")


# -- rollups: regions before and after ----------------------------------------------------------------------
def _regions_of_rows(write: Write) -> set[int] | None:
    """The regions the rows of a bulk write touch now (None: too many rows, or not known)."""
    if write.pks is None or len(write.pks) > BULK_REGION_LIMIT:
        return None
    regions: set[int] = set()
    for record in write.model._default_manager.filter(pk__in=write.pks):
        regions |= _regions_of(record)
    return regions


def _bulk_regions(write: Write) -> bool:
    if write.regions:  # the writer named them (the food belt's import)
        if write.phase == AFTER:
            mark(set(write.regions))
        return True
    regions = _regions_of_rows(write)
    if regions is None:
        if write.phase == AFTER:
            mark(set(Region.objects.values_list("pk", flat=True)), whole_registry=True)
        return True
    if write.phase == BEFORE:
        write.details["rollup_regions"] = regions
    else:
        mark(regions | write.details.get("rollup_regions", set()), whole_registry=True)
    return True


def _relation_regions(write: Write) -> set[int]:
    regions = _regions_of(write.instance)
    if write.related is not None and write.related._meta.label == "regions.Region":
        regions |= set(write.related_pks)
    return regions


def rollups_on_write(write: Write) -> bool | None:
    if write.bulk:
        return _bulk_regions(write)
    if write.raw:
        return None
    instance = write.instance
    if write.phase == BEFORE:
        stored = write.stored() if write.action == SAVE else instance
        if stored is not None:
            instance._rollup_regions = getattr(instance, "_rollup_regions", set()) | _regions_of(stored)
        return None
    if write.action == SAVE:
        regions = _regions_of(instance)
    elif write.action == DELETE:
        regions = {getattr(instance, "region_id", None) or 0}
    else:
        regions = _relation_regions(write)
    mark(regions | instance.__dict__.pop("_rollup_regions", set()))
    return None


# -- whole-registry tallies ---------------------------------------------------------------------------------
def _global_moved(instance, after: list) -> bool:
    """Move the record between whole-registry buckets; True when they could not follow (recount them)."""
    return not global_tallies.move(instance.__dict__.pop("_global_before", []), after)


def _areas_moved(write: Write) -> bool:
    """An agreement's areas changed (forward side only); True when the whole registry needs a recount."""
    instance = write.instance
    if write.label != "agreements.Agreement":
        return True  # an area's side of the relation: recount
    if write.relation == "clear":
        if write.phase == BEFORE:
            year = global_tallies.agreement_year(instance)
            instance._global_before = global_tallies.area_buckets(year, instance.areas.values_list("pk", flat=True))
            return False
        return _global_moved(instance, [])
    if write.phase == BEFORE or write.relation not in ("add", "remove"):
        return False
    changed = global_tallies.area_buckets(global_tallies.agreement_year(write.instance), write.related_pks)
    return not global_tallies.move(*(([], changed) if write.relation == "add" else (changed, [])))


def _tallies_relation(write: Write) -> None:
    if write.details.get("through") is Agreement.areas.through and _areas_moved(write):
        mark(set(), whole_registry=True)


def _tallies_record(write: Write) -> None:
    instance = write.instance
    if write.phase == BEFORE:
        stored = write.stored() if write.action == SAVE else instance
        if stored is not None and global_tallies.follows(instance):
            instance._global_before = global_tallies.buckets(stored)
        return
    after = global_tallies.buckets(instance) if write.action == SAVE else []
    whole = global_tallies.follows(instance) and _global_moved(instance, after)
    # An area's agreements lose it without m2m signals: recount the whole registry then.
    if whole or (write.action == DELETE and write.label == "agreements.Area"):
        mark(set(), whole_registry=True)


def tallies_on_write(write: Write) -> bool | None:
    if write.bulk:
        if write.phase == AFTER:
            mark(set(), whole_registry=True)
        return True
    if write.raw:
        return None
    if write.action == RELATION:
        _tallies_relation(write)
    else:
        _tallies_record(write)
    return None


# -- touches: refreshed in the writing transaction, for the records the write changed -----------------------
KIND_OF = {"agreements.Agreement": Touch.Kind.AGREEMENT, "events.Event": Touch.Kind.EVENT,
           "projects.JointProject": Touch.Kind.PROJECT}


def _touched_records(label: str, pks) -> list[tuple[int, list[int]]]:
    """(kind, record ids) whose touches depend on these rows of a model."""
    pks = list(pks)
    if label in KIND_OF:
        return [(KIND_OF[label], pks)]
    if label == "agreements.Party":
        return [(Touch.Kind.AGREEMENT, list(Party.objects.filter(pk__in=pks).values_list("agreement_id", flat=True)))]
    if label == "events.Participation":
        return [(Touch.Kind.EVENT, list(Participation.objects.filter(pk__in=pks).values_list("event_id", flat=True)))]
    if label == "directory.Organization":
        return _records_of_organizations(pks)
    return []


def _records_of(instance) -> list[tuple[int, list[int]]]:
    label = instance._meta.label
    if label == "agreements.Party":
        return [(Touch.Kind.AGREEMENT, [instance.agreement_id])]
    if label == "events.Participation":
        return [(Touch.Kind.EVENT, [instance.event_id])]
    if label == "directory.Organization":
        # Its records' touches change only when it moves region (not on every edit of a name or website).
        return _records_of_organizations([instance.pk]) if instance.__dict__.pop("_touch_moved", True) else []
    return _touched_records(label, [instance.pk])


def _records_of_organizations(pks: list) -> list[tuple[int, list[int]]]:
    events = {*Event.objects.filter(host_id__in=pks).values_list("pk", flat=True),
              *Participation.objects.filter(organization_id__in=pks).values_list("event_id", flat=True)}
    agreements = Party.objects.filter(organization_id__in=pks).values_list("agreement_id", flat=True)
    projects = JointProject.objects.filter(partners__in=pks).values_list("pk", flat=True)
    return [(Touch.Kind.AGREEMENT, list(agreements)), (Touch.Kind.EVENT, list(events)),
            (Touch.Kind.PROJECT, list(projects))]


def _refresh(records: list[tuple[int, list[int]]]) -> None:
    for kind, ids in records:
        touches.refresh(kind, ids)


def refresh_touches_of(keys) -> None:
    """The "record" scope of the touches: the rows of the records these (label, pk) pairs name or feed."""
    by_label: dict[str, set[int]] = {}
    for label, pk in keys:
        by_label.setdefault(label, set()).add(pk)
    for label, pks in by_label.items():
        _refresh(_touched_records(label, pks))


def _bulk_touches(write: Write) -> bool:
    if write.pks is None or len(write.pks) > BULK_REGION_LIMIT:
        return False  # the whole index is rebuilt by the refresh task
    if write.phase == AFTER:
        _refresh(_touched_records(write.label, write.pks))
    return True


def touches_on_write(write: Write) -> bool | None:
    if write.bulk:
        return _bulk_touches(write)
    if write.raw:
        return None
    instance = write.instance
    if write.phase == BEFORE:
        if write.label == "directory.Organization" and write.action == SAVE:
            stored = write.stored()
            instance._touch_moved = stored is None or stored.region_id != instance.region_id
        return None
    _refresh(_records_of(instance))
    if write.action == RELATION and write.related is not None and write.related._meta.label in KIND_OF:
        _refresh([(KIND_OF[write.related._meta.label], list(write.related_pks))])
    return None

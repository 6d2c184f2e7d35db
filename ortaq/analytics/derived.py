"""The analytics' derived stores: the "records touching a region" index, region rollups (tallies and pairs),
whole-registry tallies and the commitments tracker's backlogs."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone

from ortaq.agreements.models import OwnerBacklog, RegionBacklog
from ortaq.analytics import handlers, rollups, touches, tracker
from ortaq.analytics.models import PairYear, Tally, Touch
from ortaq.core.derived import DerivedStore, register
from ortaq.core.models import RegistryModel

RECORDS = ("agreements.Agreement", "agreements.Party", "events.Event", "events.Participation",
           "projects.JointProject", "directory.Organization")
# A region's rollups count records of these apps (a directory write matters when an organization moves).
ROLLUP_APPS = ("agreements", "events", "projects", "foodbelt", "directory", "regions")
ROLLUP_RECORDS = tuple(model._meta.label for model in apps.get_models()
                       if issubclass(model, RegistryModel) and model._meta.app_label in ROLLUP_APPS)
TALLIED = ("agreements.Agreement", "agreements.Area", "agreements.Commitment", "events.Event",
           "projects.JointProject")


def _touch_rows() -> list:
    return [Touch.objects.all()]


def _touch_rebuild() -> None:
    touches.rebuild()


def _settle_rollups() -> None:
    rollups.ensure_fresh()


def _region_rows() -> list:
    return [Tally.objects.exclude(region=None), PairYear.objects.all()]


def _region_rebuild() -> None:
    rollups.rebuild_regions()


def _global_rows() -> list:
    return [Tally.objects.filter(region=None)]


def _global_rebuild() -> None:
    rollups.rebuild_global()


def _backlog_rows() -> list:
    return [OwnerBacklog.objects.all(), RegionBacklog.objects.all()]


def _counted_regions() -> list[int]:
    return sorted(set(RegionBacklog.objects.values_list("region_id", flat=True)))


def _settle_backlogs() -> None:
    """The owners' backlog and each region counted so far recount themselves when a stamp says they must."""
    today = timezone.localdate()
    tracker.ensure_backlog(today)
    for region_id in _counted_regions():
        tracker.ensure_region(region_id, today)


def _backlog_regions(region_ids) -> None:
    today = timezone.localdate()
    for region_id in region_ids:
        tracker.rebuild_region(region_id, today)


def _backlog_owners(_keys=()) -> None:
    tracker.rebuild(timezone.localdate())


def _backlog_rebuild() -> None:
    today = timezone.localdate()
    tracker.rebuild(today)
    for region_id in _counted_regions():
        tracker.rebuild_region(region_id, today)


register(DerivedStore("touches", "записи, касающиеся региона", rows=_touch_rows, rebuild=_touch_rebuild,
                      depends_on=(*RECORDS, "regions.Region"), on_write=handlers.touches_on_write,
                      scopes={"record": handlers.refresh_touches_of}))
register(DerivedStore("rollups", "итоги регионов и пар регионов", rows=_region_rows, rebuild=_region_rebuild,
                      depends_on=ROLLUP_RECORDS, on_write=handlers.rollups_on_write, reads=("touches", "foodbelt"),
                      scopes={"region": rollups.refresh_regions},
                      settle=_settle_rollups, zero_fields=("value",)))
register(DerivedStore("tallies", "итоги всего реестра", rows=_global_rows, rebuild=_global_rebuild,
                      depends_on=TALLIED, on_write=handlers.tallies_on_write,
                      scopes={"registry": lambda _keys=(): rollups.rebuild_global()},
                      settle=_settle_rollups, zero_fields=("value",)))
register(DerivedStore("backlogs", "просроченные обязательства по владельцам и регионам", rows=_backlog_rows,
                      rebuild=_backlog_rebuild, settle=_settle_backlogs, on_write=tracker.backlogs_on_write,
                      scopes={"region": _backlog_regions, "registry": _backlog_owners},
                      depends_on=("agreements.Commitment", "agreements.Party", "directory.Organization"),
                      ignore=("last_commitment_id", "last_party_id"), zero_fields=("open_count",)))

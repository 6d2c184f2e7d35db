"""Which records touch a region: the registry-level question the domain apps ask to list or filter "the
agreements (events, projects) of a region", answered from one index range.

The rule (an agreement through its parties, an event through its place, host and participants, a project
through its regions and partners) and the index rows that keep it exact at every commit belong to the analytics
app (`ortaq.analytics.touches`, its `Touch` rows). It plugs its index in here when it is ready
(`AnalyticsConfig.ready`), so the domain apps ask this module and never reach up a layer.
"""

from __future__ import annotations

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet

AGREEMENT = "agreement"
EVENT = "event"
PROJECT = "project"
KINDS = (AGREEMENT, EVENT, PROJECT)
RECENT = 50  # the latest agreements, events and projects listed on a region's page


class Index(Protocol):
    def record_ids(self, region, kind: str) -> QuerySet:
        """Ids of the records of a kind touching the region (a subquery for `pk__in`)."""

    def latest(self, region, kind: str, queryset: QuerySet, limit: int) -> list:
        """The `limit` most recent records of `queryset` touching the region, newest first."""


_index: Index | None = None


def provide(index: Index) -> None:
    """Plug in the index that answers (the analytics app's)."""
    global _index
    _index = index


def index() -> Index:
    if _index is None:
        raise ImproperlyConfigured("No index of the records touching a region: is ortaq.analytics installed?")
    return _index


def record_ids(region, kind: str) -> QuerySet:
    """Ids of the records of a kind (AGREEMENT, EVENT, PROJECT) touching the region, as a subquery."""
    return index().record_ids(region, kind)


def touching(region, kind: str, field: str = "pk") -> Q:
    """`field` names a record of the kind that touches the region (one index range)."""
    return Q(**{f"{field}__in": record_ids(region, kind)})


def touching_agreements(region, field: str = "pk") -> Q:
    """`field` names an agreement where the region, or one of its organizations, is a party (one index range)."""
    return touching(region, AGREEMENT, field)


def latest(region, kind: str, queryset: QuerySet, limit: int) -> list:
    """The `limit` most recent records of `queryset` of a kind touching the region, newest first."""
    return index().latest(region, kind, queryset, limit)

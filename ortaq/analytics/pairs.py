"""What lies between two regions: the records that touch both, read with index-friendly subqueries."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from ortaq.agreements.models import Agreement, Commitment
from ortaq.analytics import services, supply, touches
from ortaq.analytics.intensity import explain, intensity
from ortaq.events.models import Event
from ortaq.projects.models import JointProject
from ortaq.regions.models import Region

LIST_LIMIT = 50


def touching_events(region: Region) -> Q:
    """Events held in, hosted by or attended from the region (one index range of the touches)."""
    return Q(pk__in=touches.of_region(region, touches.Kind.EVENT))


def _shared_ids(region_a: Region, region_b: Region, kind: int):
    return touches.shared(region_a, region_b, kind).values("record_id")


def agreements_between(region_a: Region, region_b: Region):
    return Agreement.objects.filter(pk__in=_shared_ids(region_a, region_b, touches.Kind.AGREEMENT))


def events_between(region_a: Region, region_b: Region):
    return Event.objects.filter(pk__in=_shared_ids(region_a, region_b, touches.Kind.EVENT))


def projects_between(region_a: Region, region_b: Region):
    return JointProject.objects.filter(pk__in=_shared_ids(region_a, region_b, touches.Kind.PROJECT))


def pair_context(region_a: Region, region_b: Region) -> dict:
    today = timezone.localdate()
    by_year = services.intensity_by_year(region_a, region_b)
    totals = {key: sum((row[key] or 0) for row in by_year) for key in
              ("agreements", "events", "projects", "supply_tenge", "supply_tonnes")}
    overdue = Q(commitments__due_date__lt=today) & ~Q(commitments__status__in=["done", "cancelled"])
    listed = touches.latest(
        touches.shared(region_a, region_b, touches.Kind.AGREEMENT),
        Agreement.objects.annotate(
            c_total=Count("commitments"), c_done=Count("commitments", filter=Q(commitments__status="done")),
            c_overdue=Count("commitments", filter=overdue)).prefetch_related("parties__organization", "parties__region"),
        LIST_LIMIT)
    commitments = Commitment.objects.filter(agreement_id__in=_shared_ids(region_a, region_b, touches.Kind.AGREEMENT)).aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status="done")),
        overdue=Count("pk", filter=Commitment.overdue_condition()))
    return {
        "region_a": region_a, "region_b": region_b,
        "agreements": listed,
        "agreement_count": totals["agreements"],  # from the rollup: each agreement counted in its one year
        "commitments": commitments,
        "events": touches.latest(touches.shared(region_a, region_b, touches.Kind.EVENT),
                                 Event.objects.select_related("region", "program"), LIST_LIMIT),
        "projects": projects_between(region_a, region_b)[:LIST_LIMIT],
        "flows": supply.pair_flows(region_a, region_b),
        "food_belt": supply.pair_food_belt(region_a, region_b),
        "supply_available": supply.available(),
        "by_year": by_year,
        "totals": totals, "intensity": intensity(totals), "explain": explain(totals),
    }

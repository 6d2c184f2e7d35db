"""What lies between two regions: the records that touch both, read with index-friendly subqueries."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from ortaq.agreements.models import Agreement, Commitment
from ortaq.analytics import services, supply
from ortaq.analytics.intensity import explain, intensity
from ortaq.events.models import Event, Participation
from ortaq.projects.models import JointProject
from ortaq.regions.models import Region

LIST_LIMIT = 50


def touching_events(region: Region) -> Q:
    """Events held in, hosted by or attended from the region (each branch served by an index)."""
    from ortaq.directory.models import Organization

    organizations = Organization.objects.filter(region=region).values("pk")
    return (Q(region=region) | Q(host__in=organizations)
            | Q(pk__in=Participation.objects.filter(region=region).values("event_id"))
            | Q(pk__in=Participation.objects.filter(organization__in=organizations).values("event_id")))


def agreements_between(region_a: Region, region_b: Region):
    return Agreement.objects.filter(services.touching_agreements(region_a)).filter(
        services.touching_agreements(region_b))


def events_between(region_a: Region, region_b: Region):
    return Event.objects.filter(touching_events(region_a)).filter(touching_events(region_b))


def projects_between(region_a: Region, region_b: Region):
    def touching(region):
        return JointProject.objects.filter(Q(regions=region) | Q(partners__region=region)).values("pk")

    return JointProject.objects.filter(pk__in=touching(region_a)).filter(pk__in=touching(region_b))


def pair_context(region_a: Region, region_b: Region) -> dict:
    today = timezone.localdate()
    agreements = agreements_between(region_a, region_b)
    by_year = services.intensity_by_year(region_a, region_b)
    totals = {key: sum((row[key] or 0) for row in by_year) for key in
              ("agreements", "events", "projects", "supply_tenge", "supply_tonnes")}
    overdue = Q(commitments__due_date__lt=today) & ~Q(commitments__status__in=["done", "cancelled"])
    listed = (agreements.order_by("-signed_on", "-pk")
              .annotate(c_total=Count("commitments"), c_done=Count("commitments", filter=Q(commitments__status="done")),
                        c_overdue=Count("commitments", filter=overdue))
              .prefetch_related("parties__organization", "parties__region")[:LIST_LIMIT])
    commitments = Commitment.objects.filter(agreement__in=agreements.values("pk")).aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status="done")),
        overdue=Count("pk", filter=Commitment.overdue_condition()))
    return {
        "region_a": region_a, "region_b": region_b,
        "agreements": listed,
        "agreement_count": totals["agreements"],  # from the rollup: each agreement counted in its one year
        "commitments": commitments,
        "events": events_between(region_a, region_b).select_related("region", "program")
        .order_by("-start_date", "-pk")[:LIST_LIMIT],
        "projects": projects_between(region_a, region_b)[:LIST_LIMIT],
        "flows": supply.pair_flows(region_a, region_b),
        "food_belt": supply.pair_food_belt(region_a, region_b),
        "supply_available": supply.available(),
        "by_year": by_year,
        "totals": totals, "intensity": intensity(totals), "explain": explain(totals),
    }

"""The figures on the home page, each computed by the database in a few aggregate queries."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone


def dashboard_context() -> dict:
    from ortaq.agreements.models import Agreement, Commitment
    from ortaq.events.models import Event
    from ortaq.regions.models import Region

    year = timezone.localdate().year
    agreements = Agreement.objects.aggregate(
        total=Count("pk"),
        in_force=Count("pk", filter=Q(status="in_force")),
        signed=Count("pk", filter=Q(status="signed")),
        this_year=Count("pk", filter=Q(signed_on__year=year)),
    )
    commitments = Commitment.objects.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status="done")),
        overdue=Count("pk", filter=Commitment.overdue_condition()),
    )
    return {
        "year": year,
        "agreements": agreements,
        "commitments": commitments,
        "events_this_year": Event.objects.filter(start_date__year=year).count(),
        "events_total": Event.objects.count(),
        "regions": Region.objects.of_kazakhstan().count(),
        "recent_agreements": Agreement.objects.order_by("-signed_on", "-pk")[:8],
        "recent_events": Event.objects.select_related("region").order_by("-start_date", "-pk")[:8],
    }

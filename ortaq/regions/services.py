"""What a region's page needs: its partners and the records that concern it."""

from __future__ import annotations

from django.db.models import Count, F
from django.db.models.functions import Coalesce

from ortaq.regions.models import Region


def partner_regions(region: Region) -> list[dict]:
    """Regions that share agreements or events with this one, most shared first (two queries)."""
    from ortaq.agreements.models import Agreement, Party
    from ortaq.events.models import Participation

    own_agreements = Agreement.objects.for_region(region).values("pk")
    agreement_counts = (
        Party.objects.filter(agreement_id__in=own_agreements)
        .annotate(partner=Coalesce(F("organization__region_id"), F("region_id")))
        .exclude(partner=region.pk).exclude(partner__isnull=True)
        .values("partner").annotate(agreements=Count("agreement_id", distinct=True))
    )
    # Events either side hosted with a delegation of the other.
    hosted = (
        Participation.objects.filter(event__region=region, region__isnull=False).exclude(region=region)
        .values(partner=F("region_id")).annotate(events=Count("event_id", distinct=True))
    )
    visited = (
        Participation.objects.filter(region=region, event__region__isnull=False).exclude(event__region=region)
        .values(partner=F("event__region_id")).annotate(events=Count("event_id", distinct=True))
    )
    totals: dict[int, dict] = {}
    for row in agreement_counts:
        totals.setdefault(row["partner"], {"agreements": 0, "events": 0})["agreements"] = row["agreements"]
    for row in [*hosted, *visited]:
        totals.setdefault(row["partner"], {"agreements": 0, "events": 0})["events"] += row["events"]
    regions = Region.objects.in_bulk(list(totals))
    ranked = [{"region": regions[pk], **counts} for pk, counts in totals.items() if pk in regions]
    return sorted(ranked, key=lambda row: (-(row["agreements"] + row["events"]), row["region"].name_ru))

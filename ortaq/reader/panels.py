"""The region page's «From press releases» section: accepted facts about the region with their sentences."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from ortaq.agreements.models import Agreement
from ortaq.core.plugins import Panel
from ortaq.events.models import Event
from ortaq.reader.models import Proposal
from ortaq.regions import touching


def region_panels(region) -> list[Panel]:
    types = ContentType.objects.get_for_models(Agreement, Event)
    accepted = Proposal.objects.filter(status=Proposal.Status.ACCEPTED)
    rows = list(
        (accepted.filter(record_type=types[Agreement],
                         record_id__in=touching.record_ids(region, touching.AGREEMENT))
         | accepted.filter(record_type=types[Event], record_id__in=touching.record_ids(region, touching.EVENT)))
        .select_related("document").prefetch_related("record").order_by("-decided_at")[:20]
    )
    if not rows:
        return []
    return [Panel("reader/_region_panel.html", {"proposals": rows}, order=60)]

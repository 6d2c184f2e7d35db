"""What the events app adds to a region's page: the latest events held in, hosted by or attended from it."""

from __future__ import annotations

from ortaq.events.models import Event
from ortaq.regions import touching
from ortaq.regions.models import Region


def detail_context(record) -> dict:
    if not isinstance(record, Region):
        return {}
    return {"events": touching.latest(record, touching.EVENT, Event.objects.select_related("region", "program"),
                                      touching.RECENT)}

"""What the agreements app adds to pages of the apps below it: a region's latest agreements, the agreements
signed during a program's events, the agreements an organization is a party to."""

from __future__ import annotations

from ortaq.agreements.models import Agreement
from ortaq.directory.models import Organization
from ortaq.events.models import Program
from ortaq.regions import touching
from ortaq.regions.models import Region


def detail_context(record) -> dict:
    if isinstance(record, Region):
        return {"agreements": touching.latest(
            record, touching.AGREEMENT,
            Agreement.objects.prefetch_related("parties__organization", "parties__region"), touching.RECENT)}
    if isinstance(record, Program):
        return {"agreements": Agreement.objects.filter(signing_event__program=record)
                .prefetch_related("parties__organization", "parties__region")}
    if isinstance(record, Organization):
        return {"agreements": Agreement.objects.filter(parties__organization=record).distinct()}
    return {}

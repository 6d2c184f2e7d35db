"""What the directory adds to a region's page: its organizations and the people in office there."""

from __future__ import annotations

from ortaq.directory.models import Position
from ortaq.regions.models import Region


def detail_context(record) -> dict:
    if not isinstance(record, Region):
        return {}
    return {
        "organizations": record.organizations.order_by("name")[:50],
        "organization_count": record.organizations.count(),
        "people_in_office": Position.objects.current().filter(region=record).select_related("person", "organization"),
    }

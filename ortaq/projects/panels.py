"""What the projects app adds to a region's page: its latest joint projects."""

from __future__ import annotations

from ortaq.projects.models import JointProject
from ortaq.regions import touching
from ortaq.regions.models import Region


def detail_context(record) -> dict:
    if not isinstance(record, Region):
        return {}
    return {"projects": touching.latest(record, touching.PROJECT, JointProject.objects.all(), touching.RECENT)}

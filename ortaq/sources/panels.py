"""What the sources app adds to every record's page: the record's sources."""

from __future__ import annotations

from ortaq.sources.models import sources_for


def detail_context(record) -> dict:
    return {"sources": sources_for(record)}

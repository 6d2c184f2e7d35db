"""Small builders for test records (kept explicit rather than a fixture framework)."""

from __future__ import annotations

import datetime

from ortaq.agreements.models import Agreement, Commitment, Party, editing_parties
from ortaq.directory.models import Organization


def organization(name: str, region, **fields) -> Organization:
    return Organization.objects.create(name=name, region=region, **fields)


def agreement(title: str, *sides, kind: str = "memorandum", signed_on=None, **fields) -> Agreement:
    """An agreement between organizations and/or regions (at least two)."""
    record = Agreement.objects.create(title=title, kind=kind, signed_on=signed_on or datetime.date(2024, 5, 1),
                                      **fields)
    with editing_parties(record):
        for side in sides:
            if isinstance(side, Organization):
                Party.objects.create(agreement=record, organization=side)
            else:
                Party.objects.create(agreement=record, region=side)
    return record


def commitment(agreement_record: Agreement, text: str, **fields) -> Commitment:
    return Commitment.objects.create(agreement=agreement_record, text=text, **fields)

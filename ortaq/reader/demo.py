"""The demo's review queue: the seed press release, read, its proposals linked to the demo records they became."""

from __future__ import annotations

from django.utils import timezone

from ortaq.reader.matching import Matcher
from ortaq.reader.models import Proposal, Reading
from ortaq.reader.storing import store_reading


def load_demo(context) -> None:
    """Read the seed once (when ../shared/seeds has it); a proposal the demo already holds is shown accepted,
    linked to its record; the rest wait for review, so a new user sees the workflow at once."""
    document = context.document
    if document is None or Reading.objects.filter(document=document).exists():
        return
    from ortaq.reader.gazetteer import plain_pipeline

    result = plain_pipeline().extract(document.text, "seed")
    store_reading(document.text, result, matcher=Matcher(), file_name=document.file_name)
    now = timezone.now()
    for proposal in document.proposals.filter(matched_id__isnull=False, status=Proposal.Status.PENDING):
        proposal.payload = {**proposal.payload, "proposed": proposal.payload}
        proposal.status = Proposal.Status.ACCEPTED
        proposal.record_type, proposal.record_id = proposal.matched_type, proposal.matched_id
        proposal.decided_at = now
        proposal.save(update_fields=["payload", "status", "record_type", "record_id", "decided_at"])

import rules

from ortaq.core.permissions import can_read, can_write, is_administrator, is_editor, user_scope

rules.add_perm("reader.view_proposal", can_read)
rules.add_perm("reader.review_proposal", can_write)
rules.add_perm("reader.view_reading", can_read)
rules.add_perm("reader.add_reading", can_write)
rules.add_perm("reader.view_ingestrun", can_read)


@rules.predicate
def decided_proposal(user, proposal) -> bool:
    """The user took the decision on this proposal."""
    return proposal is not None and proposal.decided_by_id is not None and proposal.decided_by_id == user.pk


def document_region_ids(document) -> set[int]:
    """The regions a read document is about: those it proposes, and those its other proposals name."""
    from ortaq.regions.models import Region

    codes: set[str] = set()
    for kind, payload in document.proposals.values_list("kind", "payload"):
        for fields in (payload, payload.get("proposed") or {}):
            code = fields.get("code") if kind == "region" else fields.get("region")
            if isinstance(code, str):
                codes.add(code)
    return set(Region.objects.filter(code__in=codes).values_list("pk", flat=True))


@rules.predicate
def document_in_scope(user, proposal) -> bool:
    """A proposal is decided by an editor of a region its document is about (anyone's when it names none)."""
    if proposal is None:
        return False
    regions = document_region_ids(proposal.document)
    return not regions or bool(regions & user_scope(user)[0])


# Accepting or rejecting one proposal: the parent of a decision is the document, judged by its regions.
rules.add_perm("reader.decide_proposal", is_administrator | (is_editor & document_in_scope))
rules.add_perm("reader.reopen_proposal", is_administrator | (can_write & decided_proposal & document_in_scope))

import rules

from ortaq.core.permissions import can_read, can_write, is_administrator

rules.add_perm("reader.view_proposal", can_read)
rules.add_perm("reader.review_proposal", can_write)
rules.add_perm("reader.view_reading", can_read)
rules.add_perm("reader.add_reading", can_write)
rules.add_perm("reader.view_ingestrun", can_read)


@rules.predicate
def decided_proposal(user, proposal) -> bool:
    """The user took the decision on this proposal."""
    return proposal is not None and proposal.decided_by_id is not None and proposal.decided_by_id == user.pk


rules.add_perm("reader.reopen_proposal", is_administrator | (can_write & decided_proposal))

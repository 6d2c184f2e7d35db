import rules

from ortaq.core.permissions import can_read, can_write

rules.add_perm("reader.view_proposal", can_read)
rules.add_perm("reader.review_proposal", can_write)
rules.add_perm("reader.view_reading", can_read)
rules.add_perm("reader.add_reading", can_write)
rules.add_perm("reader.view_ingestrun", can_read)

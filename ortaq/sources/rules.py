import rules

from ortaq.core.permissions import can_read, can_write, is_administrator

rules.add_perm("sources.view_document", can_read)
rules.add_perm("sources.add_document", can_write)
rules.add_perm("sources.change_document", is_administrator)
rules.add_perm("sources.delete_document", is_administrator)
rules.add_perm("sources.view_source", can_read)

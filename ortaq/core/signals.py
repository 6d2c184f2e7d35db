"""Tell the apps that a user entered a record by hand (`record_entered`, sent inside the saving transaction: the
sources app records the provenance). The search index is kept by its derived store (ortaq.core.derived)."""

from django.dispatch import Signal

# Sent with `record` (just created through a form or the API), `user` (who entered it) and `note` ("" or "API").
record_entered = Signal()

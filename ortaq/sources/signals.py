"""A record entered by hand (a form or the API) gets its "manual entry" source, naming who entered it."""

from django.dispatch import receiver

from ortaq.core.signals import record_entered
from ortaq.sources.models import Source, add_source


@receiver(record_entered)
def note_manual_entry(sender, record, user, note: str = "", **kwargs) -> None:
    fields = {"entered_by": user, **({"note": note} if note else {})}
    add_source(record, Source.Kind.MANUAL, **fields)

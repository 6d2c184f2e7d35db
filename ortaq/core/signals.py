"""Keep the search index fresh whenever a registry record is saved or deleted, and the entries of the records
that name it (`search_dependents`) when it is renamed, added or removed; tell the apps that a user entered a
record by hand (`record_entered`, sent inside the saving transaction: the sources app records the provenance)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from ortaq.core.models import RegistryModel
from ortaq.core.search import remove_from_index, update_index

# Sent with `record` (just created through a form or the API), `user` (who entered it) and `note` ("" or "API").
record_entered = Signal()


def _reindex_dependents(instance: RegistryModel) -> None:
    for dependent in instance.search_dependents():
        if dependent.searchable:
            update_index(dependent)


@receiver(post_save)
def index_saved_record(sender, instance, raw=False, **kwargs) -> None:
    if raw or not isinstance(instance, RegistryModel):
        return
    renamed = update_index(instance) if instance.searchable else True
    if renamed:
        _reindex_dependents(instance)


@receiver(post_delete)
def unindex_deleted_record(sender, instance, **kwargs) -> None:
    if isinstance(instance, RegistryModel):
        remove_from_index(instance)
        _reindex_dependents(instance)

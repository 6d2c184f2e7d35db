"""Background jobs of the ground floor: the search index rebuild."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ortaq.core import search
from ortaq.core.models import SearchEntry
from ortaq.jobs.registry import job_kind


@job_kind("search", _("Перестроить поисковый индекс"), startable=True)
def rebuild_search(progress) -> None:
    """Every entry anew, in one transaction: searches see the old index until the new one is complete."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        indexed = search.rebuild_index(missing_only=True)
    progress(indexed, indexed)

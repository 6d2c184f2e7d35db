"""Background jobs that span the registry: the search index rebuild, synthetic data for every app."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ortaq.core import derived, search
from ortaq.core.models import SearchEntry
from ortaq.jobs.registry import job_kind


@job_kind("search", _("Перестроить поисковый индекс"), startable=True)
def rebuild_search(progress) -> None:
    """Every entry anew, in one transaction: searches see the old index until the new one is complete."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        indexed = search.rebuild_index(missing_only=True)
    progress(indexed, indexed)


@job_kind("check-derived", _("Проверить производные данные (итоги, индексы)"), startable=True)
def check_derived(progress) -> None:
    """`ortaq check-derived` from the jobs page: each store recomputed and compared, nothing changed."""
    stores = derived.stores()
    wrong = []
    for number, store in enumerate(stores):
        progress(number, len(stores), str(store.label))
        difference = derived.compare(store)
        if difference:
            wrong.append(f"{store.name}: −{sum(difference.stale.values())} +{sum(difference.missing.values())}")
    verdict = (str(_("Расхождения: {stores}. Исправит «Пересчитать всю аналитику» или «ortaq check-derived "
                     "--fix».")).format(stores="; ".join(wrong)) if wrong else str(_("Расхождений нет.")))
    progress(len(stores), len(stores), verdict)


SYNTHETIC_FIELDS = ("organizations", "agreements", "events", "commitments", "deliveries")
SYNTHETIC_MAX = 1_000_000


@job_kind("synthetic", _("Создать синтетические данные"))
def generate_synthetic(progress, seed: int = 2018, **counts) -> None:
    """`ortaq generate` as a job: every app's generator in turn, with the counts an administrator chose."""
    import io

    from django.core.management import call_command

    options = {field: int(counts.get(field) or 0) for field in SYNTHETIC_FIELDS}
    output = io.StringIO()
    progress(0, 1, str(_("создаются записи, помеченные как синтетические")))
    call_command("generate", seed=seed, stdout=output, **options)
    lines = [line for line in output.getvalue().splitlines() if line.strip()]
    progress(1, 1, lines[-1] if lines else "")

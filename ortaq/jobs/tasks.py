"""The queue's own jobs: `ping` does nothing, so its time from queued to done is the queue's overhead;
`derived` rebuilds the derived stores that bulk writes marked stale (ortaq.core.derived)."""

from django.utils.translation import gettext_lazy as _

from ortaq.core import derived
from ortaq.jobs import runner
from ortaq.jobs.registry import job_kind


@job_kind("ping", _("Проверка очереди"), startable=True)
def ping(progress) -> None:
    progress(1, 1)


@job_kind("derived", _("Пересчитать устаревшие производные данные"), coalesce=True)
def refresh_stale_stores(progress) -> None:
    """Stores a bulk write made stale as a whole, rebuilt (many bulk writes while this waits → one job)."""
    refreshed = derived.refresh_stale()
    progress(1, 1, ", ".join(refreshed))


derived.schedule_refresh_with(lambda: runner.start("derived"))

"""Background jobs of the analytics: the rollups a write made stale, the full rebuild, the daily reminders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ortaq.analytics import reminders, rollups
from ortaq.jobs.registry import job_kind


@job_kind("rollups", _("Обновить итоги регионов"), coalesce=True)
def refresh_stale_rollups(progress) -> None:
    """Many writes to many regions while this job waits in the queue → one refresh of all of them."""
    rollups.ensure_fresh()


@job_kind("analytics", _("Пересчитать всю аналитику"), startable=True)
def refresh_all_analytics(progress) -> None:
    progress(0, 1, str(_("пересчёт итогов, пар регионов и индекса «записи региона»")))
    rollups.refresh_all()
    progress(1, 1)


@job_kind("remind", _("Разослать напоминания о сроках"), startable=True)
def send_reminders(progress) -> None:
    digests = reminders.digests()
    for number, digest in enumerate(digests, start=1):
        reminders.send(digest)
        progress(number, len(digests))

"""The queue's own job: `ping` does nothing, so its time from queued to done is the queue's overhead."""

from django.utils.translation import gettext_lazy as _

from ortaq.jobs.registry import job_kind


@job_kind("ping", _("Проверка очереди"), startable=True)
def ping(progress) -> None:
    progress(1, 1)

"""One row per background job, whatever the queue (database or Redis): what it is, how far it got, how it ended."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("в очереди")
        RUNNING = "running", _("выполняется")
        DONE = "done", _("завершена")
        FAILED = "failed", _("ошибка")
        CANCELLED = "cancelled", _("отменена")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("вид"), max_length=40, db_index=True)
    title = models.CharField(_("задача"), max_length=200)
    params = models.JSONField(_("параметры"), default=dict, blank=True)
    status = models.CharField(_("состояние"), max_length=10, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    done = models.PositiveBigIntegerField(_("сделано"), default=0)
    total = models.PositiveBigIntegerField(_("всего"), null=True, blank=True)
    message = models.CharField(_("сообщение"), max_length=300, blank=True)
    error = models.TextField(_("ошибка"), blank=True)
    result = models.JSONField(_("итог"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("попыток"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("запустил"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("создана"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("начата"), null=True, blank=True)
    finished_at = models.DateTimeField(_("окончена"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("последний признак жизни"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("фоновая задача")
        verbose_name_plural = _("фоновые задачи")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class DailyRun(models.Model):
    """A scheduled job that has been started for a day: many workers, one start."""

    kind = models.CharField(max_length=40)
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "day"], name="jobs_dailyrun_once")]
        verbose_name = _("запуск по расписанию")
        verbose_name_plural = _("запуски по расписанию")

    def __str__(self) -> str:
        return f"{self.kind} {self.day}"

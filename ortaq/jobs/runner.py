"""Start a job (a `Job` row and one task in the queue) and run it in a worker: idempotent, with progress.

A job's task carries only the job's id. Running it again after it finished does nothing; a worker killed
mid-job leaves the job `running` with an old heartbeat, and `recover()` (run when a worker starts) puts it
back in the queue: every kind of job either writes in one transaction or recomputes from scratch, so a
second run never doubles an effect.
"""

from __future__ import annotations

import datetime
import logging
import traceback
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from ortaq.jobs import registry
from ortaq.jobs.models import DailyRun, Job

try:  # Django 6 has the framework built in; on 5.2 the backport provides the same API
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

log = logging.getLogger(__name__)
HEARTBEAT_EVERY = datetime.timedelta(seconds=2)


def _live_key(job_id) -> str:
    return f"ortaq:job:{job_id}"


def _cancel_key(job_id) -> str:
    return f"ortaq:job:{job_id}:cancelled"


class Progress:
    """Handed to a job's function: `progress(done, total, message)` records how far it got.

    Inside the job's own transaction (an import) the database cannot carry it: the figures go to the cache,
    where pages read them (`with_live_progress`), and to the job's row when the job ends."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._last = timezone.now()

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        now = timezone.now()
        self.job.done, self.job.heartbeat_at = done, now
        if total is not None:
            self.job.total = total
        if message:
            self.job.message = message[:300]
        if now - self._last >= HEARTBEAT_EVERY or (total and done >= total) or done == 0:
            self._last = now
            cache.set(_live_key(self.job.pk), {"done": self.job.done, "total": self.job.total,
                                               "message": self.job.message, "heartbeat_at": now}, 24 * 3600)
            if not connection.in_atomic_block:
                Job.objects.filter(pk=self.job.pk).update(done=self.job.done, total=self.job.total,
                                                          message=self.job.message, heartbeat_at=now)

    def figures(self) -> dict:
        return {"done": self.job.done, "total": self.job.total, "message": self.job.message}

    def cancelled(self) -> bool:
        """Asked of the cache, not the database: a job may be in the middle of a COPY on its connection."""
        return bool(cache.get(_cancel_key(self.job.pk)))

    def check_cancelled(self) -> None:
        """Raise `Cancelled` when a user cancelled the job: inside a transaction, everything rolls back."""
        if self.cancelled():
            raise Cancelled

    def save_result(self, result) -> None:
        """Keep what the job produced (JSON) for the page that shows it."""
        self.job.result = result
        Job.objects.filter(pk=self.job.pk).update(result=result)


class Cancelled(Exception):
    """A job stopped because a user cancelled it."""


def after_commit(function: Callable[[], object]) -> None:
    """Run once the writing transaction commits; at once inside a test's never-committing transaction (its
    outermost block is the test case's: nothing inside it ever commits)."""
    blocks = connection.atomic_blocks
    if blocks and getattr(blocks[0], "_from_testcase", False):
        function()
    else:
        transaction.on_commit(function)


def start(kind: str, /, *, user=None, **params) -> Job:
    """Queue a job of this kind; with a coalescing kind, a job already queued is returned instead."""
    definition = registry.get(kind)
    if definition.coalesce:
        queued = Job.objects.filter(kind=kind, status=Job.Status.QUEUED, params=params).first()
        if queued is not None:
            return queued
    job = Job.objects.create(kind=kind, title=str(definition.title), params=params,
                             created_by=user if getattr(user, "pk", None) else None)
    after_commit(lambda: enqueue(job))
    return job


def enqueue(job: Job) -> None:
    run_job.enqueue(str(job.pk))


@task()
def run_job(job_id: str) -> None:
    """The one task every job runs through."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), heartbeat_at=timezone.now())
    if not claimed:
        return  # finished, cancelled, or another worker has it: nothing runs twice
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    progress = Progress(job)
    try:
        registry.get(job.kind).function(progress, **job.params)
    except Cancelled:
        return  # the job row says cancelled already; the transaction of the work was rolled back
    except Exception as error:  # the job is marked failed with its error shown; the worker goes on
        log.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job_id, Job.Status.FAILED, progress.figures(),
                error=f"{type(error).__name__}: {error}\n\n{traceback.format_exc()}")
        return
    _finish(job_id, Job.Status.DONE, progress.figures())


def _finish(job_id: str, status: str, figures: dict, error: str = "") -> None:
    Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
        status=status, error=error[:20000], finished_at=timezone.now(), heartbeat_at=timezone.now(), **figures)
    cache.delete(_live_key(job_id))


def with_live_progress(jobs):
    """The jobs, with the progress a running one has reported to the cache (not yet in its row)."""
    running = [job for job in jobs if job.status == Job.Status.RUNNING]
    live = cache.get_many([_live_key(job.pk) for job in running]) if running else {}
    for job in running:
        for field, value in (live.get(_live_key(job.pk)) or {}).items():
            setattr(job, field, value)
    return jobs


def retry(job: Job) -> Job:
    """Queue a failed or cancelled job again, with the same parameters."""
    Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, error="", done=0, finished_at=None)
    cache.delete(_cancel_key(job.pk))
    job.refresh_from_db()
    after_commit(lambda: enqueue(job))
    return job


def cancel(job: Job) -> bool:
    """Cancel a queued or running job (a running one stops at its next progress check)."""
    cancelled = bool(Job.objects.filter(pk=job.pk, status__in=Job.ACTIVE).update(
        status=Job.Status.CANCELLED, finished_at=timezone.now()))
    if cancelled:
        cache.set(_cancel_key(job.pk), True, 7 * 24 * 3600)
    return cancelled


def recover(stale_after: datetime.timedelta | None = None) -> int:
    """Queue again the jobs a killed worker left running (no heartbeat for a while); how many."""
    stale_after = stale_after or datetime.timedelta(seconds=getattr(settings, "ORTAQ_JOB_STALE_SECONDS", 120))
    cutoff = timezone.now() - stale_after
    stuck = [job for job in with_live_progress(list(Job.objects.filter(status=Job.Status.RUNNING,
                                                                       heartbeat_at__lt=cutoff)))
             if job.heartbeat_at < cutoff]  # a job working inside its transaction beats in the cache
    for job in stuck:
        if Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(status=Job.Status.QUEUED):
            enqueue(job)
    return len(stuck)


def start_daily(kind: str, hour: int, now: datetime.datetime | None = None) -> Job | None:
    """Start `kind` once a day at or after `hour` (local time), whichever worker gets there first."""
    now = timezone.localtime(now)
    if hour < 0 or now.hour < hour:
        return None
    return start(kind) if start_daily_marker(kind, now) else None


def start_daily_marker(kind: str, now: datetime.datetime | None = None) -> bool:
    """True for the first caller of the day for `kind`, on whatever machine."""
    now = timezone.localtime(now)
    with transaction.atomic():
        _, created = DailyRun.objects.get_or_create(kind=kind, day=now.date())
    return created


def prune(keep_days: int = 14) -> int:
    """Forget finished jobs older than `keep_days` (failed ones are kept until retried or cancelled)."""
    cutoff = timezone.now() - datetime.timedelta(days=keep_days)
    deleted, _ = Job.objects.filter(status__in=[Job.Status.DONE, Job.Status.CANCELLED],
                                    finished_at__lt=cutoff).delete()
    return deleted

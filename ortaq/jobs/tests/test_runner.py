"""Jobs through Django's task framework: progress, idempotence, recovery, coalescing, on both queues."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from ortaq.analytics.models import StaleRegion
from ortaq.core.models import SearchEntry
from ortaq.jobs import registry, runner
from ortaq.jobs.models import DailyRun, Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted_kind():
    """A kind of job that counts its runs and reports progress in three steps."""
    runs = []

    def count(progress, label="x"):
        for step in range(1, 4):
            progress(step, 3, f"{label} {step}")
        runs.append(label)

    registry.KINDS["test-count"] = registry.JobKind("test-count", "Счёт", count)
    yield runs
    registry.KINDS.pop("test-count")


def test_immediate_backend_runs_the_job_at_once_with_progress(counted_kind):
    job = runner.start("test-count", label="a")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.done == 3 and job.total == 3 and job.percent == 100
    assert counted_kind == ["a"] and job.attempts == 1 and job.finished_at is not None


def test_a_job_waits_in_the_queue_until_a_worker_runs_it(queue_backend, counted_kind):
    job = runner.start("test-count", label="q")
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and counted_kind == []
    queue_backend()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and counted_kind == ["q"] and job.message == "q 3"


def test_a_job_never_runs_twice(queue_backend, counted_kind):
    job = runner.start("test-count")
    runner.enqueue(job)  # the same job queued a second time, as after a lost acknowledgement
    queue_backend()
    assert counted_kind == ["x"]
    assert Job.objects.get(pk=job.pk).attempts == 1


def test_a_failed_job_shows_its_error_and_can_be_retried(queue_backend):
    calls = []

    def flaky(progress):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("файл повреждён")

    registry.KINDS["test-flaky"] = registry.JobKind("test-flaky", "Сбой", flaky)
    try:
        job = runner.start("test-flaky")
        queue_backend()
        job.refresh_from_db()
        assert job.status == Job.Status.FAILED and "ValueError: файл повреждён" in job.error
        runner.retry(job)
        queue_backend()
        job.refresh_from_db()
        assert job.status == Job.Status.DONE and job.error == "" and len(calls) == 2
    finally:
        registry.KINDS.pop("test-flaky")


def test_a_job_left_running_by_a_killed_worker_is_run_again(queue_backend, counted_kind):
    job = runner.start("test-count")
    # The worker took it and died: running, no heartbeat for minutes, its queue entry consumed.
    queue_backend_job_consumed = Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, heartbeat_at=timezone.now() - datetime.timedelta(minutes=10))
    assert queue_backend_job_consumed == 1
    queue_backend()  # the original queue entry finds the job running and leaves it alone
    assert counted_kind == []
    assert runner.recover() == 1
    queue_backend()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and counted_kind == ["x"]


def test_a_cancelled_job_does_not_run(queue_backend, counted_kind):
    job = runner.start("test-count")
    assert runner.cancel(job)
    queue_backend()
    assert counted_kind == [] and Job.objects.get(pk=job.pk).status == Job.Status.CANCELLED


def test_writes_to_regions_coalesce_into_one_refresh_job(queue_backend, demo):
    from ortaq.events.models import Event

    Job.objects.filter(kind="rollups").delete()
    StaleRegion.objects.all().delete()
    for number in range(5):
        Event.objects.create(title=f"Встреча {number}", kind=Event.Kind.MEETING, region=demo.karaganda,
                             start_date=datetime.date(2026, 3, number + 1))
    assert Job.objects.filter(kind="rollups", status=Job.Status.QUEUED).count() == 1
    assert StaleRegion.objects.filter(region_id=demo.karaganda.pk).exists()
    queue_backend()
    assert not StaleRegion.objects.exists()
    assert Job.objects.get(kind="rollups").status == Job.Status.DONE


def test_a_page_reads_the_last_rollup_while_a_refresh_is_queued(queue_backend, demo, client):
    from ortaq.analytics import rollups

    rollups.mark_stale([demo.karaganda.pk], whole_registry=False)
    page = client.get(demo.karaganda.get_absolute_url()).content.decode()
    assert "Итоги обновлены" in page and "последние изменения учитываются" in page
    assert StaleRegion.objects.filter(region_id=demo.karaganda.pk).exists()  # the page did not refresh
    assert rollups.pending_since(demo.karaganda.pk) is not None
    # With no worker for longer than the allowed lag, the reader refreshes itself.
    StaleRegion.objects.update(marked_at=timezone.now() - datetime.timedelta(hours=1))
    rollups.ensure_fresh_for_reader()
    assert not StaleRegion.objects.exists()


def test_search_rebuild_job_indexes_every_record(demo):
    SearchEntry.objects.all().delete()
    job = runner.start("search")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.done > 0
    assert SearchEntry.objects.count() == job.done


def test_daily_jobs_start_once_a_day_at_their_hour(counted_kind):
    morning = timezone.make_aware(datetime.datetime(2026, 12, 1, 7, 59))
    assert runner.start_daily("test-count", 8, now=morning) is None
    later = morning + datetime.timedelta(minutes=2)
    assert runner.start_daily("test-count", 8, now=later) is not None
    assert runner.start_daily("test-count", 8, now=later + datetime.timedelta(hours=3)) is None
    assert DailyRun.objects.filter(kind="test-count").count() == 1 and counted_kind == ["x"]


def test_jobs_command_lists_and_starts(capsys, demo):
    call_command("jobs", "--start", "search")
    call_command("jobs")
    out = capsys.readouterr().out
    assert "Перестроить поисковый индекс" in out and "done" in out


def test_old_finished_jobs_are_pruned_failed_ones_kept():
    old = timezone.now() - datetime.timedelta(days=30)
    done = Job.objects.create(kind="search", title="x", status=Job.Status.DONE, finished_at=old)
    failed = Job.objects.create(kind="search", title="y", status=Job.Status.FAILED, finished_at=old)
    fresh = Job.objects.create(kind="search", title="z", status=Job.Status.DONE, finished_at=timezone.now())
    assert runner.prune() == 1
    assert set(Job.objects.values_list("pk", flat=True)) >= {failed.pk, fresh.pk}
    assert not Job.objects.filter(pk=done.pk).exists()


def test_the_worker_command_runs_what_is_queued(settings):
    from unittest import mock

    from ortaq.jobs.tests.conftest import BACKENDS

    settings.ORTAQ_TASKS, settings.TASKS = "db", BACKENDS["db"]
    job = runner.start("ping")
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("worker", "--batch")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE


def test_the_worker_command_refuses_the_immediate_backend():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nothing to work on"):
        call_command("worker", "--batch")

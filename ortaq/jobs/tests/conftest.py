"""Switch the task backend per test: the database queue, or RQ on Redis (skipped where no Redis answers)."""

from __future__ import annotations

import os

import pytest
from django.test.utils import override_settings

BACKENDS = {
    "db": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}},
    "rq": {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
}


def _redis_answers() -> bool:
    import redis
    from django.conf import settings

    try:
        return bool(redis.Redis.from_url(settings.ORTAQ_REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["db", "rq"])
def queue_backend(request, settings):
    """Run the test on each queue backend; `run_worker()` works off what is queued, in this process."""
    name = request.param
    if name == "rq":
        if not _redis_answers():
            if os.environ.get("ORTAQ_REQUIRE_SERVICES"):
                pytest.fail("Redis does not answer at ORTAQ_REDIS_URL; CI requires the RQ backend tests")
            pytest.skip("Redis does not answer at ORTAQ_REDIS_URL: the RQ backend is not tested here")
    with override_settings(ORTAQ_TASKS=name, TASKS=BACKENDS[name]):
        if name == "rq":
            import django_rq

            django_rq.get_queue("default").empty()
        yield _worker(name)


def _worker(name: str):
    def run_worker() -> None:
        if name == "rq":
            import django_rq
            from django_tasks_rq.backend import Job
            from rq import SimpleWorker

            queue = django_rq.get_queue("default", job_class=Job)
            SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
        else:
            from unittest import mock

            from django.core.management import call_command

            # In this process the worker shares the test's connection, inside the test's transaction: its
            # "close old connections" between tasks would drop that connection (PostgreSQL) — not here.
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command("db_worker", queue_name="default", batch=True, reload=False, startup_delay=False,
                             verbosity=0)

    return run_worker

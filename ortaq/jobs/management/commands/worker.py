"""`ortaq worker`: run background jobs from the configured queue (database by default, Redis with ORTAQ_TASKS=rq).

Start as many as you like, on as many machines as share the database (and Redis). Each one also starts the
daily jobs at their hour (the first worker to get there starts them) and requeues jobs a killed worker left.
"""

from __future__ import annotations

import os
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from ortaq.jobs import registry, runner

SCHEDULE_EVERY_SECONDS = 30
DAILY_KINDS = ("remind", "overdue-webhooks")


def _schedule_loop(stop: threading.Event) -> None:
    while not stop.wait(SCHEDULE_EVERY_SECONDS):
        close_old_connections()
        try:
            for kind in DAILY_KINDS:
                if kind in registry.KINDS:
                    runner.start_daily(kind, settings.ORTAQ_REMIND_HOUR)
            runner.recover()
            if runner.start_daily_marker("prune"):
                runner.prune()
                if settings.ORTAQ_TASKS == "db":
                    call_command("prune_db_task_results", min_age_days=14, verbosity=0)
        except Exception:  # the schedule must not take the worker down; it tries again next round
            runner.log.exception("schedule round failed")
        finally:
            close_old_connections()


class Command(BaseCommand):
    help = "Run background jobs (imports, reading, analytics, reminders, webhooks) until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument("--no-schedule", action="store_true", help="do not start the daily jobs")
        parser.add_argument("--nice", type=int, default=10,
                            help="CPU priority below the web server's (0: the same): on a small machine a big "
                                 "import or reading run leaves the pages their CPU (default: %(default)s; "
                                 "--batch keeps the caller's priority)")

    def handle(self, *args, **options) -> None:
        backend = settings.ORTAQ_TASKS
        if backend == "immediate":
            raise CommandError("ORTAQ_TASKS=immediate runs jobs inside requests: there is nothing to work on.")
        if options["nice"] > 0 and not options["batch"] and hasattr(os, "nice"):
            os.nice(options["nice"])
        recovered = runner.recover()
        if recovered:
            self.stdout.write(f"requeued {recovered} interrupted job(s)")
        stop = threading.Event()
        if not options["no_schedule"] and not options["batch"]:
            threading.Thread(target=_schedule_loop, args=(stop,), daemon=True, name="ortaq-schedule").start()
        try:
            if backend == "rq":
                # django-tasks-rq's job class runs a task (the default one would call the Task object itself).
                # SimpleWorker runs each job in this process, as the database queue does: RQ's default worker
                # forks a child per job, which threw away what the job loaded (the reader's models, ~10 s,
                # loaded again for every reading job: 0.9 texts/s against 2.6 on the database queue).
                call_command("rqworker", "default", burst=options["batch"], with_scheduler=True,
                             job_class="django_tasks_rq.backend.Job", worker_class="rq.SimpleWorker")
            else:
                call_command("db_worker", queue_name="default", interval=1, reload=False, startup_delay=False,
                             batch=options["batch"])
        finally:
            stop.set()

"""`ortaq jobs`: the background jobs, newest first; start, retry or cancel one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ortaq.jobs import registry, runner
from ortaq.jobs.models import Job


class Command(BaseCommand):
    help = "List background jobs (queued, running with progress, failed with the error); start/retry/cancel."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--status", choices=Job.Status.values)
        parser.add_argument("--start", metavar="KIND", help="queue a job: " + ", ".join(sorted(registry.KINDS)))
        parser.add_argument("--retry", metavar="ID")
        parser.add_argument("--cancel", metavar="ID")

    def handle(self, *args, **options) -> None:
        if options["start"]:
            if options["start"] not in registry.KINDS:
                raise CommandError(f"unknown kind {options['start']!r}; known: {', '.join(sorted(registry.KINDS))}")
            job = runner.start(options["start"])
            self.stdout.write(f"queued {job.pk} {job.title}")
            return
        for action in ("retry", "cancel"):
            if options[action]:
                job = self._job(options[action])
                getattr(runner, action)(job)
                self.stdout.write(f"{action}: {job.pk}")
                return
        jobs = Job.objects.all()
        if options["status"]:
            jobs = jobs.filter(status=options["status"])
        for job in jobs[: options["limit"]]:
            self.stdout.write(self._line(job))

    @staticmethod
    def _job(job_id: str) -> Job:
        try:
            return Job.objects.get(pk=job_id)
        except (Job.DoesNotExist, ValueError, ValidationError) as error:
            raise CommandError(f"no job {job_id}") from error

    @staticmethod
    def _line(job: Job) -> str:
        progress = f"{job.done}/{job.total}" if job.total else str(job.done or "")
        line = f"{job.pk}  {job.created_at:%Y-%m-%d %H:%M:%S}  {job.status:<9}  {progress:>12}  {job.title}"
        if job.error:
            line += "\n    " + job.error.splitlines()[0]
        return line

"""Background work: edit latency with the refresh in the request vs in a worker, the queue's own overhead,
and press releases read per second by 1 and 2 workers, on the database queue and on Redis (RQ).

    ORTAQ_VAR_DIR=/tmp/bench-bg .venv/bin/python bench/bench_background.py [--agreements 100000 ...]
    ORTAQ_DATABASE_URL=postgres://… .venv/bin/python bench/bench_background.py

Edits are timed as the request pays for them: the save of a record and what runs when its transaction
commits (the rollup refresh in the request, or the queueing of one refresh job). The texts read are those of
../shared/eval/dev2/texts (skipped when ../shared is absent).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ortaq.settings")
os.environ.setdefault("ORTAQ_VAR_DIR", "/tmp/bench-bg")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
TEXTS = REPO.parent / "shared" / "eval" / "dev2" / "texts"
BACKENDS = {"db": "django_tasks_db.DatabaseBackend", "rq": "django_tasks_rq.RQBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend"}


def _use(backend: str) -> None:
    from django.test.utils import override_settings

    override_settings(ORTAQ_TASKS=backend, TASKS={"default": {"BACKEND": BACKENDS[backend]}}).enable()


def _edits(model, count: int) -> list[float]:
    from django.db import transaction

    timings = []
    records = list(model.objects.order_by("?")[:count])
    for record in (records * count)[:count] if records else []:
        started = time.perf_counter()
        with transaction.atomic():
            field = "title" if hasattr(record, "title") else "text"
            setattr(record, field, f"{getattr(record, field)[:200]} ·")
            record.save()
        timings.append(1000 * (time.perf_counter() - started))
    return timings


def _figures(label: str, timings: list[float]) -> None:
    if not timings:
        print(f"  {label:<34} no records to edit")
        return
    timings = sorted(timings)
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(f"  {label:<34} median {statistics.median(timings):8.1f} ms   p95 {p95:8.1f} ms   (n={len(timings)})")


def _worker(env: dict, count: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-m", "ortaq", "worker", "--no-schedule"], cwd=REPO, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(count)]


def _wait_for(kind: str, since, timeout: float = 900) -> float:
    from ortaq.jobs.models import Job

    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if not Job.objects.filter(kind=kind, created_at__gte=since, status__in=Job.ACTIVE).exists():
            return time.perf_counter() - started
        time.sleep(0.05)
    raise TimeoutError(kind)


def edit_latency(count: int) -> None:
    from ortaq.agreements.models import Agreement, Commitment
    from ortaq.analytics.models import StaleRegion

    print(f"\nEdit latency ({count} agreement and {count} commitment edits each way)")
    for backend, label in (("immediate", "refresh in the request"), ("db", "refresh queued for a worker")):
        _use(backend)
        _figures(f"agreements, {label}", _edits(Agreement, count))
        _figures(f"commitments, {label}", _edits(Commitment, count))
    _use("db")
    env = {**os.environ, "ORTAQ_TASKS": "db"}
    started = time.perf_counter()
    workers = _worker(env, 1)
    try:
        while StaleRegion.objects.exists() and time.perf_counter() - started < 600:
            time.sleep(0.05)
    finally:
        for worker in workers:
            worker.terminate()
    print(f"  region pages up to date after      {time.perf_counter() - started:8.1f} s (worker start included)")


def queue_overhead(backends: list[str], runs: int = 20) -> None:
    from django.utils import timezone

    from ortaq.jobs import runner
    from ortaq.jobs.models import Job

    print("\nQueue overhead: an empty job (`ping`), queued → finished (one worker already running)")
    for backend in backends:
        _use(backend)
        workers = _worker({**os.environ, "ORTAQ_TASKS": backend}, 1)
        try:
            time.sleep(6)  # the worker loads Django
            timings = []
            for _ in range(runs):
                since = timezone.now()
                started = time.perf_counter()
                job = runner.start("ping")
                _wait_for("ping", since, 60)
                assert Job.objects.get(pk=job.pk).status == Job.Status.DONE, "the worker did not run the job"
                timings.append(1000 * (time.perf_counter() - started))
            _figures(f"{backend} backend", timings)
        finally:
            for worker in workers:
                worker.terminate()


def reading(backends: list[str]) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from ortaq.reader.models import Reading
    from ortaq.sources.models import Document

    if not TEXTS.is_dir():
        print("\nReading throughput: skipped (../shared/eval/dev2/texts not found)")
        return
    count = len(list(TEXTS.glob("*.txt")))
    print(f"\nPress releases read per second ({count} texts; workers started before the texts are queued)")
    for backend in backends:
        _use(backend)
        rates = {}
        for workers_count in (1, 2):
            Document.objects.filter(reading__isnull=False).delete()
            Reading.objects.all().delete()
            workers = _worker({**os.environ, "ORTAQ_TASKS": backend}, workers_count)
            try:
                time.sleep(8)  # Django and the models load in each worker
                since = timezone.now()
                started = time.perf_counter()
                with open(os.devnull, "w") as quiet:
                    call_command("ingest", str(TEXTS), "--workers", str(workers_count), "--queue", stdout=quiet)
                _wait_for("reader", since)
                rates[workers_count] = count / (time.perf_counter() - started)
            finally:
                for worker in workers:
                    worker.terminate()
            print(f"  {backend} backend, {workers_count} worker(s): {rates[workers_count]:6.2f} texts/s")
        print(f"  {backend} backend, 2 workers / 1 worker: {rates[2] / rates[1]:.2f}×")


def _redis_answers() -> bool:
    import redis
    from django.conf import settings

    try:
        return bool(redis.Redis.from_url(settings.ORTAQ_REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--agreements", type=int, default=0, help="generate this many first (issue: 100000)")
    parser.add_argument("--commitments", type=int, default=0, help="generate this many first (issue: 500000)")
    parser.add_argument("--skip-reading", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0)
    if args.agreements or args.commitments:
        call_command("generate", organizations=max(100, args.agreements // 10), agreements=args.agreements,
                     commitments=args.commitments)
    from ortaq.agreements.models import Agreement, Commitment

    print(f"database: {connection.vendor}; agreements {Agreement.objects.count():,}, "
          f"commitments {Commitment.objects.count():,}")
    backends = ["db", *(["rq"] if _redis_answers() else [])]
    if "rq" not in backends:
        print("Redis does not answer at ORTAQ_REDIS_URL: the RQ backend is left out")
    edit_latency(args.edits)
    queue_overhead(backends)
    if not args.skip_reading:
        reading(backends)


if __name__ == "__main__":
    main()

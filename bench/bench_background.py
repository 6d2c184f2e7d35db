"""Background work: edit latency with the refresh in the request vs in a worker, the queue's own overhead,
and press releases read per second by 1 and 2 worker processes, on the database queue and on Redis (RQ).

    ORTAQ_VAR_DIR=/tmp/bench-bg .venv/bin/python bench/bench_background.py            # demo data: quick
    ORTAQ_VAR_DIR=/tmp/bench-100k .venv/bin/python bench/bench_background.py --agreements 100000 --commitments 500000
    .venv/bin/python bench/bench_background.py --only-reading --docs 60 --jobs-per-worker 4

Edits go through the records' edit pages (Django test client, signed in as the demo administrator): the form
read from the page, one field changed, the POST timed until its redirect — with the rollup refresh in the
request (`immediate`) and queued for a worker (`db`); then how long until the region pages are current. The
edits use the default database (SQLite unless ORTAQ_DATABASE_URL); `--agreements/--commitments` generate that
many first (issue scale: 100000/500000; 5 min for 25000/125000 and 12 min for 50000/250000 on 2 busy cores, so
~25 min at the issue's).

Reading runs on its own PostgreSQL database (`--reading-database`, created afresh; `same` for the default
database): `--docs` texts of `--texts` (default ../shared/eval/dev2/texts) repeated with a marker, real
`ortaq worker` processes whose models a warm-up job loads before the clock starts, the texts queued as
`--jobs-per-worker` jobs per worker (`ortaq ingest --queue --workers N`). Beside texts/s it prints the workers'
CPU seconds per text, and the rate that CPU time allows on idle cores (this machine is shared). RQ uses its own
Redis database number (`--redis-url`). Figures: bench/RESULTS.md.
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
TEXTS = next((path for path in (REPO.parent / "shared" / "eval" / "dev2" / "texts",
                                Path("/work/shared/eval/dev2/texts")) if path.is_dir()),
             REPO.parent / "shared" / "eval" / "dev2" / "texts")
BACKENDS = {"db": "django_tasks_db.DatabaseBackend", "rq": "django_tasks_rq.RQBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend"}


def _use(backend: str) -> None:
    from django.test.utils import override_settings

    override_settings(ORTAQ_TASKS=backend, TASKS={"default": {"BACKEND": BACKENDS[backend]}}).enable()


def _edits(model, count: int, client) -> list[float]:
    """Edits through the record's edit page, as a browser sends them: the form read from the page (GET, not
    timed), one field changed, the POST timed until its redirect."""
    from django.urls import reverse

    sys.path.insert(0, str(REPO / "bench"))
    from bench_load import form_fields

    name, field = ("agreement", "title") if model.__name__ == "Agreement" else ("commitment", "text")
    timings = []
    pks = list(model.objects.order_by("?").values_list("pk", flat=True)[:count])
    for pk in (pks * count)[:count] if pks else []:
        url = reverse(f"agreements:{name}_edit", args=[pk])
        data: dict[str, list[str]] = {}
        for key, value in form_fields(client.get(url).content.decode(), field):
            data.setdefault(key, []).append(value)
        data[field] = [f"{data[field][0][:200]} ·"]
        started = time.perf_counter()
        response = client.post(url, data)
        timings.append(1000 * (time.perf_counter() - started))
        assert response.status_code == 302, (url, response.status_code, response.content.decode()[:3000])
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
    from django.contrib.auth import get_user_model
    from django.core import signals
    from django.db import close_old_connections
    from django.test import Client

    from ortaq.agreements.models import Agreement, Commitment
    from ortaq.analytics.models import StaleRegion

    # One connection for the whole run, as a server process keeps it (CONN_MAX_AGE).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    print(f"\nEdit latency ({count} agreement and {count} commitment edits through their edit pages, each way)")
    for backend, label in (("immediate", "refresh in the request"), ("db", "refresh queued for a worker")):
        _use(backend)
        _figures(f"agreements, {label}", _edits(Agreement, count, client))
        _figures(f"commitments, {label}", _edits(Commitment, count, client))
    _use("db")
    workers = _worker({**os.environ, "ORTAQ_TASKS": "db"}, 1)
    try:
        time.sleep(8)  # the worker loads Django; the refresh job queued by the edits above waits for it
        started = time.perf_counter()
        while StaleRegion.objects.exists() and time.perf_counter() - started < 600:
            time.sleep(0.05)
        print(f"  region pages up to date after      {time.perf_counter() - started:8.1f} s (the edits' refresh "
              "job, run by a worker started after them)")
        # With a worker already running: one edit, then the time until its regions are up to date.
        lags = []
        for _ in range(5):
            _edits(Agreement, 1, client)
            started = time.perf_counter()
            while StaleRegion.objects.exists() and time.perf_counter() - started < 600:
                time.sleep(0.02)
            lags.append(time.perf_counter() - started)
        print(f"  one edit → its region page current  median {statistics.median(lags):6.1f} s, max {max(lags):.1f} s "
              "(worker running, database queue polled every second)")
    finally:
        for worker in workers:
            worker.terminate()


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


def _corpus(folder: Path, docs: int) -> int:
    """`docs` texts in folder, the source texts repeated with a marker line (each copy a new text); distinct count."""
    sources = sorted(TEXTS.glob("*.txt"))
    for index in range(docs):
        source, copy = sources[index % len(sources)], index // len(sources)
        text = source.read_text(encoding="utf-8") + (f"\n\n(копия {copy})\n" if copy else "")
        (folder / f"{copy:03d}_{source.name}").write_text(text, encoding="utf-8")
    return len(sources)


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds used so far by these processes (from /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _backends() -> list[int]:
    """The database server's processes serving this database (PostgreSQL on this machine), else none."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        return [pid for (pid,) in cursor.fetchall()]


def _reading_run(backend: str, workers_count: int, folder: Path, jobs: int) -> dict:
    """One measured run: `workers_count` worker processes (models loaded by a first small job each), then
    the texts queued as `jobs` reading jobs; texts/s from the queueing to the last job's end."""
    from django.core.management import call_command
    from django.utils import timezone

    from ortaq.jobs.models import Job
    from ortaq.reader.models import Reading
    from ortaq.sources.models import Document

    Reading.objects.all().delete()
    Document.objects.filter(sources__isnull=True).delete()
    Job.objects.filter(kind="reader").delete()
    workers = _worker({**os.environ, "ORTAQ_TASKS": backend}, workers_count)
    try:
        # Warm-up: one text per worker, so each worker process has its models loaded before the clock starts
        # (a long-running worker loads them once; the first job of a fresh process pays ~10 s for them).
        warm = Path(folder.parent / "warm")
        warm.mkdir(exist_ok=True)
        for number in range(workers_count):
            (warm / f"warm-{number}.txt").write_text(f"Разогрев {number}. " + next(TEXTS.glob("*.txt")).read_text(
                encoding="utf-8"), encoding="utf-8")
        since = timezone.now()
        warm_started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("ingest", str(warm), "--workers", str(workers_count), "--queue", stdout=quiet)
        _wait_for("reader", since)
        warm_s = time.perf_counter() - warm_started
        count = len(list(folder.glob("*.txt")))
        pids = [worker.pid for worker in workers]
        cpu, database_cpu = _cpu_seconds(pids), {pid: _cpu_seconds([pid]) for pid in _backends()}
        since = timezone.now()
        started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("ingest", str(folder), "--workers", str(jobs), "--queue", stdout=quiet)
        _wait_for("reader", since)
        seconds = time.perf_counter() - started
        # (a server process that ended meanwhile is left out; one that started counts from zero)
        cpu = _cpu_seconds(pids) - cpu
        database_cpu = sum(_cpu_seconds([pid]) - database_cpu.get(pid, 0) for pid in _backends())
        failed = Job.objects.filter(kind="reader", created_at__gte=since).exclude(status=Job.Status.DONE).count()
        return {"rate": count / seconds, "seconds": seconds, "cpu_per_text": cpu / count,
                "database_cpu_per_text": database_cpu / count, "warm_s": warm_s, "failed": failed,
                "load": os.getloadavg()[0]}
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)


def reading(backends: list[str], docs: int, jobs_per_worker: int) -> None:
    import tempfile

    from django.db import connection

    if not TEXTS.is_dir():
        print(f"\nReading throughput: skipped ({TEXTS} not found; --texts DIR)")
        return
    with tempfile.TemporaryDirectory(prefix="ortaq-bench-reading-") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        distinct = _corpus(folder, docs)
        print(f"\nPress releases read per second ({docs} texts from {distinct} of {TEXTS}, repeated with a marker; "
              f"{connection.vendor}; worker processes started and their models loaded first; the texts queued "
              f"as {jobs_per_worker} job(s) per worker)")
        for backend in backends:
            _use(backend)
            rates = {}
            for workers_count in (1, 2):
                run = _reading_run(backend, workers_count, folder, jobs_per_worker * workers_count)
                rates[workers_count] = run["rate"]
                # On a machine shared with other work the wall-clock rate says how much CPU the others left;
                # the workers' own CPU time per text bounds what they would do on idle cores.
                bound = min(workers_count, os.cpu_count() or 1) / run["cpu_per_text"]
                print(f"  {backend} backend, {workers_count} worker(s): {run['rate']:6.2f} texts/s "
                      f"({run['seconds']:.1f} s; worker CPU {run['cpu_per_text']:.2f} s/text → {bound:.2f} texts/s on "
                      f"idle cores; database CPU {run['database_cpu_per_text']:.3f} s/text; warm-up {run['warm_s']:.1f} s; failed jobs {run['failed']}; load average "
                      f"{run['load']:.1f})", flush=True)
            print(f"  {backend} backend, 2 workers / 1 worker: {rates[2] / rates[1]:.2f}×", flush=True)


def _reading_elsewhere(args) -> None:
    """The reading figures on their own PostgreSQL database (SQLite has one writer: two workers wait on it)."""
    import psycopg

    base, name = args.reading_database.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    env = {**os.environ, "ORTAQ_DATABASE_URL": args.reading_database,
           "ORTAQ_VAR_DIR": os.environ["ORTAQ_VAR_DIR"] + "-reading"}
    subprocess.run([sys.executable, __file__, "--only-reading", "--reading-database", "same", "--docs", str(args.docs),
                    "--jobs-per-worker", str(args.jobs_per_worker), "--texts", str(TEXTS),
                    "--redis-url", args.redis_url], env=env, check=True)


def _redis_answers() -> bool:
    import redis
    from django.conf import settings

    try:
        return bool(redis.Redis.from_url(settings.ORTAQ_REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def main() -> None:
    global TEXTS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--agreements", type=int, default=0, help="generate this many first (issue: 100000)")
    parser.add_argument("--commitments", type=int, default=0, help="generate this many first (issue: 500000)")
    parser.add_argument("--skip-reading", action="store_true")
    parser.add_argument("--only-reading", action="store_true")
    parser.add_argument("--texts", type=Path, default=TEXTS, help="press releases (*.txt) to read")
    parser.add_argument("--docs", type=int, default=60, help="texts read per run (the texts repeated with a marker)")
    parser.add_argument("--jobs-per-worker", type=int, default=4,
                        help="reading jobs queued per worker (`ingest --queue --workers N`): smaller jobs even out")
    parser.add_argument("--reading-database", default="postgres://ortaq:ortaq@127.0.0.1:5432/bench_reading",
                        help="a PostgreSQL URL for the reading figures (created afresh), or 'same'")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9",
                        help="the RQ backend's Redis (a database number of its own)")
    args = parser.parse_args()
    TEXTS = args.texts
    os.environ["ORTAQ_REDIS_URL"] = args.redis_url
    if args.only_reading and args.reading_database != "same":
        return _reading_elsewhere(args)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0)
    call_command("demousers", verbosity=0)
    if args.agreements or args.commitments:
        started = time.perf_counter()
        call_command("generate", organizations=max(100, args.agreements // 10), agreements=args.agreements,
                     commitments=args.commitments)
        print(f"generated {args.agreements:,} agreements and {args.commitments:,} commitments in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    from ortaq.agreements.models import Agreement, Commitment

    print(f"database: {connection.vendor}; agreements {Agreement.objects.count():,}, "
          f"commitments {Commitment.objects.count():,}")
    backends = ["db", *(["rq"] if _redis_answers() else [])]
    if "rq" not in backends:
        print("Redis does not answer at ORTAQ_REDIS_URL: the RQ backend is left out")
    if not args.only_reading:
        edit_latency(args.edits)
        queue_overhead(backends)
    if not args.skip_reading:
        if args.reading_database == "same":
            reading(backends, args.docs, args.jobs_per_worker)
        else:
            _reading_elsewhere(args)


if __name__ == "__main__":
    main()

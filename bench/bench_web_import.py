"""A big food-belt import through the web (upload → check job → confirm → import job) against
`ortaq import-deliveries` on the same file, on PostgreSQL, with other users reading pages meanwhile.

    .venv/bin/python bench/bench_web_import.py                    # 50 000 rows: a quick run (~2 min)
    .venv/bin/python bench/bench_web_import.py --rows 1000000     # the issue's scale (~10 min on 2 cores)

One PostgreSQL database is prepared (migrate, loaddemo, demousers, `generate --suppliers N`) and copied
(CREATE DATABASE … TEMPLATE) so the CLI and the web import each start from the same state. Then:
- `ortaq import-deliveries FILE --no-progress` in a child process: wall time, peak RSS;
- a gunicorn (as `make run` starts it: gthread workers) and one `ortaq worker --no-schedule` process (a
  separate process, database queue by default, `--backend rq` for Redis) on the copy; a client signed in as
  the demo administrator uploads the file over HTTP, waits for the check job (polling the page as the browser
  does), confirms, and waits for the import job: total time from the upload to the import's end, with its
  parts; peak RSS (VmHWM) of each gunicorn process and of the worker;
- meanwhile another (anonymous) user reads a region page, the delivery list and the food-belt dashboard, one
  request every `--reader-interval` seconds: p50/p95/max of those requests during the web import.

Targets (issue 12): web total ≤ 1.2 × the command; other users' p95 ≤ 300 ms.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
POSTGRES = os.environ.get("ORTAQ_BENCH_POSTGRES_URL", "postgres://ortaq:ortaq@127.0.0.1:5432/postgres")
BASE = POSTGRES.rsplit("/", 1)[0]
TEMPLATE_DB, CLI_DB, WEB_DB = "bench_webimport_base", "bench_webimport_cli", "bench_webimport_web"
IMPORT_URL = "/foodbelt/import/deliveries/"


def use_databases(prefix: str) -> None:
    """Name the three databases `<prefix>_base`, `<prefix>_cli`, `<prefix>_web` (beside other runs' databases)."""
    global TEMPLATE_DB, CLI_DB, WEB_DB
    TEMPLATE_DB, CLI_DB, WEB_DB = f"{prefix}_base", f"{prefix}_cli", f"{prefix}_web"


def _env(url: str, workdir: Path, backend: str, redis_url: str) -> dict:
    return {**os.environ, "ORTAQ_DATABASE_URL": url, "OPENBLAS_NUM_THREADS": "1", "ORTAQ_TASKS": backend,
            "ORTAQ_REDIS_URL": redis_url, "ORTAQ_VAR_DIR": str(workdir / "var"), "ORTAQ_DEBUG": "0",
            "PYTHONPATH": str(ROOT)}


def _sql(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{BASE}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _count(database: str) -> int:
    import psycopg

    with psycopg.connect(f"{BASE}/{database}") as connection:
        return connection.execute("SELECT count(*) FROM foodbelt_delivery").fetchone()[0]


def _job(database: str, kind: str) -> tuple | None:
    import psycopg

    with psycopg.connect(f"{BASE}/{database}") as connection:
        return connection.execute("SELECT id, status, done, total, params->>'token', error, started_at, finished_at "
                                  "FROM jobs_job WHERE kind = %s ORDER BY created_at DESC LIMIT 1",
                                  [kind]).fetchone()


def prepare(args, env: dict) -> None:
    ortaq = [PYTHON, "-m", "ortaq"]
    for database in (CLI_DB, WEB_DB):
        _sql(f"DROP DATABASE IF EXISTS {database}")
    started = time.perf_counter()
    if args.reuse_template:
        for database in (CLI_DB, WEB_DB):
            _sql(f"CREATE DATABASE {database} TEMPLATE {TEMPLATE_DB}")
        return
    _sql(f"DROP DATABASE IF EXISTS {TEMPLATE_DB}")
    _sql(f"CREATE DATABASE {TEMPLATE_DB}")
    for command in (["migrate", "-v0"], ["loaddemo"], ["demousers"], ["generate", "--suppliers", str(args.suppliers)]):
        subprocess.run([*ortaq, *command], env=env, cwd=ROOT, check=True, capture_output=True)
    if not args.csv.exists():
        print(f"== writing {args.rows:,} synthetic rows to {args.csv}", flush=True)
        subprocess.run([PYTHON, str(ROOT / "bench" / "bench_foodbelt.py"), "--phase", "csv", "--csv", str(args.csv),
                        "--rows", str(args.rows)], env=env, cwd=ROOT, check=True, capture_output=True)
    for database in (CLI_DB, WEB_DB):
        _sql(f"CREATE DATABASE {database} TEMPLATE {TEMPLATE_DB}")
    print(f"== prepared in {time.perf_counter() - started:.0f} s; file {args.csv.stat().st_size / 1e6:.0f} MB",
          flush=True)


def cli_import(args, env: dict) -> tuple[float, int]:
    before = _count(CLI_DB)
    started = time.perf_counter()
    child = subprocess.Popen([PYTHON, "-m", "ortaq", "import-deliveries", str(args.csv), "--no-progress", "-v", "2"],
                             env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"import-deliveries failed:\n{output}")
    added = _count(CLI_DB) - before
    phases = "; ".join(line.strip() for line in output.splitlines() if line.startswith("  ") and line.endswith(" s"))
    print(f"   command: {seconds:.1f} s, {added:,} added, peak RSS {usage.ru_maxrss // 1024} MB ({phases})",
          flush=True)
    return seconds, usage.ru_maxrss // 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _tree(pid: int) -> list[int]:
    """The process and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _peak_mb(pid: int) -> int:
    """VmHWM: the process's peak resident memory so far."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class Readers(threading.Thread):
    """Another user reading pages while the import runs: one request every `interval` seconds, round robin."""

    def __init__(self, base: str, paths: list[str], interval: float) -> None:
        super().__init__(daemon=True)
        self.base, self.paths, self.interval = base, paths, interval
        self.times: dict[str, list[float]] = {path: [] for path in paths}
        self.errors: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        session = requests.Session()
        index = 0
        while not self.stop.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            started = time.perf_counter()
            try:
                response = session.get(self.base + path, timeout=60)
                if response.status_code >= 400:
                    self.errors.append(f"{response.status_code} {path}")
            except requests.RequestException as error:
                self.errors.append(f"{path}: {error}")
            elapsed = time.perf_counter() - started
            self.times[path].append(elapsed * 1000)
            self.stop.wait(max(0.0, self.interval - elapsed))

    def report(self) -> float:
        p95 = _percentiles(self.times)
        if self.errors:
            print(f"     errors: {len(self.errors)}, first: {self.errors[0]}")
        return p95


def _percentiles(by_path: dict[str, list[float]]) -> float:
    """Print p50/p95/max per page and for all; the p95 of all."""
    everything = sorted(t for times in by_path.values() for t in times)
    p95 = 0.0
    for path, times in [*by_path.items(), ("all", everything)]:
        if times:
            times = sorted(times)
            p95 = times[max(0, round(0.95 * len(times)) - 1)]
            print(f"     {path:<40} n={len(times):4d}  p50 {statistics.median(times):7.0f} ms  "
                  f"p95 {p95:7.0f} ms  max {times[-1]:7.0f} ms")
    return p95


def _reader_paths(env: dict) -> list[str]:
    script = ("from ortaq.regions.models import Region; from ortaq.foodbelt.demo import capital_program; "
              "print(Region.objects.by_code('KZ-35').get_absolute_url()); "
              "print(capital_program().get_absolute_url())")
    out = subprocess.run([PYTHON, "-m", "ortaq", "shell", "-c", script], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.split()
    region, program = [word for word in out if word.startswith("/")][-2:]
    return [region, "/foodbelt/deliveries/", program]


def _wait_job(base: str, session: requests.Session, kind: str, timeout: float) -> tuple:
    """Poll the import page as the browser does (every second) until the job of `kind` has ended."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        job = _job(WEB_DB, kind)
        if job is not None:
            session.get(f"{base}{IMPORT_URL}?job={job[0]}", headers={"HX-Request": "true"}, timeout=60)
            if job[1] not in ("queued", "running"):
                return job
        time.sleep(1)
    raise SystemExit(f"{kind} did not end within {timeout} s")


def web_import(args, env: dict) -> dict:
    before = _count(WEB_DB)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "ortaq.wsgi", "--bind", f"127.0.0.1:{port}",
                                 "--workers", str(args.web_workers), "--worker-class", "gthread", "--threads", "8",
                                 "--timeout", "300"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([PYTHON, "-m", "ortaq", "worker", "--no-schedule", *args.worker_args.split()], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    readers = None
    try:
        for _attempt in range(120):
            try:
                if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        session = requests.Session()
        session.get(f"{base}/accounts/login/", timeout=30)
        login = session.post(f"{base}/accounts/login/", allow_redirects=False, timeout=30,
                             data={"username": "admin", "password": "ortaq-demo",
                                   "csrfmiddlewaretoken": session.cookies["csrftoken"]})
        assert login.status_code == 302, login.status_code
        paths = _reader_paths(env)
        readers = Readers(base, paths, args.reader_interval)
        readers.start()
        time.sleep(args.baseline)  # requests before the upload: the pages' time without an import
        quiet = {path: list(times) for path, times in readers.times.items()}
        session.get(f"{base}{IMPORT_URL}", timeout=30)
        started = time.perf_counter()
        with open(args.csv, "rb") as stream:
            upload = session.post(f"{base}{IMPORT_URL}", allow_redirects=False, timeout=600,
                                  files={"file": (args.csv.name, stream, "text/csv")},
                                  headers={"X-CSRFToken": session.cookies["csrftoken"], "Referer": base + IMPORT_URL})
        uploaded = time.perf_counter()
        assert upload.status_code == 302, (upload.status_code, upload.text[:2000])
        check = _wait_job(base, session, "foodbelt-check", args.timeout)
        checked = time.perf_counter()
        assert check[1] == "done" and check[4], check
        page = session.get(f"{base}{IMPORT_URL}?job={check[0]}", timeout=60)
        assert check[4] in page.text, "the preview offers no confirmation"
        confirm = session.post(f"{base}{IMPORT_URL}", allow_redirects=False, timeout=60,
                               data={"token": check[4], "file_name": args.csv.name,
                                     "csrfmiddlewaretoken": session.cookies["csrftoken"]},
                               headers={"Referer": base + IMPORT_URL})
        assert confirm.status_code == 302, confirm.status_code
        done = _wait_job(base, session, "foodbelt-import", args.timeout)
        finished = time.perf_counter()
        assert done[1] == "done", done
        dashboard = session.get(f"{base}{IMPORT_URL}?job={done[0]}", allow_redirects=True, timeout=60)
        readers.stop.set()
        readers.join()
        added = _count(WEB_DB) - before
        web_peaks = {pid: _peak_mb(pid) for pid in _tree(gunicorn.pid)}
        worker_peak = max(_peak_mb(pid) for pid in _tree(worker.pid))
        total = finished - started
        print(f"   web: {total:.1f} s in all, {added:,} added: upload {uploaded - started:.1f} s, check job "
              f"{checked - uploaded:.1f} s, import job {finished - checked:.1f} s (each including up to 1 s of "
              f"polling); page after the import: {dashboard.status_code} {dashboard.url.removeprefix(base)}",
              flush=True)
        print(f"   peak RSS: gunicorn processes {sorted(web_peaks.values())} MB, worker {worker_peak} MB")
        for path, times in quiet.items():
            readers.times[path] = readers.times[path][len(times):]
        print(f"   other users' requests before the upload (every {args.reader_interval} s):")
        _percentiles(quiet)
        print("   other users' requests during the web import:")
        p95 = readers.report()
        return {"web_s": total, "added": added, "web_peak_mb": max(web_peaks.values()), "worker_peak_mb": worker_peak,
                "readers_p95_ms": p95, "upload_s": uploaded - started, "check_s": checked - uploaded,
                "import_s": finished - checked}
    finally:
        if readers is not None:
            readers.stop.set()
        for process in (worker, gunicorn):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the file (issue: 1000000)")
    parser.add_argument("--suppliers", type=int, default=2000)
    parser.add_argument("--backend", choices=["db", "rq"], default="db", help="the worker's queue")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9", help="for --backend rq (own db number)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn worker processes (8 threads each)")
    parser.add_argument("--reader-interval", type=float, default=0.5, help="seconds between other users' requests")
    parser.add_argument("--cli-seconds", type=float, default=0,
                        help="skip the command's run and compare with this time (of an earlier run)")
    parser.add_argument("--worker-args", default="", help="more arguments of `ortaq worker`, e.g. '--nice 0'")
    parser.add_argument("--baseline", type=float, default=20, help="seconds of other users' requests before the upload")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "ortaq-bench-web")
    parser.add_argument("--db-prefix", default="bench_webimport",
                        help="names of the databases: PREFIX_base (the template), PREFIX_cli, PREFIX_web")
    parser.add_argument("--reuse-template", action="store_true",
                        help="start from the last run's prepared database (same --rows and --suppliers)")
    args = parser.parse_args()
    use_databases(args.db_prefix)
    args.workdir.mkdir(parents=True, exist_ok=True)
    args.csv = args.workdir / f"deliveries-{args.rows}.csv"
    env = _env(f"{BASE}/{TEMPLATE_DB}", args.workdir, args.backend, args.redis_url)
    print(f"{args.rows:,} rows, PostgreSQL, {args.backend} queue, CPUs {os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    prepare(args, env)
    if args.cli_seconds:
        cli_s, cli_mb = args.cli_seconds, 0
    else:
        print("== ortaq import-deliveries", flush=True)
        cli_s, cli_mb = cli_import(args, {**env, "ORTAQ_DATABASE_URL": f"{BASE}/{CLI_DB}"})
    print("== web: upload, check job, confirm, import job", flush=True)
    web = web_import(args, {**env, "ORTAQ_DATABASE_URL": f"{BASE}/{WEB_DB}"})
    print(f"\nrows {args.rows:,}: command {cli_s:.1f} s (peak {cli_mb} MB), web {web['web_s']:.1f} s → "
          f"{web['web_s'] / cli_s:.2f}× (target ≤ 1.2×); peak RSS web {web['web_peak_mb']} MB, worker "
          f"{web['worker_peak_mb']} MB; other users' p95 {web['readers_p95_ms']:.0f} ms (target ≤ 300 ms); "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

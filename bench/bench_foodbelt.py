"""Food belt at scale: importing a million deliveries and the program dashboard over them, SQLite and PostgreSQL.

For each database: a fresh database (migrate, loaddemo, `generate --suppliers N`), a synthetic CSV of ROWS
deliveries, then
- `ortaq import-deliveries FILE` in a subprocess: wall time and peak memory (max RSS), its phases (PostgreSQL),
  and the database's own bulk loader on the same file in the same run (`sqlite3 .import`, PostgreSQL `COPY`)
  for the ratio;
- a second run of the same import (adds nothing; time);
- the program dashboard: median server time of repeated requests (Django test client, no network) against the
  median time of the raw SQL aggregates over the deliveries that the dashboard would need without rollups.

    .venv/bin/python bench/bench_foodbelt.py [--rows 1000000] [--suppliers 2000] [--db sqlite,postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
POSTGRES = os.environ.get("ORTAQ_BENCH_POSTGRES_URL", "postgres://ortaq:ortaq@127.0.0.1:5432/ortaq")
BENCH_DB = "ortaq_bench_foodbelt"
COLUMNS = ["supplier_bin", "supplier", "category", "date", "tonnes", "tenge", "consumer_region", "consumer",
           "document_number"]


def run(args: list[str], url: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "ORTAQ_DATABASE_URL": url, "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.run(args, env=env, cwd=ROOT, check=True, text=True, capture_output=True, **kwargs)


def timed_child(args: list[str], url: str) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MB) and output of a child process."""
    env = {**os.environ, "ORTAQ_DATABASE_URL": url, "OPENBLAS_NUM_THREADS": "1"}
    started = time.perf_counter()
    child = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output}")
    phases = [line.strip() for line in output.splitlines() if line.startswith("  ") and line.endswith(" s")]
    return elapsed, usage.ru_maxrss // 1024, [*phases, *output.strip().splitlines()[-2:]]


def fresh_database(kind: str, workdir: Path) -> str:
    if kind == "sqlite":
        path = workdir / "bench.sqlite3"
        for stale in workdir.glob("bench.sqlite3*"):
            stale.unlink()
        return f"sqlite:///{path}"
    import psycopg

    base = POSTGRES.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")
    return f"{base}/{BENCH_DB}"


def bulk_load(kind: str, url: str, csv_path: Path) -> float:
    """Seconds for the database's own loader to read the same CSV into a plain table."""
    create = f"CREATE TABLE bulk_load ({', '.join(f'{name} text' for name in COLUMNS)})"
    if kind == "sqlite":
        if shutil.which("sqlite3") is None:
            raise SystemExit("the sqlite3 command-line shell is needed: apt-get install -y sqlite3")
        database = url.removeprefix("sqlite:///")
        script = f"DROP TABLE IF EXISTS bulk_load;\n{create};\n.import --csv --skip 1 {csv_path} bulk_load\n"
        started = time.perf_counter()
        subprocess.run(["sqlite3", database], input=script, text=True, check=True)
        elapsed = time.perf_counter() - started
        subprocess.run(["sqlite3", database], input="DROP TABLE bulk_load;\n", text=True, check=True)
        return elapsed
    import psycopg

    with psycopg.connect(url) as connection:
        connection.execute("DROP TABLE IF EXISTS bulk_load")
        connection.execute(create)
        started = time.perf_counter()
        with connection.cursor().copy("COPY bulk_load FROM STDIN (FORMAT csv, HEADER true)") as copy, \
                open(csv_path, "rb") as stream:
            while block := stream.read(1 << 20):
                copy.write(block)
        connection.commit()
        elapsed = time.perf_counter() - started
        connection.execute("DROP TABLE bulk_load")
    return elapsed


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ortaq.settings")
    import django

    django.setup()


def phase_csv(path: Path, rows: int) -> None:
    """(child) Write the synthetic CSV from the suppliers of the current database."""
    setup_django()
    from ortaq.foodbelt.synthetic import write_csv

    print(json.dumps({"rows": write_csv(path, rows)}))


RAW_SQL = {
    "region_year": "SELECT o.region_id, {year}, SUM(d.value_tenge), SUM(d.volume_tonnes), COUNT(*), "
                   "COUNT(DISTINCT d.supplier_id) FROM foodbelt_delivery d JOIN foodbelt_supplier s ON "
                   "s.id = d.supplier_id JOIN directory_organization o ON o.id = s.organization_id "
                   "WHERE d.consumer_region_id = %s GROUP BY o.region_id, {year}",
    "category": "SELECT d.category_id, SUM(d.value_tenge), SUM(d.volume_tonnes) FROM foodbelt_delivery d "
                "WHERE d.consumer_region_id = %s AND d.date >= %s AND d.date < %s GROUP BY d.category_id",
    "month": "SELECT {year}, {month}, SUM(d.value_tenge), SUM(d.volume_tonnes) FROM foodbelt_delivery d "
             "WHERE d.consumer_region_id = %s GROUP BY {year}, {month}",
    "top": "SELECT d.supplier_id, SUM(d.value_tenge) AS total FROM foodbelt_delivery d WHERE "
           "d.consumer_region_id = %s AND d.date >= %s AND d.date < %s GROUP BY d.supplier_id "
           "ORDER BY total DESC LIMIT 10",
}


def phase_dashboard(requests: int, raw_runs: int) -> None:
    """(child) Median server time of the dashboard, and of the raw aggregates over deliveries."""
    setup_django()
    import datetime

    from django.core import signals
    from django.db import close_old_connections, connection, reset_queries
    from django.test import Client

    from ortaq.foodbelt.demo import capital_program
    from ortaq.foodbelt.models import Delivery
    from ortaq.foodbelt.rollups import _part

    # One connection for the whole run, as a server process keeps it (CONN_MAX_AGE).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    program = capital_program()
    client = Client()
    url = program.get_absolute_url()
    for _warm in range(3):
        assert client.get(url).status_code == 200
    times = []
    for _request in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200
    queries = []
    with connection.execute_wrapper(lambda execute, sql, params, many, context: (queries.append(sql),
                                                                                 execute(sql, params, many, context))[1]):
        client.get(url)
    reset_queries()
    year = 2018
    params = {"region_year": [program.consumer_region_id], "month": [program.consumer_region_id],
              "category": [program.consumer_region_id, datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)]}
    params["top"] = params["category"]
    raw_times = []
    for _run in range(raw_runs):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for name, sql in RAW_SQL.items():
                cursor.execute(sql.format(year=_part("year"), month=_part("month")), params[name])
                cursor.fetchall()
        raw_times.append(time.perf_counter() - started)
    print(json.dumps({"dashboard_ms": statistics.median(times) * 1000, "raw_ms": statistics.median(raw_times) * 1000,
                      "queries": len(queries), "deliveries": Delivery.objects.count()}))


def bench(kind: str, args, workdir: Path, csv_path: Path) -> dict:
    print(f"== {kind}: preparing a fresh database with {args.suppliers} suppliers", flush=True)
    url = fresh_database(kind, workdir)
    ortaq = [PYTHON, "-m", "ortaq"]
    run([*ortaq, "migrate", "-v0"], url)
    run([*ortaq, "loaddemo"], url)
    run([*ortaq, "generate", "--suppliers", str(args.suppliers)], url)
    if not csv_path.exists():
        print(f"== writing {args.rows} synthetic rows to {csv_path}", flush=True)
        run([PYTHON, __file__, "--phase", "csv", "--csv", str(csv_path), "--rows", str(args.rows)], url)
    print(f"== {kind}: ortaq import-deliveries", flush=True)
    # -v 2: the importer's phases on PostgreSQL (the bulk INSERT is the window in which readers of the
    # referenced tables wait).
    seconds, peak_mb, output = timed_child([*ortaq, "import-deliveries", str(csv_path), "--no-progress", "-v", "2"],
                                           url)
    print(f"   {seconds:.1f} s, peak {peak_mb} MB: {output}", flush=True)
    loader = bulk_load(kind, url, csv_path)
    print(f"   bulk loader: {loader:.1f} s", flush=True)
    rerun, rerun_mb, rerun_output = timed_child([*ortaq, "import-deliveries", str(csv_path), "--no-progress"], url)
    print(f"   re-run: {rerun:.1f} s, peak {rerun_mb} MB: {rerun_output}", flush=True)
    dashboard = json.loads(run([PYTHON, __file__, "--phase", "dashboard", "--requests", str(args.requests),
                                "--raw-runs", str(args.raw_runs)], url).stdout.strip().splitlines()[-1])
    print(f"   dashboard {dashboard}", flush=True)
    return {"db": kind, "rows": args.rows, "import_s": seconds, "import_peak_mb": peak_mb, "loader_s": loader,
            "import_to_loader": seconds / loader, "rerun_s": rerun, "rerun_peak_mb": rerun_mb,
            "dashboard_ms": dashboard["dashboard_ms"], "raw_sql_ms": dashboard["raw_ms"],
            "dashboard_to_raw": dashboard["dashboard_ms"] / dashboard["raw_ms"], "queries": dashboard["queries"],
            "deliveries": dashboard["deliveries"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--suppliers", type=int, default=2000)
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--requests", type=int, default=21)
    parser.add_argument("--raw-runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "ortaq-bench-foodbelt")
    parser.add_argument("--phase", choices=["csv", "dashboard"], help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "csv":
        return phase_csv(args.csv, args.rows)
    if args.phase == "dashboard":
        return phase_dashboard(args.requests, args.raw_runs)
    args.workdir.mkdir(parents=True, exist_ok=True)
    csv_path = args.workdir / f"deliveries-{args.rows}.csv"
    results = [bench(kind, args, args.workdir, csv_path) for kind in args.db.split(",")]
    print("\ndb        rows     import s  peak MB  loader s  import/loader  re-run s  dashboard ms  raw SQL ms  "
          "dashboard/raw  queries")
    for r in results:
        print(f"{r['db']:<9} {r['rows']:<8} {r['import_s']:8.1f}  {r['import_peak_mb']:7d}  {r['loader_s']:8.2f}  "
              f"{r['import_to_loader']:13.1f}  {r['rerun_s']:8.1f}  {r['dashboard_ms']:12.1f}  {r['raw_sql_ms']:10.1f}"
              f"  {r['dashboard_to_raw']:13.3f}  {r['queries']:7d}")
    (args.workdir / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

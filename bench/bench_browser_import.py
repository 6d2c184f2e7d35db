"""The million-row delivery import in a real browser: the demo administrator uploads the file in Chromium,
watches the progress bar, confirms, watches it again, and finds the program dashboard updated.

    .venv/bin/python bench/bench_browser_import.py --rows 1000000 --cli    # ~3 min; default --rows 50000

The app runs as `make run` starts it: PostgreSQL with the demo data (migrate, loaddemo, demousers — plus
`generate --suppliers N` so the synthetic file's suppliers exist), collectstatic with compressed static files,
gunicorn (3 gthread workers × 8 threads) and one `ortaq worker` (database queue, scheduler on). The database
and the synthetic file are prepared by `bench_web_import.py`'s helpers (a template database copied per run).

Playwright drives /usr/bin/chromium as admin / ortaq-demo: the deliveries import page, the file chosen in the
file field, «Проверить»; the progress bar of the check job sampled every `--sample` seconds until the page
shows the check's result; «Импортировать»; the import job's progress until the delivery list says
«Импортировано»; then the program dashboard, year by year, against counts from the database (the dashboard
reads rollups: if they lag, it is reloaded until they match, and the lag is reported).

Printed: upload, check, import and total time (as the user sees them: from the click to the next page), the
jobs' own times (jobs_job), the progress values over time, the dashboard's deliveries per year before and after
against the database, peak RSS. Screenshots and the progress samples (JSON) go to `--out`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import bench_web_import
import psycopg
import requests
from bench_web_import import (
    BASE,
    IMPORT_URL,
    PYTHON,
    ROOT,
    _env,
    _free_port,
    _peak_mb,
    _tree,
    cli_import,
    prepare,
    use_databases,
)

CHROMIUM = os.environ.get("ORTAQ_CHROMIUM", "/usr/bin/chromium")
STATIC_IGNORE = ["-i", "datasets", "-i", "templates", "-i", "widgetbundle.js"]  # as the Makefile's run target
JOB_STATE = """() => {
  const job = document.querySelector('#import-job'), bar = job && job.querySelector('progress');
  return {job: !!job, value: bar ? Number(bar.value) : null, text: job ? job.innerText.replace(/\\s+/g, ' ') : null,
          preview: !!document.querySelector('#preview'), error: !!document.querySelector('#job-error'),
          messages: (document.querySelector('.messages') || {}).innerText || '', url: location.pathname + location.search};
}"""


def _load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def _web_db() -> str:
    return bench_web_import.WEB_DB  # set by use_databases()


def _query(sql: str, params: list | None = None) -> list[tuple]:
    with psycopg.connect(f"{BASE}/{_web_db()}") as connection:
        return connection.execute(sql, params or []).fetchall()


def _program(env: dict) -> tuple[str, int, int, int | None]:
    """The capital program's dashboard URL, its consumer region and years."""
    script = ("from ortaq.foodbelt.demo import capital_program; p = capital_program(); "
              "print('PROGRAM', p.get_absolute_url(), p.consumer_region_id, p.start_year, p.end_year or 0)")
    out = subprocess.run([PYTHON, "-m", "ortaq", "shell", "-c", script], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    words = next(line for line in out.splitlines() if line.startswith("PROGRAM")).split()
    return words[1], int(words[2]), int(words[3]), int(words[4]) or None


def _database_counts(region: int, start: int, end: int | None) -> dict[int, int]:
    """Deliveries into the program's consumer region per year, straight from foodbelt_delivery."""
    rows = _query("SELECT extract(year FROM date)::int AS year, count(*) FROM foodbelt_delivery "
                  "WHERE consumer_region_id = %s GROUP BY 1 ORDER BY 1", [region])
    return {year: count for year, count in rows if year >= start and (end is None or year <= end)}


def _dashboard_counts(page, base: str, url: str, years: list[int]) -> dict[int, int | None]:
    """The «поставок N» figure of the dashboard's supplier tile, for each year."""
    found: dict[int, int | None] = {}
    for year in years:
        page.goto(f"{base}{url}?year={year}", timeout=300_000)
        text = page.locator("#tile-suppliers").inner_text()
        match = re.search(r"поставок\s*([\d\s\u00a0\u202f]+)", text)
        found[year] = int(re.sub(r"\D", "", match.group(1))) if match else None
    return found


def _job_times(kind: str) -> dict:
    row = _query("SELECT status, created_at, started_at, finished_at, done, total FROM jobs_job WHERE kind = %s "
                 "ORDER BY created_at DESC LIMIT 1", [kind])[0]
    status, created, started, finished, done, total = row
    return {"status": status, "queued_s": (started - created).total_seconds() if started else None,
            "run_s": (finished - started).total_seconds() if finished and started else None, "done": done,
            "total": total}


def _watch(page, phase: str, started: float, samples: list[dict], until, timeout: float, interval: float,
           shots: Path) -> dict:
    """Sample the job's progress bar until `until(state)`; a screenshot once the bar passes 40 %."""
    from playwright.sync_api import Error

    shot = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = page.evaluate(JOB_STATE)
        except Error:  # the page is being replaced (the job ended: htmx reloads it)
            time.sleep(0.1)
            continue
        state.update(phase=phase, t=round(time.perf_counter() - started, 2))
        samples.append(state)
        if state["error"]:
            raise SystemExit(f"{phase}: the page shows an error: {page.locator('#job-error').inner_text()}")
        if until(state):
            return state
        if not shot and (state["value"] or 0) >= 40:
            page.screenshot(path=str(shots / f"browser-import-{phase}-progress.png"))
            shot = True
        time.sleep(interval)
    raise SystemExit(f"{phase} did not end within {timeout} s (last state: {samples[-1] if samples else None})")


def _progress_summary(samples: list[dict], phase: str) -> str:
    """The bar's values over time: the first sample of each new value, as `t s: value %`."""
    points, last = [], object()
    for sample in samples:
        if sample["phase"] == phase and sample["job"] and sample["value"] != last:
            last = sample["value"]
            points.append(f"{sample['t']:.0f}s:{'—' if last is None else f'{last:.0f}%'}")
    return ", ".join(points)


def start_app(args, env: dict, port: int) -> tuple[subprocess.Popen, subprocess.Popen]:
    """collectstatic, then one `ortaq worker` and gunicorn, as `make run` starts them."""
    subprocess.run([PYTHON, "-m", "ortaq", "collectstatic", "--noinput", "-v0", *STATIC_IGNORE], env=env, cwd=ROOT,
                   check=True, capture_output=True)
    log = open(args.workdir / "browser-app.log", "ab")
    worker = subprocess.Popen([PYTHON, "-m", "ortaq", "worker"], env=env, cwd=ROOT, stdout=log, stderr=log)
    gunicorn = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "ortaq.wsgi", "--bind", f"127.0.0.1:{port}",
                                 "--workers", str(args.web_workers), "--worker-class", "gthread", "--threads", "8",
                                 "--access-logfile", "-"], env=env, cwd=ROOT, stdout=log, stderr=log)
    for _attempt in range(240):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return worker, gunicorn
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz")


def browser_import(args, env: dict) -> dict:
    from playwright.sync_api import sync_playwright

    url, region, start_year, end_year = _program(env)
    before_db = _database_counts(region, start_year, end_year)
    added_before = _query("SELECT count(*) FROM foodbelt_delivery")[0][0]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    worker, gunicorn = start_app(args, env, port)
    shots, samples = args.out, []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
            page = context.new_page()
            page.goto(f"{base}/accounts/login/")
            page.fill("#id_username", "admin")
            page.fill("#id_password", "ortaq-demo")
            with page.expect_navigation():
                page.press("#id_password", "Enter")
            dashboard_before = _dashboard_counts(page, base, url, sorted(before_db))
            page.goto(f"{base}{url}")
            page.screenshot(path=str(shots / "browser-import-dashboard-before.png"), full_page=True)

            page.goto(f"{base}{IMPORT_URL}")
            page.set_input_files("#id_file", str(args.csv))
            print(f"   [{_load()}] file chosen; «Проверить»", flush=True)
            started = time.perf_counter()
            with page.expect_navigation(timeout=args.timeout * 1000):
                page.click("#upload-form button[type=submit]")
            uploaded = time.perf_counter()
            if "job=" not in page.url:
                raise SystemExit(f"the upload did not start a check: {page.url}\n{page.locator('main').inner_text()}")
            print(f"   [{_load()}] uploaded in {uploaded - started:.1f} s; watching the check", flush=True)
            _watch(page, "check", started, samples, lambda state: state["preview"], args.timeout, args.sample, shots)
            checked = time.perf_counter()
            counts = page.locator("#preview-counts").inner_text()
            page.screenshot(path=str(shots / "browser-import-check-result.png"), full_page=True)
            print(f"   [{_load()}] check shown after {checked - uploaded:.1f} s: {counts}", flush=True)
            if not page.locator("#confirm-form").count():
                raise SystemExit(f"no «Импортировать» button: {page.locator('#preview').inner_text()[:2000]}")
            with page.expect_navigation(timeout=120_000):
                page.click("#confirm-form button[type=submit]")
            confirmed = time.perf_counter()
            _watch(page, "import", started, samples,
                   lambda state: "/foodbelt/deliveries/" in state["url"] and "Импортировано" in state["messages"],
                   args.timeout, args.sample, shots)
            finished = time.perf_counter()
            message = page.locator(".messages").inner_text().strip()
            page.screenshot(path=str(shots / "browser-import-done.png"))
            print(f"   [{_load()}] imported after {finished - checked:.1f} s: {message}", flush=True)
            check_job, import_job = _job_times("foodbelt-check"), _job_times("foodbelt-import")

            after_db = _database_counts(region, start_year, end_year)
            years = sorted(set(after_db) | set(before_db))
            waited = time.perf_counter()
            while True:
                dashboard_after = _dashboard_counts(page, base, url, years)
                lag = time.perf_counter() - waited
                if all(dashboard_after[year] == after_db.get(year, 0) for year in years) or lag > args.dashboard_wait:
                    break
                time.sleep(2)
            page.goto(f"{base}{url}")
            page.screenshot(path=str(shots / "browser-import-dashboard-after.png"), full_page=True)
            context.close()
            browser.close()
        peaks = {"web": sorted(_peak_mb(pid) for pid in _tree(gunicorn.pid)),
                 "worker": max(_peak_mb(pid) for pid in _tree(worker.pid))}
    finally:
        for process in (worker, gunicorn):
            process.terminate()
        for process in (worker, gunicorn):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    added = _query("SELECT count(*) FROM foodbelt_delivery")[0][0] - added_before
    (shots / "browser-import-progress.json").write_text(json.dumps(samples, ensure_ascii=False, indent=1))
    return {"upload_s": uploaded - started, "check_s": checked - uploaded, "confirm_s": confirmed - checked,
            "import_s": finished - checked, "total_s": finished - started, "counts": counts, "message": message,
            "added": added, "check_job": check_job, "import_job": import_job, "samples": samples,
            "years": years, "before_db": before_db, "after_db": after_db, "dashboard_before": dashboard_before,
            "dashboard_after": dashboard_after, "dashboard_lag_s": lag, "peaks": peaks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the file (issue: 1000000)")
    parser.add_argument("--suppliers", type=int, default=2000)
    parser.add_argument("--web-workers", type=int, default=3, help="gunicorn worker processes (make run: 3)")
    parser.add_argument("--sample", type=float, default=0.5, help="seconds between readings of the progress bar")
    parser.add_argument("--cli", action="store_true",
                        help="first run `ortaq import-deliveries` on the same file (on PREFIX_cli): the ratio")
    parser.add_argument("--cli-seconds", type=float, default=0,
                        help="or compare with this time of the command (bench_web_import.py prints it)")
    parser.add_argument("--dashboard-wait", type=float, default=120,
                        help="seconds to wait for the dashboard to match the database after the import")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "ortaq-bench-web",
                        help="the synthetic file and the var directory (shared with bench_web_import.py)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out",
                        help="screenshots and the progress samples (bench/out is not committed)")
    parser.add_argument("--db-prefix", default="bench_browserimport",
                        help="names of the databases: PREFIX_base (the template), PREFIX_web (PREFIX_cli unused)")
    parser.add_argument("--reuse-template", action="store_true",
                        help="start from the last run's prepared database (same --rows and --suppliers)")
    args = parser.parse_args()
    use_databases(args.db_prefix)
    args.workdir.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    args.csv = args.workdir / f"deliveries-{args.rows}.csv"
    env = _env(f"{BASE}/{bench_web_import.TEMPLATE_DB}", args.workdir, "db", "redis://127.0.0.1:6379/5")
    print(f"{args.rows:,} rows, PostgreSQL, Chromium, CPUs {os.cpu_count()}, load average {_load()}", flush=True)
    prepare(args, env)
    if args.cli:
        print("== ortaq import-deliveries", flush=True)
        args.cli_seconds, _peak = cli_import(args, {**env, "ORTAQ_DATABASE_URL": f"{BASE}/{bench_web_import.CLI_DB}"})
    env = {**env, "ORTAQ_DATABASE_URL": f"{BASE}/{_web_db()}", "ORTAQ_COMPRESSED_STATIC": "1"}
    print(f"== browser: upload, check, «Импортировать», import, dashboard (file {args.csv.stat().st_size / 1e6:.0f} MB)",
          flush=True)
    result = browser_import(args, env)
    check, imported = result["check_job"], result["import_job"]
    print(f"\n   check result: {result['counts']}\n   after the import: {result['message']} ({result['added']:,} rows "
          f"added in the database)")
    print(f"   check job: queued {check['queued_s']:.1f} s, ran {check['run_s']:.1f} s; import job: queued "
          f"{imported['queued_s']:.1f} s, ran {imported['run_s']:.1f} s")
    print(f"   progress bar, check:  {_progress_summary(result['samples'], 'check')}")
    print(f"   progress bar, import: {_progress_summary(result['samples'], 'import')}")
    print("   dashboard «поставок» per year: before (database) → after (database); dashboard after")
    wrong = []
    for year in result["years"]:
        db_before, db_after = result["before_db"].get(year, 0), result["after_db"].get(year, 0)
        shown_before, shown = result["dashboard_before"].get(year), result["dashboard_after"][year]
        if shown != db_after:
            wrong.append(year)
        print(f"     {year}: {shown_before} ({db_before}) → {shown} ({db_after}){'' if shown == db_after else '  ≠'}")
    verdict = (f"dashboard matches the database (after {result['dashboard_lag_s']:.1f} s)" if not wrong
               else f"dashboard differs from the database in {wrong} after {result['dashboard_lag_s']:.0f} s")
    peaks = f"; peak RSS gunicorn {result['peaks']['web']} MB, worker {result['peaks']['worker']} MB"
    ratio = f" → {result['total_s'] / args.cli_seconds:.2f}× the command's {args.cli_seconds:.1f} s" \
        if args.cli_seconds else ""
    print(f"\nrows {args.rows:,} in Chromium: upload {result['upload_s']:.1f} s, check {result['check_s']:.1f} s, "
          f"import {result['import_s']:.1f} s (confirm click → page {result['confirm_s']:.1f} s), total "
          f"{result['total_s']:.1f} s{ratio}; {verdict}{peaks}; load average {_load()}; screenshots in {args.out}")
    if wrong:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Load on a running server, as `make run` serves it: 20 concurrent readers, then 8 writers beside 20 readers.

    .venv/bin/python bench/bench_load.py                      # starts its own gunicorn (like `make run`) on a
                                                              # free port over a temporary SQLite database
    .venv/bin/python bench/bench_load.py --url http://127.0.0.1:8000 --duration 60   # against `make run`

Phase "read": 20 clients for --duration seconds, each cycling through the home page, lists with filters, a
region page, the search and the trivial `/healthz` view → requests/s and p50/p95/p99 per kind, errors (any
status ≥ 400 or network failure). Phase "write": the same 20 readers plus 8 writers, each signed in as the demo
administrator, editing a few organizations through their edit pages (the form carries the version it was
loaded at) and appending a token of its own to the note. An accepted save (302) whose token is missing from the
final note is a stale save lost; a refused one (the form again, stale-edit message) is counted as refused.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SKIP_INPUTS = {"submit", "button", "file", "image", "reset"}


class Client:
    """One browser: its own cookies, CSRF token and connection."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  NoRedirect())

    def request(self, path: str, data: dict | list | None = None) -> tuple[int, str]:
        body = None
        headers = {"Accept-Encoding": "identity"}
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Referer"] = self.base + path
            headers["X-CSRFToken"] = self.csrf()
        url = self.base + urllib.parse.quote(path, safe="/?=&%")
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def csrf(self) -> str:
        return next((cookie.value for cookie in self.jar if cookie.name == "csrftoken"), "")

    def login(self, user: str, password: str) -> None:
        self.request("/accounts/login/")
        status, _ = self.request("/accounts/login/", {"username": user, "password": password,
                                                      "csrfmiddlewaretoken": self.csrf()})
        if status != 302:
            raise SystemExit(f"login as {user} failed ({status})")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, request, response, code, message, headers):
        return response

    http_error_301 = http_error_303 = http_error_307 = http_error_302


class FormReader(HTMLParser):
    """The fields of the page's form with the given field inside (as a browser would submit them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self.select: tuple[str, bool] | None = None
        self.select_values: list[str] = []
        self.select_first: str | None = None
        self.option: dict | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append([])
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("name") and attrs.get("type", "text") not in SKIP_INPUTS:
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.forms[-1].append((attrs["name"], attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and attrs.get("name"):
            self.select, self.select_values, self.select_first = (attrs["name"], "multiple" in attrs), [], None
        elif tag == "option" and self.select:
            self.option = attrs
            self.text = ""
        elif tag == "textarea" and attrs.get("name"):
            self.textarea, self.text = attrs["name"], ""

    def handle_data(self, data):
        if self.textarea is not None or self.option is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "option" and self.option is not None and self.select:
            value = self.option.get("value", self.text.strip())
            if self.select_first is None:
                self.select_first = value
            if "selected" in self.option:
                self.select_values.append(value)
            self.option = None
        elif tag == "select" and self.select:
            name, multiple = self.select
            values = self.select_values or ([] if multiple or self.select_first is None else [self.select_first])
            self.forms[-1].extend((name, value) for value in values)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.forms[-1].append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


def form_fields(html: str, needle: str) -> list[tuple[str, str]]:
    reader = FormReader()
    reader.feed(html)
    return next((form for form in reader.forms if any(name == needle for name, _ in form)), [])


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.samples: dict[str, str] = {}

    def add(self, kind: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.times[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1
                self.samples.setdefault(kind, detail)


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0],) * 3 if values else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def report(title: str, stats: Stats, elapsed: float) -> dict:
    print(f"\n{title} ({elapsed:.0f} s)")
    print(f"{'kind':22} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
    rows = {}
    everything = [t for kind, times in stats.times.items() if kind != "healthz" for t in times]
    for kind, times in [*sorted(stats.times.items()), ("all but healthz", everything)]:
        p50, p95, p99 = percentiles(times)
        errors = sum(stats.errors.values()) - stats.errors.get("healthz", 0) if kind == "all but healthz" \
            else stats.errors.get(kind, 0)
        rows[kind] = {"requests": len(times), "rps": len(times) / elapsed, "p50": p50 * 1000, "p95": p95 * 1000,
                      "p99": p99 * 1000, "errors": errors}
        print(f"{kind:22} {len(times):8} {len(times) / elapsed:7.1f} {p50 * 1000:7.0f} {p95 * 1000:7.0f} "
              f"{p99 * 1000:7.0f} {errors:6}")
    for kind, sample in stats.samples.items():
        print(f"  first error in {kind}: {sample[:200]}")
    return rows


def reader_loop(base: str, urls: list[tuple[str, str]], offset: int, stop: float, stats: Stats) -> None:
    client = Client(base)
    index = offset
    while time.monotonic() < stop:
        kind, path = urls[index % len(urls)]
        index += 1
        started = time.perf_counter()
        try:
            status, body = client.request(path)
            ok, detail = status < 400, f"{status} {path}"
        except Exception as error:  # any failure counts as an error of the run
            ok, detail = False, f"{path}: {error}"
        stats.add(kind, time.perf_counter() - started, ok, detail)


def writer_loop(base: str, user: str, password: str, number: int, records: list[int], stop: float,
                stats: Stats, outcome: dict) -> None:
    client = Client(base)
    client.login(user, password)
    turn = 0
    while time.monotonic() < stop:
        pk = records[(number + turn) % len(records)]
        token = f"w{number}-{turn}"
        turn += 1
        started = time.perf_counter()
        try:
            status, page = client.request(f"/directory/organizations/{pk}/edit/")
            fields = form_fields(page, "loaded_version")
            if status != 200 or not fields:
                stats.add("write", time.perf_counter() - started, False, f"edit page {status}")
                continue
            fields = [(name, f"{value} {token}".strip() if name == "note" else value) for name, value in fields]
            status, body = client.request(f"/directory/organizations/{pk}/edit/", fields)
        except Exception as error:
            stats.add("write", time.perf_counter() - started, False, str(error))
            continue
        elapsed = time.perf_counter() - started
        if status == 302:
            stats.add("write", elapsed, True)
            with stats.lock:
                outcome["accepted"].append((pk, token))
        elif status == 200 and 'id="stale-changes"' in body:
            stats.add("write", elapsed, True)
            with stats.lock:
                outcome["refused"] += 1
        else:
            stats.add("write", elapsed, False, f"save {status}")


def run_phase(base: str, urls, duration: float, readers: int, writers: int, args, records) -> tuple[dict, dict]:
    stats = Stats()
    outcome = {"accepted": [], "refused": 0}
    stop = time.monotonic() + duration
    threads = [threading.Thread(target=reader_loop, args=(base, urls, number * 3, stop, stats))
               for number in range(readers)]
    threads += [threading.Thread(target=writer_loop, args=(base, args.user, args.password, number, records, stop,
                                                           stats, outcome)) for number in range(writers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return report(f"{readers} readers + {writers} writers", stats, time.monotonic() - started), outcome


def lost_saves(base: str, outcome: dict) -> int:
    notes = {}
    for pk in {pk for pk, _ in outcome["accepted"]}:
        status, body = Client(base).request(f"/api/organizations/{pk}/")
        notes[pk] = json.loads(body).get("note", "") if status == 200 else ""
    return sum(1 for pk, token in outcome["accepted"] if token not in notes[pk].split())


def read_urls(base: str) -> list[tuple[str, str]]:
    status, body = Client(base).request("/api/regions/?page_size=100")
    regions = {row.get("code"): row["id"] for row in json.loads(body)["results"]}
    karaganda, astana = regions["KZ-35"], regions["KZ-71"]
    return [
        ("home", "/"), ("healthz", "/healthz"),
        ("list+filter", f"/agreements/?region={karaganda}"), ("healthz", "/healthz"),
        ("region page", f"/regions/{karaganda}/"), ("healthz", "/healthz"),
        ("list+filter", "/events/?kind=official_visit"), ("healthz", "/healthz"),
        ("search", "/search/?q=меморандум"), ("healthz", "/healthz"),
        ("list+filter", f"/directory/organizations/?region={astana}"), ("healthz", "/healthz"),
        ("search", "/search/?q=Караганда"), ("healthz", "/healthz"),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args) -> tuple[subprocess.Popen, str, str]:
    """A temporary SQLite registry (demo + --generate'd data) served by gunicorn as `make run` does."""
    var_dir = tempfile.mkdtemp(prefix="ortaq-bench-load-")
    env = {**os.environ, "ORTAQ_VAR_DIR": var_dir, "OPENBLAS_NUM_THREADS": "1", "ORTAQ_LOGIN_FAILURE_LIMIT": "1000"}
    env.pop("ORTAQ_DATABASE_URL", None)
    ortaq = [sys.executable, "-m", "ortaq"]
    for command in (["migrate", "-v0"], ["loaddemo"], ["demousers"],
                    ["generate", "--organizations", "300", "--agreements", "1000", "--events", "1000",
                     "--commitments", "2000", "--deliveries", "5000", "--suppliers", "50"]):
        subprocess.run([*ortaq, *command], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "ortaq.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--worker-class", "gthread", "--threads", str(args.threads)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if Client(base).request("/healthz")[0] == 200:
                return server, base, var_dir
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server (e.g. `make run`'s http://127.0.0.1:8000)")
    parser.add_argument("--duration", type=float, default=60, help="seconds per phase (default 60)")
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="ortaq-demo")
    parser.add_argument("--workers", type=int, default=3, help="own server: gunicorn workers (as `make run`)")
    parser.add_argument("--threads", type=int, default=8, help="own server: threads per worker (as `make run`)")
    args = parser.parse_args()
    server = var_dir = None
    base = args.url
    if not base:
        server, base, var_dir = start_server(args)
        print(f"own server {base}: gunicorn gthread, {args.workers} workers × {args.threads} threads, SQLite")
    try:
        urls = read_urls(base)
        status, body = Client(base).request("/api/organizations/?page_size=4")
        records = [row["id"] for row in json.loads(body)["results"]][:4]
        read_rows, _ = run_phase(base, urls, args.duration, args.readers, 0, args, records)
        write_rows, outcome = run_phase(base, urls, args.duration, args.readers, args.writers, args, records)
        lost = lost_saves(base, outcome)
        print(f"\nsaves accepted {len(outcome['accepted'])}, refused as stale {outcome['refused']}, "
              f"stale saves lost {lost}")
        errors = read_rows["all but healthz"]["errors"] + write_rows["all but healthz"]["errors"]
        return 1 if errors or lost else 0
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""Lighthouse scores (accessibility, best practices, performance, SEO; desktop preset) of the home page, a list, a
record and the login page, served as `make run` serves them (gunicorn, WhiteNoise) from a fresh demo database.

Not part of CI: it needs Node and `npm i -g lighthouse@12` (13 wants Node 22), and Debian's Chromium.

    .venv/bin/python bench/lighthouse_a11y.py [--port 8765] [--keep]

Targets (issue 16): accessibility 100 and best practices 100 on every page, performance ≥ 90 on the home page
(its charts are drawn as SVG by analytics/svgcharts.js: no Plotly there).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CATEGORIES = ("accessibility", "best-practices", "performance", "seo")
TARGETS = {"accessibility": 100, "best-practices": 100}


def ortaq(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "-m", "ortaq", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def pages(base: str) -> dict[str, str]:
    html = urllib.request.urlopen(f"{base}/agreements/").read().decode()
    record = re.search(r'href="(/agreements/\d+/)"', html)
    found = {"home": "/", "list": "/agreements/", "login": "/accounts/login/"}
    if record:
        found["record"] = record.group(1)
    return found


def lighthouse(url: str, out: Path, chrome: str) -> dict:
    command = ["lighthouse", url, "--preset=desktop", f"--only-categories={','.join(CATEGORIES)}",
               "--output=json", f"--output-path={out}", "--quiet",
               "--chrome-flags=--headless --no-sandbox --disable-gpu"]
    for _attempt in range(3):  # Chromium sometimes loses the trace (NO_NAVSTART): run again
        if subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}).returncode == 0:
            return json.loads(out.read_text())
    raise SystemExit(f"lighthouse failed three times on {url}")


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [f"{ref['id']} ({audits[ref['id']]['score']})" for ref in refs
            if ref.get("weight") and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary var directory and reports")
    args = parser.parse_args()
    if not shutil.which("lighthouse"):
        raise SystemExit("lighthouse not found: npm i -g lighthouse@12")
    var_dir = Path(tempfile.mkdtemp(prefix="ortaq-lighthouse-"))
    # As `make run` serves it: hashed, compressed static files cached for a year, gunicorn's threaded workers.
    env = {**os.environ, "ORTAQ_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "ortaq.settings",
           "ORTAQ_COMPRESSED_STATIC": "1"}
    env.pop("ORTAQ_DATABASE_URL", None)
    collect = ["collectstatic", "--noinput", "-i", "datasets", "-i", "templates", "-i", "widgetbundle.js"]
    for step in (["migrate", "--noinput"], ["loaddemo"], ["demousers"], collect):
        ortaq(*step, env=env)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen([str(BIN / "gunicorn"), "ortaq.wsgi", "--bind", f"127.0.0.1:{args.port}",
                               "--workers", "2", "--worker-class", "gthread", "--threads", "8"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"{base}/healthz")
        found = pages(base)
        # Warm every worker first: the first home page after loaddemo refreshes the analytics rollups (seconds),
        # which a visitor of a running site does not wait for.
        for path in found.values():
            for _round in range(4):
                urllib.request.urlopen(base + path, timeout=60).read()
        print(f"{'page':8} {'accessibility':>13} {'best-practices':>14} {'performance':>11} {'seo':>4}  url")
        for name, path in found.items():
            report = lighthouse(base + path, var_dir / f"{name}.json", args.chrome)
            scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
            print(f"{name:8} {scores['accessibility']:>13} {scores['best-practices']:>14} "
                  f"{scores['performance']:>11} {scores['seo']:>4}  {path}")
            for category, target in TARGETS.items():
                if scores[category] < target:
                    print(f"         {category} below {target}: {', '.join(failing_audits(report, category))}")
    finally:
        server.terminate()
        server.wait(timeout=20)
        if args.keep:
            print(f"reports kept in {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

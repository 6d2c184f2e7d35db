"""Server time of the analytics pages, lists and search at benchmark scale, against the raw SQL they need.

Each page is requested through Django's test client (middleware, view, templates: everything but the network),
median of --runs after a warm-up. "raw SQL" replays the exact statements the page issued, with the same
parameters, straight on the database cursor: the ratio page / raw SQL is what Django, Python and the templates
add on top of the database work. Queries per page are counted too (they must not grow with the data).

    ORTAQ_VAR_DIR=/tmp/bench .venv/bin/python bench/bench_analytics.py [--generate] [--runs 15]
    ORTAQ_DATABASE_URL=postgres://… .venv/bin/python bench/bench_analytics.py

--generate first runs `ortaq generate` with --organizations/--agreements/--events/--commitments (default: the
issue's 10,000 / 100,000 / 200,000 / 500,000) on the configured database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ortaq.settings")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BUDGET_MS = {"page": 300, "list": 150, "search": 200}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--agreements", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--commitments", type=int, default=500_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if args.generate:
        call_command("generate", organizations=args.organizations, agreements=args.agreements,
                     events=args.events, commitments=args.commitments)
    from ortaq.agreements.models import Agreement, Commitment
    from ortaq.directory.models import Organization
    from ortaq.events.models import Event
    from ortaq.regions.models import Region

    print(f"database: {connection.vendor}; organizations {Organization.objects.count():,}, agreements "
          f"{Agreement.objects.count():,}, events {Event.objects.count():,}, commitments "
          f"{Commitment.objects.count():,}")
    astana, karaganda = Region.objects.get(code="KZ-71"), Region.objects.get(code="KZ-35")
    pages = [
        ("page", "home dashboard", "/"),
        ("page", "region page (Karaganda)", f"/regions/{karaganda.pk}/"),
        ("page", "pair page (Astana ↔ Karaganda)", f"/analytics/pair/{astana.pk}/{karaganda.pk}/"),
        ("list", "agreements list", "/agreements/"),
        ("list", "agreements list, region filter", f"/agreements/?region={karaganda.pk}"),
        ("list", "events list", "/events/"),
        ("list", "commitments list", "/agreements/commitments/"),
        ("list", "organizations list", "/directory/organizations/"),
        ("list", "commitments tracker", "/analytics/commitments/"),
        ("list", "commitments tracker, region", f"/analytics/commitments/?region={karaganda.pk}"),
        ("search", "search «меморандумами»", "/search/?q=меморандумами"),
        ("search", "search «Карагандинской»", "/search/?q=Карагандинской"),
        ("search", "search «Исекешов» (typo)", "/search/?q=Исекешов"),
        ("search", "search «құрылыс»", "/search/?q=құрылыс"),
        ("search", "search «туризма форум»", "/search/?q=туризма форум"),
    ]
    client = Client()
    print(f"{'page':36} {'median ms':>9} {'budget':>7} {'queries':>7} {'raw SQL ms':>10} {'ratio':>6}")
    for kind, label, url in pages:
        page_ms, statements = measure(client, url, args.runs)
        raw_ms = replay(statements, args.runs)
        ok = "ok" if page_ms <= BUDGET_MS[kind] else "OVER"
        print(f"{label:36} {page_ms:9.1f} {BUDGET_MS[kind]:5d}{ok:>4} {len(statements):5d} {raw_ms:10.1f} "
              f"{page_ms / raw_ms if raw_ms else float('nan'):6.1f}")


def measure(client, url: str, runs: int) -> tuple[float, list]:
    from django.db import connection

    statements: list = []

    def capture(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    response = client.get(url)  # warm-up: caches, a refresh of stale rollups
    assert response.status_code == 200, (url, response.status_code)
    with connection.execute_wrapper(capture):
        client.get(url)
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statements


def replay(statements: list, runs: int) -> float:
    from django.db import connection, transaction

    times = []
    for _run in range(max(3, runs // 3)):
        started = time.perf_counter()
        # In one transaction, with the page's SET LOCAL planner settings (search forbids sequential scans).
        with transaction.atomic(), connection.cursor() as cursor:
            for sql, params in statements:
                verb = sql.lstrip().upper()
                if not verb.startswith(("SELECT", "WITH", "SET LOCAL")):
                    continue
                cursor.execute(sql, params)
                if not verb.startswith("SET"):
                    cursor.fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()

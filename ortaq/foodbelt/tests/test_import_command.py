"""`ortaq import-deliveries FILE`: streams a file, all or nothing, re-runnable, and safe to kill."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from ortaq.foodbelt.importer import template_headers
from ortaq.foodbelt.models import Delivery
from ortaq.foodbelt.tests.factories import supplier

REPO = Path(settings.BASE_DIR)


def _write(path: Path, farms, rows: int, *, bad_row: int | None = None) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(template_headers())
        for index in range(rows):
            farm = farms[index % len(farms)]
            tonnes = "-1" if index == bad_row else f"{1 + index % 7}.250"
            writer.writerow([farm.organization.bin, "", "vegetables", f"2018-{1 + index % 12:02d}-15", tonnes,
                             f"{1000 + index}.50", "KZ-71", "", f"N-{index:07d}"])
    return path


@pytest.fixture
def farms(demo):
    return [supplier(f"КХ «Поле-{index}»", demo.karaganda) for index in range(5)]


@pytest.mark.django_db
def test_it_imports_a_file_and_a_rerun_adds_nothing(farms, tmp_path):
    path = _write(tmp_path / "d.csv", farms, 300)
    out = StringIO()
    call_command("import-deliveries", str(path), "--no-progress", stdout=out)
    assert "добавлено: 300" in out.getvalue()
    call_command("import-deliveries", str(path), "--no-progress", stdout=out)
    assert "добавлено: 0; уже были в реестре: 300" in out.getvalue()
    assert Delivery.objects.filter(document_number__startswith="N-").count() == 300


@pytest.mark.django_db
def test_it_imports_nothing_when_one_row_is_bad_and_says_where(farms, tmp_path):
    path = _write(tmp_path / "d.csv", farms, 300, bad_row=250)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import-deliveries", str(path), "--no-progress", stdout=out)
    assert "строка 252, «Объём, т»: Объём должен быть больше нуля." in out.getvalue()
    assert not Delivery.objects.filter(document_number__startswith="N-").exists()


@pytest.mark.django_db
def test_a_dry_run_checks_without_importing(farms, tmp_path):
    path = _write(tmp_path / "d.csv", farms, 50)
    out = StringIO()
    call_command("import-deliveries", str(path), "--no-progress", "--dry-run", stdout=out)
    assert "ошибок нет" in out.getvalue() and not Delivery.objects.filter(document_number__startswith="N-").exists()


def _child_database(tmp_path: Path) -> str:
    """A database URL a child process can open, holding what this test committed."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = tmp_path / "child.sqlite3"
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{target}"
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _count(url: str) -> int:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as reader:
            return reader.execute("SELECT COUNT(*) FROM foodbelt_delivery").fetchone()[0]
    return Delivery.objects.count()


def _import(url: str, path: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "ORTAQ_DATABASE_URL": url, "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-m", "ortaq", "import-deliveries", str(path), "--no-progress", *extra],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_leaves_the_database_as_it_was(farms, tmp_path):
    path = _write(tmp_path / "big.csv", farms, 20_000)
    url = _child_database(tmp_path)
    before = _count(url)
    child = _import(url, path, "-v", "2", "--chunk-size", "1000")
    deadline = time.monotonic() + 300
    written = 0
    while written < 5000 and time.monotonic() < deadline:
        line = child.stderr.readline()
        if not line:
            break
        if line.startswith("rows read:"):
            written = int(line.split(":")[1])
    assert written >= 5000, child.stderr.read()
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _count(url) == before  # thousands of rows were written inside the transaction, none remain

    # On PostgreSQL the finishing run takes the bulk phase (foreign keys dropped and re-added).
    finished = _import(url, path, "--bulk-rows", "1000", "-v", "2")
    output, errors = finished.communicate(timeout=600)
    assert finished.returncode == 0, errors
    assert _count(url) == before + 20_000
    if connection.vendor == "postgresql":
        assert "insert (keys dropped)" in output
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_constraint WHERE conrelid = 'foodbelt_delivery'::regclass "
                           "AND contype = 'f' AND convalidated")
            assert cursor.fetchone()[0] == 3
    again = _import(url, path)
    assert again.wait(timeout=600) == 0
    assert _count(url) == before + 20_000

"""A real `ortaq worker` process killed in the middle of a web import, then a new worker: nothing lost, nothing twice."""

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import File
from django.db import connection

from ortaq.foodbelt import staging
from ortaq.foodbelt.tests.test_import_command import REPO, _child_database, _write, farms  # noqa: F401 (fixture)
from ortaq.jobs import runner
from ortaq.jobs.tests.conftest import BACKENDS

ROWS = 60_000


def _query(url: str, sql: str, params: tuple = ()) -> tuple:
    """One row from the database the worker processes use (a copy of the test's on SQLite)."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            return database.execute(sql.replace("%s", "?"), params).fetchone()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _worker(url: str, var_dir, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "ORTAQ_DATABASE_URL": url, "ORTAQ_VAR_DIR": str(var_dir), "ORTAQ_TASKS": "db",
           "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-m", "ortaq", "worker", "--no-schedule", *extra], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _import_started(worker: subprocess.Popen, live: FileBasedCache, job_id) -> dict:
    """The progress the worker reports as it opens the staged file (rows to read), waited for up to two
    minutes; {} if it reported none or died. The import commits only at its end: killed now, it is mid-import."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and worker.poll() is None:
        reported = live.get(runner._live_key(job_id))
        if reported:
            return reported
        time.sleep(0.02)
    return {}


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_and_a_new_worker_lose_nothing_and_duplicate_nothing(farms, tmp_path,  # noqa: F811
                                                                                         settings):
    settings.VAR_DIR = tmp_path
    settings.ORTAQ_TASKS, settings.TASKS = "db", BACKENDS["db"]
    path = _write(tmp_path / "upload.csv", farms, ROWS)
    with open(path, "rb") as stream:
        token, _staged = staging.stage(File(stream))
    job = runner.start("foodbelt-import", kind="deliveries", token=token, file_name="upload.csv", user_id=None)
    url = _child_database(tmp_path)  # the queued job and its task are in it
    count = "SELECT COUNT(*), COUNT(DISTINCT document_number) FROM foodbelt_delivery WHERE document_number LIKE %s"
    assert _query(url, count, ("N-%",)) == (0, 0)
    live = FileBasedCache(str(tmp_path / "cache"), {})  # where the worker reports progress mid-transaction

    first = _worker(url, tmp_path)
    try:
        reported = _import_started(first, live, job.pk)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert reported.get("total") == ROWS, first.stderr.read()
    pk = job.pk.hex if url.startswith("sqlite") else job.pk
    assert _query(url, "SELECT status FROM jobs_job WHERE id = %s", (pk,)) == ("running",)
    assert _query(url, count, ("N-%",)) == (0, 0)  # rows were read, none committed

    # Two minutes pass without a heartbeat (ORTAQ_JOB_STALE_SECONDS): the next worker to start takes it up again.
    stale = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=10)
    live.delete(runner._live_key(job.pk))
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            database.execute("UPDATE jobs_job SET heartbeat_at = ? WHERE id = ?",
                             (stale.strftime("%Y-%m-%d %H:%M:%S.%f"), pk))
    else:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE jobs_job SET heartbeat_at = %s WHERE id = %s", (stale, pk))
    second = _worker(url, tmp_path, "--batch")
    try:
        _out, errors = second.communicate(timeout=180)
    finally:
        second.kill()
    assert second.returncode == 0, errors
    assert _query(url, "SELECT status, done, attempts FROM jobs_job WHERE id = %s", (pk,)) == ("done", ROWS, 2)
    assert _query(url, count, ("N-%",)) == (ROWS, ROWS)  # every row of the file, each once
    assert not _staged.exists()

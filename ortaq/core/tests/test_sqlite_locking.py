"""SQLite: a write waits for another connection's long write transaction instead of failing "database is locked"."""

import threading
import time

from django.db.backends.sqlite3.base import DatabaseWrapper

from ortaq import settings as ortaq_settings


def sqlite_connection(monkeypatch, path) -> DatabaseWrapper:
    """A connection configured exactly as the settings configure SQLite (WAL, IMMEDIATE, busy timeout)."""
    monkeypatch.setenv("ORTAQ_DATABASE_URL", f"sqlite:///{path}")
    config = ortaq_settings._database_config()
    config.setdefault("TIME_ZONE", None)
    config.setdefault("AUTOCOMMIT", True)
    config.setdefault("ATOMIC_REQUESTS", False)
    config.setdefault("CONN_HEALTH_CHECKS", False)
    return DatabaseWrapper(config, alias=f"lock-test-{id(config)}")


def test_sqlite_waits_for_the_lock_and_takes_it_up_front(monkeypatch):
    monkeypatch.setenv("ORTAQ_DATABASE_URL", "sqlite:////tmp/unused.sqlite3")
    options = ortaq_settings._database_config()["OPTIONS"]
    assert options["timeout"] >= 20
    assert options["transaction_mode"] == "IMMEDIATE"


def test_a_second_writer_waits_for_a_long_import_instead_of_failing(monkeypatch, tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        two_writers(monkeypatch, tmp_path)


def two_writers(monkeypatch, tmp_path) -> None:
    path = tmp_path / "locks.sqlite3"
    importer, login = sqlite_connection(monkeypatch, path), sqlite_connection(monkeypatch, path)
    importer.inc_thread_sharing()
    with importer.cursor() as cursor:
        cursor.execute("CREATE TABLE session (key TEXT PRIMARY KEY, seen REAL)")
    holding, released = threading.Event(), []

    def long_import() -> None:
        # The import's transaction writes first and holds the write lock for 1.5 s.
        importer.set_autocommit(False)
        with importer.cursor() as cursor:
            cursor.execute("INSERT INTO session VALUES ('import', 0)")
            holding.set()
            time.sleep(1.5)
        released.append(time.monotonic())
        importer.commit()
        importer.set_autocommit(True)
        importer.close()

    thread = threading.Thread(target=long_import)
    thread.start()
    assert holding.wait(5)
    # A login's write transaction: BEGIN IMMEDIATE waits on the busy timeout, then succeeds.
    started = time.monotonic()
    login.set_autocommit(False)
    with login.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM session")
        cursor.execute("INSERT INTO session VALUES ('login', 1)")
    login.commit()
    login.set_autocommit(True)
    waited = time.monotonic() - started
    thread.join()
    with login.cursor() as cursor:
        cursor.execute("SELECT key FROM session ORDER BY key")
        assert [row[0] for row in cursor.fetchall()] == ["import", "login"]
    login.close()
    assert waited >= 1.0, waited


def test_without_the_busy_timeout_the_same_write_would_fail(monkeypatch, tmp_path):
    """The test above would catch a lost timeout: with none, SQLite refuses at once."""
    import sqlite3

    path = tmp_path / "locks.sqlite3"
    first = sqlite3.connect(path, timeout=0, isolation_level=None)
    first.execute("PRAGMA journal_mode=WAL")
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN IMMEDIATE")
    first.execute("INSERT INTO t VALUES (1)")
    second = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        second.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
    else:
        raise AssertionError("a second writer got the lock while the first held it")
    finally:
        first.execute("ROLLBACK")
        first.close()
        second.close()

"""Configuration comes from the environment; production refuses to start without its values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def run_check(env_overrides: dict, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ORTAQ_")}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-m", "ortaq", "check", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_check({"ORTAQ_ENV": "production", "ORTAQ_VAR_DIR": str(tmp_path),
                        "ORTAQ_ALLOWED_HOSTS": "ortaq.example.kz",
                        "ORTAQ_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"})
    assert result.returncode != 0
    assert "ORTAQ_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_database_url(tmp_path):
    result = run_check({"ORTAQ_ENV": "production", "ORTAQ_VAR_DIR": str(tmp_path), "ORTAQ_SECRET_KEY": "x" * 60,
                        "ORTAQ_ALLOWED_HOSTS": "ortaq.example.kz"})
    assert result.returncode != 0
    assert "ORTAQ_DATABASE_URL must be set" in result.stderr


def test_check_deploy_is_clean_in_production(tmp_path):
    result = run_check({"ORTAQ_ENV": "production", "ORTAQ_VAR_DIR": str(tmp_path),
                        "ORTAQ_SECRET_KEY": "k" * 20 + "Zq8#vL2!pW9@xR4$mN7%bT1^" + "y" * 20,
                        "ORTAQ_ALLOWED_HOSTS": "ortaq.example.kz",
                        "ORTAQ_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}, "--deploy", "--fail-level",
                       "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout


def test_a_secret_key_is_generated_once_and_kept(tmp_path):
    from ortaq.env import persistent_secret_key

    first = persistent_secret_key(tmp_path)
    assert persistent_secret_key(tmp_path) == first
    assert len(first) >= 50


def test_a_bad_boolean_is_refused(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from ortaq.env import env_bool

    monkeypatch.setenv("ORTAQ_X", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("ORTAQ_X", False)


def test_the_default_sqlite_database_runs_in_wal_mode(tmp_path, monkeypatch):
    """The default database is a file in WAL mode (the test database lives in memory, so open a file here)."""
    import sqlite3

    from ortaq import settings as ortaq_settings

    monkeypatch.delenv("ORTAQ_DATABASE_URL", raising=False)
    monkeypatch.setattr(ortaq_settings, "VAR_DIR", tmp_path)
    config = ortaq_settings._database_config()
    assert config["NAME"] == str(tmp_path / "ortaq.sqlite3")
    connection = sqlite3.connect(config["NAME"])
    connection.executescript(config["OPTIONS"]["init_command"])
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()

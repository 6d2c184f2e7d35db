"""`ortaq backup` / `ortaq restore`: the demo plus a generated dataset go round the archive unchanged — every
table, history and sessions included — on SQLite, and from a SQLite backup into PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from ortaq.core import backup as archive_module
from ortaq.core.backup import DERIVED, BackupError, backup, copied_models, restore

REPO = Path(settings.BASE_DIR)


def tables_of(path: Path) -> dict[str, dict]:
    """{table: {pk: fields}} as stored in an archive (JSON values compared as values, not as text)."""
    tables = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("data/"):
                rows = [json.loads(line) for line in archive.read(name).decode().splitlines() if line.strip()]
                tables[name.removeprefix("data/").removesuffix(".jsonl")] = {row["pk"]: row["fields"] for row in rows}
    return tables


def derived_rows() -> dict[str, list]:
    """The derived tables' contents without their ids (rebuilt rows get new ones)."""
    contents = {}
    for label in sorted(DERIVED):
        model = apps.get_model(label)
        names = [field.attname for field in model._meta.concrete_fields
                 if not (field.primary_key and field.name == "id")]
        contents[label] = sorted(map(repr, model._base_manager.values_list(*names)))
    return contents


@pytest.fixture
def registry(demo, users, client, settings, tmp_path):
    """The demo, a small generated dataset, an uploaded file, an edit (a history row) and a session."""
    from ortaq.agreements.models import Agreement

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("generate", "--organizations", "30", "--agreements", "20", "--events", "20", "--commitments", "30",
                 "--projects", "3", "--deliveries", "300", "--suppliers", "12", stdout=StringIO())
    agreement = Agreement.objects.order_by("pk").first()
    agreement.document_file.save("memo.pdf", ContentFile(b"%PDF-1.4 backup test\n"), save=False)
    agreement.note = "изменено перед резервным копированием"
    agreement.save()
    client.force_login(users.karaganda)
    archive_module.rebuild_derived()
    return agreement


@pytest.mark.django_db
def test_a_round_trip_keeps_every_table_history_sessions_and_files(registry, tmp_path, settings):
    first = tmp_path / "first.zip"
    manifest = backup(first)
    before = tables_of(first)
    derived_before = derived_rows()
    assert manifest["tables"]["sessions.Session"] >= 1
    assert manifest["tables"]["agreements.HistoricalAgreement"] >= 1 and manifest["media_files"] == 1
    assert {label: len(rows) for label, rows in before.items()} == manifest["tables"]
    assert set(manifest["tables"]) == {model._meta.label for model in copied_models()}

    with pytest.raises(BackupError, match="не пуста"):
        restore(first)  # a database with data is never emptied unasked
    (Path(settings.MEDIA_ROOT) / registry.document_file.name).unlink()
    restore(first, replace=True)

    second = tmp_path / "second.zip"
    backup(second)
    assert tables_of(second) == before  # every row of every table, history included, exactly as it was
    assert derived_rows() == derived_before  # search index and rollups rebuilt to the same rows
    assert (Path(settings.MEDIA_ROOT) / registry.document_file.name).read_bytes().startswith(b"%PDF-1.4")
    from ortaq.core.search import search

    assert search(registry.title)  # the search index answers after the restore


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    wrong = tmp_path / "not-a-backup.zip"
    with zipfile.ZipFile(wrong, "w") as archive:
        archive.writestr("readme.txt", "привет")
    with pytest.raises(CommandError, match="не архив резервной копии"):
        call_command("restore", str(wrong), stdout=StringIO())


def _run(command: list[str], url: str, var_dir: Path) -> str:
    env = {**os.environ, "ORTAQ_DATABASE_URL": url, "ORTAQ_VAR_DIR": str(var_dir), "OPENBLAS_NUM_THREADS": "1"}
    env.pop("ORTAQ_MEDIA_ROOT", None)
    done = subprocess.run([sys.executable, "-m", "ortaq", *command], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _postgres_url() -> str:
    url = os.environ.get("ORTAQ_TEST_POSTGRES_URL", "")
    if not url and connection.vendor == "postgresql":
        db = connection.settings_dict
        url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if not url:
        pytest.skip("PostgreSQL not configured: set ORTAQ_TEST_POSTGRES_URL to restore a SQLite backup into it")
    return url


@pytest.fixture
def fresh_postgres():
    """An empty PostgreSQL database `test_backup_<random>` on the test server, dropped afterwards."""
    import psycopg

    url = _postgres_url()
    name = f"test_backup_{uuid.uuid4().hex[:8]}"
    try:
        # The maintenance database always exists; the configured one (CI's `ortaq`) may not.
        admin = psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        if os.environ.get("ORTAQ_REQUIRE_SERVICES"):
            pytest.fail(f"PostgreSQL required but not answering: {error}")
        pytest.skip(f"PostgreSQL does not answer at the configured URL: {error}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield url.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _fresh_target(kind: str, request, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'restored' / 'ortaq.sqlite3'}"
    return request.getfixturevalue("fresh_postgres")


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_backup_restores_into_a_fresh_database_of_either_kind(target, registry, tmp_path, request):
    """`ortaq restore` in a new process migrates an empty database and loads the archive; a backup taken
    there holds the same rows (SQLite → SQLite, and the issue's SQLite/any → PostgreSQL)."""
    target_url = _fresh_target(target, request, tmp_path)
    first = tmp_path / "first.zip"
    backup(first)
    var_dir = tmp_path / "restored"
    output = _run(["restore", str(first)], target_url, var_dir)
    assert "Восстановлено" in output
    refused = subprocess.run([sys.executable, "-m", "ortaq", "restore", str(first)], cwd=REPO, capture_output=True,
                             text=True, env={**os.environ, "ORTAQ_DATABASE_URL": target_url,
                                             "ORTAQ_VAR_DIR": str(var_dir)}, timeout=600)
    assert refused.returncode != 0 and "--replace" in refused.stderr
    second = tmp_path / "second.zip"
    _run(["backup", str(second)], target_url, var_dir)
    assert tables_of(second) == tables_of(first)
    assert (var_dir / "media" / registry.document_file.name).is_file()

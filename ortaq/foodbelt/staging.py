"""An uploaded import file between its check and its import: kept outside `media/`, named by its digest.

On PostgreSQL the check also keeps the rows it validated, names and codes resolved to ids, beside the file
(`<token>.rows`, PostgreSQL's COPY text); the import COPYs them back instead of validating the file a second
time — half the work of a big import — unless what they were resolved against changed meanwhile (suppliers,
organizations, categories, regions, the user's scope, the day). It still checks them against the registry
(repeats, rows already there) and every reference at the insert.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sys
import time
from decimal import Decimal
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.db import connection

from ortaq.directory.models import Organization
from ortaq.foodbelt import importer, pg_import, supplier_import
from ortaq.foodbelt.models import ProductCategory, Supplier
from ortaq.foodbelt.tabular import read_rows
from ortaq.regions.models import Region

TOKEN = re.compile(r"^[0-9a-f]{64}\.(csv|xlsx|txt)$")
STAGED_FOR = 24 * 3600  # a previewed file not confirmed within a day is deleted


class UnknownToken(Exception):
    """The staged file is not there (imported, refused, expired) or the token is malformed."""


def staging_dir() -> Path:
    # Outside MEDIA_ROOT: a staged file is never served, backed up or listed with the uploaded documents.
    path = Path(settings.VAR_DIR) / "staging" / "foodbelt"
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_of(token: str) -> Path:
    if not TOKEN.match(token or "") or not (staging_dir() / token).is_file():
        raise UnknownToken(token)
    return staging_dir() / token


def checked_rows_of(path: Path) -> Path:
    return path.with_name(f"{path.name}.rows")


def discard(path: Path) -> None:
    """The staged file and the rows its check kept."""
    path.unlink(missing_ok=True)
    checked_rows_of(path).unlink(missing_ok=True)


def sweep() -> None:
    """Delete staged files whose preview was abandoned (never confirmed nor refused)."""
    cutoff = time.time() - STAGED_FOR
    for staged in staging_dir().iterdir():
        try:
            if staged.is_file() and staged.stat().st_mtime < cutoff:
                staged.unlink(missing_ok=True)
        except OSError:  # another request removed it meanwhile
            continue


def stage(upload) -> tuple[str, Path]:
    """Keep the uploaded file until it is imported or refused; its token is its digest."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    suffix = ".xlsx" if getattr(upload, "content_kind", "") == "xlsx" else ".csv"
    token = f"{digest.hexdigest()}{suffix}"
    path = staging_dir() / token
    with open(path, "wb") as stream:
        for chunk in upload.chunks():
            stream.write(chunk)
    return token, path


def count_rows(path: Path) -> int | None:
    """Data rows of a CSV (for the progress bar), counted by line ends; None for a spreadsheet."""
    if path.suffix == ".xlsx":
        return None
    lines, last = 0, b"\n"
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return max(0, lines + (last != b"\n") - 1)


def web_bulk_rows() -> int:
    """New rows from which an import confirmed on the site drops the delivery keys (never, by default: the
    bulk phase locks regions, suppliers and categories against every reader until it commits)."""
    return settings.ORTAQ_WEB_IMPORT_BULK_ROWS or sys.maxsize


def run(kind: str, path: Path, file_name: str, user, *, commit: bool, progress=None,
        phase=None) -> importer.ImportResult:
    with open(path, "rb") as stream:
        rows = read_rows(stream, path.name)
        if kind == "suppliers":
            return supplier_import.import_suppliers(rows, user=user, file_name=file_name, commit=commit)
        runner = importer.DeliveryImporter(user=user, file_name=file_name, sha256=path.stem, progress=progress,
                                           phase=phase,
                                           default_consumer=Region.objects.by_code(settings.ORTAQ_HOME_REGION),
                                           bulk_rows=web_bulk_rows())
        runner.stage_class = partial(CheckedStage, rows_file=checked_rows_of(path), keep=not commit)
        try:
            return runner.run(rows, commit=commit)
        finally:
            getattr(rows, "close", lambda: None)()  # rows left unread (checked rows reused) while the file is open


def _resolved_against(runner: importer.DeliveryImporter) -> str:
    """What the ids of validated rows depend on: the referenced tables (rows, last change), scope, day."""
    tables = [model._meta.db_table for model in (Supplier, Organization, ProductCategory, Region)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {table}), (SELECT max(updated_at) FROM {table})"
                                             for table in tables))
        figures = [str(value) for value in cursor.fetchone()]
    scope = [sorted(part) for part in runner.scope] if runner.scope is not None else None
    return json.dumps([figures, scope, str(runner.today), runner.default_consumer_id])


class CheckedStage(pg_import.Stage):
    """PostgreSQL: the check (`keep`) writes its validated rows to `rows_file`; the import reads them back."""

    def __init__(self, runner, *, bulk: int | None = None, rows_file: Path, keep: bool) -> None:
        super().__init__(runner, bulk=bulk)
        self.rows_file, self.keep = rows_file, keep

    def load(self, numbered) -> None:
        if not self.keep and self._reload():
            return
        super().load(numbered)
        if self.keep and not self.result.error_count:
            self._save()

    def _columns(self) -> str:
        return ", ".join(pg_import.STAGE_COLUMNS)

    def _save(self) -> None:
        header = {"resolved": _resolved_against(self.importer), "rows": self.result.rows, "staged": self.staged}
        partial_file = self.rows_file.with_name(f"{self.rows_file.name}.part")
        with open(partial_file, "wb") as stream, connection.connection.cursor() as cursor, \
                cursor.copy(f"COPY {pg_import.STAGE} ({self._columns()}) TO STDOUT") as copy:
            stream.write(json.dumps(header).encode() + b"\n")
            for block in copy:
                stream.write(block)
        partial_file.replace(self.rows_file)
        self._lap("keep the checked rows")

    def _reload(self) -> bool:
        try:
            stream = open(self.rows_file, "rb")
        except FileNotFoundError:
            return False
        with stream:
            try:
                header = json.loads(stream.readline())
            except ValueError:
                return False
            if header.get("resolved") != _resolved_against(self.importer):
                return False  # the registry changed since the check: the file is validated again
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{pg_import.STAGE}")
                cursor.execute(f"CREATE TEMP TABLE {pg_import.STAGE} ON COMMIT DROP AS SELECT {self._columns()} "
                               "FROM foodbelt_delivery WITH NO DATA")
            with connection.connection.cursor() as cursor, \
                    cursor.copy(f"COPY {pg_import.STAGE} ({self._columns()}) FROM STDIN") as copy:
                while block := stream.read(1 << 20):
                    copy.write(block)
        self.staged, self.result.rows = header["staged"], header["rows"]
        if self.importer.progress:
            self.importer.progress(header["rows"])
        self._lap("COPY the checked rows to stage")
        return True


def to_json(result: importer.ImportResult, encoder) -> dict:
    """The check's or the import's result as JSON for the job (errors, counts, the sample rows)."""
    data = {"rows": result.rows, "added": result.added, "skipped": result.skipped,
            "error_count": result.error_count, "committed": result.committed,
            "errors": [vars(error) for error in result.errors], "sample": result.sample}
    return json.loads(json.dumps(data, cls=encoder))


def from_json(data: dict) -> SimpleNamespace:
    """The result again, as the import page shows it."""
    sample = []
    for row in data.get("sample", []):
        row = dict(row)
        if isinstance(row.get("date"), str):
            row["date"] = datetime.date.fromisoformat(row["date"])
        for key in ("volume_tonnes", "value_tenge"):
            if row.get(key) is not None:
                row[key] = Decimal(str(row[key]))
        sample.append(row)
    return SimpleNamespace(**{**data, "sample": sample, "errors": [SimpleNamespace(**e) for e in data["errors"]],
                              "ok": data["error_count"] == 0})

"""An uploaded import file between its check and its import: kept outside `media/`, named by its digest."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import time
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

from ortaq.foodbelt import importer, supplier_import
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


def run(kind: str, path: Path, file_name: str, user, *, commit: bool, progress=None) -> importer.ImportResult:
    with open(path, "rb") as stream:
        rows = read_rows(stream, path.name)
        if kind == "suppliers":
            return supplier_import.import_suppliers(rows, user=user, file_name=file_name, commit=commit)
        runner = importer.DeliveryImporter(user=user, file_name=file_name, sha256=path.stem, progress=progress,
                                           default_consumer=Region.objects.by_code(settings.ORTAQ_HOME_REGION))
        return runner.run(rows, commit=commit)


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

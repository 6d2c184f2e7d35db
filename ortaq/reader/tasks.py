"""Reading in the worker: a long press release, or every text of a .zip, is read as a job with progress.

The texts wait in `var/staging/reader/` (outside `media/`) named by their digest. Each document is stored in
its own transaction and a text already read is skipped, so a job cut by a killed worker and run again
creates nothing twice.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ortaq.extraction import ExtractionInputError
from ortaq.jobs.registry import job_kind
from ortaq.reader.gazetteer import registry_pipeline
from ortaq.reader.matching import Matcher
from ortaq.reader.storing import find_read, store_reading


def staging_dir() -> Path:
    path = Path(settings.VAR_DIR) / "staging" / "reader"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stage_text(text: str) -> str:
    """Keep a text for the worker; its token (the digest) names it."""
    token = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (staging_dir() / f"{token}.txt").write_text(text, encoding="utf-8")
    return token


def _staged(token: str) -> Path:
    if len(token) != 64 or any(char not in "0123456789abcdef" for char in token):
        raise ValueError(token)
    return staging_dir() / f"{token}.txt"


def read_one(token: str, file_name: str, user, notes: list[str], matcher: Matcher) -> dict:
    """Read one staged text: {"document": pk, "proposals": n} or {"error": message}; the staged copy goes."""
    path = _staged(token)
    if not path.exists():
        return {"file_name": file_name, "error": str(_("Текст больше не ждёт чтения (уже прочитан или удалён)."))}
    text = path.read_text(encoding="utf-8")
    existing = find_read(text)
    if existing is not None:
        path.unlink(missing_ok=True)
        return {"file_name": file_name, "document": existing.pk, "proposals": 0, "existing": True}
    try:
        result = registry_pipeline().extract(text, "web")
    except ExtractionInputError as error:
        path.unlink(missing_ok=True)
        return {"file_name": file_name, "error": str(error)}
    stored = store_reading(text, result, matcher=matcher, file_name=file_name, user=user, notes=notes)
    path.unlink(missing_ok=True)
    return {"file_name": file_name, "document": stored.document.pk, "proposals": stored.proposals,
            "notes": [str(note) for note in stored.notes]}


@job_kind("reader", gettext_lazy("Чтение пресс-релизов"))
def read_texts(progress, texts: list[dict], user_id: int | None = None) -> None:
    """`texts`: [{"token", "file_name", "notes"}]; each read and stored on its own, with progress."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    matcher = Matcher()
    outcomes = []
    progress(0, len(texts))
    for number, item in enumerate(texts, start=1):
        outcomes.append(read_one(item["token"], item.get("file_name", ""), user, item.get("notes", []), matcher))
        progress(number, len(texts), item.get("file_name", ""))
        progress.save_result({"documents": outcomes})
        progress.check_cancelled()

"""Food-belt imports from the web, in a worker: the check of the whole file, then the import itself.

Both are jobs with progress. The check never writes; the import writes in one transaction, so a cancelled or
killed import leaves nothing behind, and running it again skips the rows already in the registry.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from ortaq.foodbelt import staging
from ortaq.foodbelt.tabular import UnreadableFile
from ortaq.jobs.registry import job_kind


def _user(user_id: int | None):
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


def _counter(progress, total: int | None):
    done = 0

    def count(rows: int) -> None:
        nonlocal done
        done += rows
        progress(done, total)
        progress.check_cancelled()

    return count


def _staged(progress, token: str, file_name: str):
    """The staged file, a row counter that reports progress against its length (and stops on cancel), and
    what to say once every row is read (the bar stands full while the rows are checked or written)."""
    path = staging.path_of(token)
    total = staging.count_rows(path)
    progress(0, total, file_name)

    def phase(message: str) -> None:
        progress(progress.job.done if total is None else total, total, message)
        progress.check_cancelled()

    return path, _counter(progress, total), phase


@job_kind("foodbelt-check", _("Проверка файла импорта"))
def check_file(progress, kind: str, token: str, file_name: str, user_id: int | None = None) -> None:
    path, counter, phase = _staged(progress, token, file_name)
    try:
        result = staging.run(kind, path, file_name, _user(user_id), commit=False, progress=counter, phase=phase)
    except UnreadableFile as error:
        staging.discard(path)
        progress.save_result({"unreadable": str(error)})
        return
    except Exception:
        staging.discard(path)
        raise
    if not result.ok:
        staging.discard(path)  # a refused file is not kept: the user fixes it and uploads again
    progress.save_result(staging.to_json(result, DjangoJSONEncoder))


@job_kind("foodbelt-import", _("Импорт файла"))
def import_file(progress, kind: str, token: str, file_name: str, user_id: int | None = None) -> None:
    path, counter, phase = _staged(progress, token, file_name)
    try:
        result = staging.run(kind, path, file_name, _user(user_id), commit=True, progress=counter, phase=phase)
    finally:
        staging.discard(path)  # imported, refused or cancelled: the staged copy is not needed again
    progress.save_result(staging.to_json(result, DjangoJSONEncoder))

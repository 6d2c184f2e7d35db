"""`ortaq backup FILE` / `ortaq restore FILE`: the whole registry in one zip archive, on SQLite and PostgreSQL
and across them.

The archive holds `manifest.json` (Ortaq's version, the applied migrations, every table's row count, when it
was made), `data/<app>.<Model>.jsonl` — every row of every table, history, sessions and many-to-many tables
included, in Django's JSON Lines serialization with the stored primary keys — and `media/…`, the uploaded
files. Derived tables (search index, analytics and food-belt rollups, the tracker's backlogs) are not copied:
restore rebuilds them from the registry, so they always agree with it.

Restore empties the tables (it refuses a non-empty database unless asked to replace it), inserts the rows
raw — no save signals, so no new history rows, no search or rollup updates per row — in dependency order
inside one transaction with the foreign keys checked once at the end, resets PostgreSQL's sequences, then
rebuilds the derived tables.
"""

from __future__ import annotations

import datetime
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder

import ortaq
from ortaq.core import derived

FORMAT = 1
MANIFEST = "manifest.json"
DATA_DIR = "data/"
MEDIA_DIR = "media/"
CHUNK = 2000
# Rebuilt from the registry on restore, never copied (see `rebuild_derived`).
DERIVED = frozenset({
    "core.SearchEntry", "analytics.PairYear", "analytics.Tally", "analytics.StaleRegion", "analytics.Touch",
    "agreements.OwnerBacklog", "agreements.RegionBacklog", "foodbelt.DeliveryRollup", "foodbelt.SupplierYear",
    "core.StaleStore",
})
# Filled by `migrate` itself: their presence does not make a database "not empty".
MIGRATE_FILLS = frozenset({"contenttypes.ContentType", "auth.Permission"})


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Russian."""


Say = Callable[[str], None]


def _quiet(message: str) -> None:
    return None


def copied_models() -> list[type[models.Model]]:
    """Every table the archive carries, parents before the tables that point at them."""
    chosen = [model for model in apps.get_models(include_auto_created=True)
              if model._meta.managed and not model._meta.proxy and model._meta.label not in DERIVED]
    return _dependency_order(chosen)


def _dependency_order(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    labels = {model._meta.label: model for model in chosen}
    needs = {label: {field.related_model._meta.label for field in model._meta.concrete_fields
                     if field.is_relation and field.related_model is not None} & set(labels) - {label}
             for label, model in labels.items()}
    ordered: list[str] = []
    while needs:
        ready = sorted(label for label, parents in needs.items() if not parents) or [sorted(needs)[0]]
        for label in ready:  # a cycle (none today) is broken alphabetically: foreign keys are checked at the end
            ordered.append(label)
            needs.pop(label)
        for parents in needs.values():
            parents.difference_update(ready)
    return [labels[label] for label in ordered]


def _field_names(model: type[models.Model]) -> list[str]:
    """The serialized columns: concrete fields only (many-to-many rows travel as their own tables)."""
    return [field.name for field in model._meta.concrete_fields if not field.primary_key]


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _media_files() -> Iterable[Path]:
    root = Path(settings.MEDIA_ROOT)
    if root.is_dir():
        yield from sorted(path for path in root.rglob("*") if path.is_file())


def _snapshot():
    """One consistent read of every table: a repeatable-read transaction on PostgreSQL; on SQLite the
    transaction (BEGIN IMMEDIATE) makes writers wait while the backup reads."""
    outermost = not connection.in_atomic_block
    atomic = transaction.atomic()
    atomic.__enter__()
    if connection.vendor == "postgresql" and outermost:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    return atomic


def backup(target: Path, say: Say = _quiet) -> dict:
    """Write the archive to `target` (through a temporary file, so a failed run leaves no half archive)."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    counts: dict[str, int] = {}
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        snapshot = _snapshot()
        try:
            for model in copied_models():
                counts[model._meta.label] = _write_table(archive, model)
                say(f"{model._meta.label}: {counts[model._meta.label]}")
            migrations = _applied_migrations()
        finally:
            snapshot.__exit__(None, None, None)
        media = _write_media(archive)
        manifest = {
            "format": FORMAT, "app": "ortaq", "app_version": ortaq.__version__,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database_vendor": connection.vendor, "migrations": migrations, "tables": counts,
            "derived_tables_rebuilt_on_restore": sorted(DERIVED), "media_files": media,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    partial.replace(target)
    return manifest


def _write_table(archive: zipfile.ZipFile, model: type[models.Model]) -> int:
    rows = model._base_manager.order_by("pk")
    count = 0

    def counted():
        nonlocal count
        for row in rows.iterator(chunk_size=CHUNK):
            count += 1
            yield row

    with archive.open(f"{DATA_DIR}{model._meta.label}.jsonl", "w", force_zip64=True) as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        serializers.serialize("jsonl", counted(), fields=_field_names(model), stream=stream,
                              cls=ExactEncoder)
        stream.flush()
        stream.detach()
    return count


def _write_media(archive: zipfile.ZipFile) -> int:
    root = Path(settings.MEDIA_ROOT)
    files = 0
    for path in _media_files():
        archive.write(path, MEDIA_DIR + path.relative_to(root).as_posix())
        files += 1
    return files


def read_manifest(source: Path) -> dict:
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(MANIFEST))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BackupError(f"{source}: это не архив резервной копии Ortaq ({error})") from error
    if manifest.get("app") != "ortaq" or manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: неизвестный формат архива ({manifest.get('format')})")
    return manifest


def occupied_tables() -> list[str]:
    """Tables with user data now (those `migrate` fills itself, derived ones and missing ones do not count)."""
    existing = set(connection.introspection.table_names())
    return [model._meta.label for model in copied_models()
            if model._meta.label not in MIGRATE_FILLS and model._meta.db_table in existing
            and model._base_manager.exists()]


def refuse_if_occupied(replace: bool) -> None:
    """A database or media folder holding data is only emptied when asked (`replace`)."""
    if replace:
        return
    occupied = occupied_tables()
    if occupied or any(True for _ in _media_files()):
        what = ", ".join(occupied[:5]) or str(settings.MEDIA_ROOT)
        raise BackupError(f"База не пуста ({what}…): восстановление заменит всё её содержимое. "
                          "Запустите с --replace, если это и нужно.")


def _check_migrations(manifest: dict) -> None:
    here = {tuple(item) for item in _applied_migrations()}
    missing = sorted({tuple(item) for item in manifest["migrations"]} - here)
    if missing:
        names = ", ".join(f"{app}.{name}" for app, name in missing[:5])
        raise BackupError(f"Копия сделана более новой версией Ortaq ({manifest['app_version']}): в этой базе нет "
                          f"миграций {names}. Обновите Ortaq и выполните `ortaq migrate`.")


def restore(source: Path, replace: bool = False, say: Say = _quiet) -> dict:
    """Load the archive into this (migrated) database; `replace` allows emptying a database with data."""
    source = Path(source)
    manifest = read_manifest(source)
    _check_migrations(manifest)
    refuse_if_occupied(replace)
    media_root = Path(settings.MEDIA_ROOT)
    chosen = copied_models()
    known = {model._meta.label for model in chosen}
    unknown = sorted(set(manifest["tables"]) - known)
    if unknown:
        raise BackupError(f"В копии есть таблицы, которых нет в этой версии Ortaq: {', '.join(unknown)}")
    with zipfile.ZipFile(source) as archive:
        with transaction.atomic():
            _empty(chosen + [apps.get_model(label) for label in DERIVED])
            for model in chosen:
                loaded = _load_table(archive, model, manifest["tables"].get(model._meta.label, 0))
                say(f"{model._meta.label}: {loaded}")
            _check_foreign_keys(chosen)
            _reset_sequences(chosen)
        _extract_media(archive, media_root)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    rebuild_derived(say)
    return manifest


def _empty(chosen: list[type[models.Model]]) -> None:
    tables = [model._meta.db_table for model in chosen]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses while earlier writes of this transaction wait for their deferred key checks.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _load_table(archive: zipfile.ZipFile, model: type[models.Model], expected: int) -> int:
    name = f"{DATA_DIR}{model._meta.label}.jsonl"
    if name not in archive.NameToInfo:
        if expected:
            raise BackupError(f"В архиве нет {name}, хотя манифест обещает {expected} строк")
        return 0
    fields = [field for field in model._meta.concrete_fields]
    loaded, batch = 0, []
    with archive.open(name) as raw:
        for item in serializers.deserialize("jsonl", io.TextIOWrapper(raw, encoding="utf-8")):
            batch.append(item.object)
            if len(batch) >= CHUNK:
                loaded += _insert(model, fields, batch)
                batch = []
    loaded += _insert(model, fields, batch)
    if loaded != expected:
        raise BackupError(f"{model._meta.label}: прочитано {loaded} строк, манифест говорит {expected}")
    return loaded


def _insert(model: type[models.Model], fields: list, objects: list) -> int:
    """Raw insert (as `loaddata` does): stored values kept as they are (auto_now untouched), no signals."""
    if not objects:
        return 0
    size = max(1, connection.ops.bulk_batch_size(fields, objects) or len(objects))
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start:start + size], fields=fields, raw=True)
    return len(objects)


def _check_foreign_keys(chosen: list[type[models.Model]]) -> None:
    try:
        connection.check_constraints(table_names=[model._meta.db_table for model in chosen])
    except Exception as error:
        raise BackupError(f"Копия не согласована (внешние ключи): {error}") from error


def _reset_sequences(chosen: list[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), chosen)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _extract_media(archive: zipfile.ZipFile, root: Path) -> None:
    for info in archive.infolist():
        if not info.filename.startswith(MEDIA_DIR) or info.is_dir():
            continue
        relative = PurePosixPath(info.filename[len(MEDIA_DIR):])
        if relative.is_absolute() or ".." in relative.parts:
            raise BackupError(f"Недопустимый путь в архиве: {info.filename}")
        target = root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink)


def rebuild_derived(say: Say = _quiet) -> None:
    """Every derived store rebuilt from the restored registry (ortaq.core.derived: in declaration order, so a
    store comes after those it reads), then the database's statistics re-read for the loaded tables."""
    for store in derived.stores():
        with transaction.atomic():
            store.rebuild()
        say(f"{store.label}: пересчитано")
    derived.rebuilt(*(store.name for store in derived.stores()))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

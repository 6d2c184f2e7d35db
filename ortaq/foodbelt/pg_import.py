"""PostgreSQL side of the delivery import: rows staged by one COPY, checked as sets, stored in one short phase.

Measured on 1M rows (2 cores, see bench/bench_foodbelt.py): validating the rows in Python takes ~17 s; COPY
into `foodbelt_delivery` takes ~20 s for the heap and its four indexes plus ~30 s (immediate) to ~46 s
(deferred) for the per-row checks of its three foreign keys, which the role may neither disable nor batch. So:

1. While Python validates the file, every valid row goes by ONE COPY into an unindexed TEMP table (~4 s of
   the backend's time, overlapping the validation; no thread needed).
2. Repeats inside the file and rows already in the registry are found by two set-based queries.
3. Only when everything passed and the import commits: the rollups are added from the staged rows by one
   upsert, then the new rows go into `foodbelt_delivery` by one INSERT … SELECT:
   - up to `bulk_rows` new rows (default 50 000, setting ORTAQ_DELIVERY_IMPORT_BULK_ROWS), or when the new
     rows are fewer than half of the rows already stored, with the foreign keys in place (their per-row
     checks cost ~30 µs a row: 1.5 s for 50 000 rows; no lock beyond a plain insert's);
   - above that (the "bulk" phase): the four tables are locked (waiting at most `lock_timeout`, 3 s, setting
     ORTAQ_DELIVERY_IMPORT_LOCK_TIMEOUT_MS; a clear refusal when they are busy), the three foreign keys are dropped, the rows inserted, the staged rows' references checked by
     one query each, and the keys added again under their own names and `pg_get_constraintdef` definitions
     as NOT VALID; after COMMIT `VALIDATE CONSTRAINT` marks them validated (a scan of the table that takes
     no lock blocking readers or writers, ~10 µs a stored row). Dropping a foreign key takes ACCESS
     EXCLUSIVE locks on the referenced tables (regions, suppliers, categories): readers of those tables wait
     for this phase, ~15 s for a million rows. Hence the threshold, and the ratio rule: VALIDATE scans the
     whole table, so below half of its size the per-row checks are cheaper.
A killed process leaves nothing: everything up to COMMIT is one transaction. If it dies between COMMIT and
VALIDATE, the keys stay enforced but marked NOT VALID until the next import validates them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
BULK_ROWS = 50_000
BULK_SHARE = 0.5  # the bulk phase only when the new rows are at least this share of the rows already stored
LOCK_TIMEOUT_MS = 3000
STAGE = "foodbelt_delivery_stage"
STAGE_COLUMNS = ("supplier_id", "category_id", "date", "volume_tonnes", "value_tenge", "consumer_region_id",
                 "consumer", "document_number", "source_row")
MATCH = "d.supplier_id = s.supplier_id AND d.document_number = s.document_number"
SAME = ("d.date = s.date AND d.category_id = s.category_id AND d.volume_tonnes = s.volume_tonnes "
        "AND d.value_tenge = s.value_tenge AND d.consumer_region_id = s.consumer_region_id")
BUSY_SQLSTATES = {"55P03", "40P01"}  # lock_not_available, deadlock_detected


def bulk_rows() -> int:
    return int(getattr(settings, "ORTAQ_DELIVERY_IMPORT_BULK_ROWS", BULK_ROWS))


def lock_timeout_ms() -> int:
    return int(getattr(settings, "ORTAQ_DELIVERY_IMPORT_LOCK_TIMEOUT_MS", LOCK_TIMEOUT_MS))


@contextmanager
def _local(cursor, name: str, value: str) -> Iterator[None]:
    """A setting changed for a few statements of the transaction, then put back."""
    cursor.execute("SELECT current_setting(%s)", [name])
    previous = cursor.fetchone()[0]
    cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
    yield  # on an error the transaction (or its savepoint) is rolled back, and the setting with it
    cursor.execute("SELECT set_config(%s, %s, true)", [name, previous])


def foreign_keys(cursor) -> list[tuple[str, str, str]]:
    """(name, definition, referenced table) of every foreign key of the deliveries, definitions as created."""
    cursor.execute("SELECT conname, pg_get_constraintdef(oid), confrelid::regclass::text FROM pg_constraint "
                   "WHERE conrelid = 'foodbelt_delivery'::regclass AND contype = 'f' ORDER BY conname")
    return [(name, definition.removesuffix(" NOT VALID"), table) for name, definition, table in cursor.fetchall()]


def validate_foreign_keys() -> None:
    """Mark the deliveries' NOT VALID foreign keys validated (each in its own short transaction)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = 'foodbelt_delivery'::regclass "
                           "AND contype = 'f' AND NOT convalidated")
            for (name,) in cursor.fetchall():
                with transaction.atomic():
                    cursor.execute(f"ALTER TABLE foodbelt_delivery VALIDATE CONSTRAINT {_quote(name)}")
    except Exception:  # the keys stay enforced; the next import validates them again
        logger.exception("validating the foreign keys of foodbelt_delivery failed")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Stage:
    """The import's valid rows in a TEMP table of this transaction, then checked and stored as sets."""

    def __init__(self, importer, *, bulk: int | None = None) -> None:
        self.importer, self.result = importer, importer.result
        self.bulk_rows = bulk_rows() if bulk is None else bulk
        self.used_bulk = False
        self.clock = time.perf_counter()

    def _lap(self, name: str) -> None:
        """Seconds spent in a phase since the previous one (shown by `import-deliveries -v 2`)."""
        now = time.perf_counter()
        self.result.timings[name] = self.result.timings.get(name, 0) + now - self.clock
        self.clock = now

    def load(self, numbered: Iterator[tuple[int, list]]) -> None:
        """Validate the rows chunk by chunk here while PostgreSQL reads the valid ones from one COPY."""
        importer = self.importer
        raw = connection.connection  # psycopg: its COPY streams while this process validates the next rows
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{STAGE}")
            cursor.execute(f"CREATE TEMP TABLE {STAGE} ON COMMIT DROP AS SELECT {', '.join(STAGE_COLUMNS)} "
                           "FROM foodbelt_delivery WITH NO DATA")
        self.staged = 0
        with raw.cursor() as cursor, cursor.copy(
                f"COPY {STAGE} ({', '.join(STAGE_COLUMNS)}) FROM STDIN") as copy:
            write = copy.write_row
            while chunk := list(islice(numbered, importer.chunk_size)):
                valid = importer._validate(chunk)
                for number, p in valid:
                    write((p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], number))
                self.staged += len(valid)
                if importer.progress:
                    importer.progress(len(chunk))
        self._lap("validate + COPY to stage")

    def check(self) -> None:
        """Report repeats inside the file and rows conflicting with the registry; count the skipped ones."""
        importer, result = self.importer, self.result
        header = importer._header("document_number")
        with connection.cursor() as cursor, _local(cursor, "work_mem", "256MB"):
            cursor.execute(f"ANALYZE {STAGE}")
            repeated = (f"(SELECT supplier_id, document_number, min(source_row) AS first_row FROM {STAGE} "
                        "GROUP BY 1, 2 HAVING count(*) > 1) f")
            cursor.execute(f"SELECT s.source_row, s.document_number, f.first_row, count(*) OVER () FROM {STAGE} s "
                           f"JOIN {repeated} USING (supplier_id, document_number) WHERE s.source_row <> f.first_row "
                           "ORDER BY 1 LIMIT %s", [importer.max_errors])
            repeats = cursor.fetchall()
            for number, document, first, _count in repeats:
                importer._duplicate(number, document, first)
            repeat_count = repeats[0][3] if repeats else 0
            if repeats:
                result.error_count += repeat_count - len(repeats)
                cursor.execute(f"DELETE FROM {STAGE} s USING {repeated} WHERE s.supplier_id = f.supplier_id AND "
                               "s.document_number = f.document_number AND s.source_row <> f.first_row")
            cursor.execute(f"SELECT count(*), count(*) FILTER (WHERE {SAME}) FROM {STAGE} s "
                           f"JOIN foodbelt_delivery d ON {MATCH}")
            matched, skipped = cursor.fetchone()
            if matched > skipped:
                cursor.execute(f"SELECT s.source_row, s.document_number, d.date FROM {STAGE} s JOIN "
                               f"foodbelt_delivery d ON {MATCH} WHERE NOT ({SAME}) ORDER BY 1 LIMIT %s",
                               [importer.max_errors])
                conflicts = cursor.fetchall()
                for number, document, day in conflicts:
                    importer._error(number, header, document, _(
                        "Документ № %(number)s этого поставщика уже есть в реестре с другими данными "
                        "(поставка от %(date)s).") % {"number": document, "date": day.strftime("%d.%m.%Y")})
                result.error_count += matched - skipped - len(conflicts)
            result.skipped += skipped
            result.added = self.staged - repeat_count - matched
            if matched and result.added:  # (nothing is left to store when every row is already there)
                cursor.execute(f"DELETE FROM {STAGE} s USING foodbelt_delivery d WHERE {MATCH}")
            if result.added:
                cursor.execute(f"SELECT source_row, supplier_id, category_id, date, volume_tonnes, value_tenge, "
                               f"document_number FROM {STAGE} ORDER BY source_row LIMIT %s", [importer.sample_size])
                keys = ("row", "supplier_id", "category_id", "date", "volume_tonnes", "value_tenge",
                        "document_number")
                result.sample = [dict(zip(keys, row)) for row in cursor.fetchall()]
        self._lap("check repeats and registry")

    def store(self) -> set[int] | None:
        """Add the staged rows and their sums; the regions touched, or None when the tables stayed busy."""
        importer = self.importer
        with connection.cursor() as cursor:
            with _local(cursor, "work_mem", "256MB"):
                regions = self._add_rollups(cursor)
            self._lap("rollups")
            keys = foreign_keys(cursor)
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'foodbelt_delivery'::regclass")
            stored = max(0, cursor.fetchone()[0])
            names = ", ".join(_quote(name) for name, _definition, _table in keys) or "ALL"
            self.used_bulk = bool(keys) and self.result.added >= max(self.bulk_rows, BULK_SHARE * stored)
            if self.used_bulk and not self._lock(cursor, keys):
                return None
            self._lap("lock")
            # Checks still queued by earlier writes of this transaction fire now: no table with queued checks
            # can be altered. Without the bulk phase the new rows are then checked once, at the INSERT.
            checked = "ALL" if self.used_bulk else names
            cursor.execute(f"SET CONSTRAINTS {checked} IMMEDIATE")
            if self.used_bulk:
                for name, _definition, _table in keys:
                    cursor.execute(f"ALTER TABLE foodbelt_delivery DROP CONSTRAINT {_quote(name)}")
            cursor.execute(
                "INSERT INTO foodbelt_delivery (created_at, updated_at, version, supplier_id, category_id, date, "
                "volume_tonnes, value_tenge, consumer_region_id, consumer, document_number, batch_id, source_row, "
                f"synthetic) SELECT %s, %s, 1, {', '.join(STAGE_COLUMNS[:-1])}, %s, source_row, %s FROM {STAGE}",
                [importer.now, importer.now, importer.batch.pk, importer.synthetic])
            self._lap("insert" + (" (keys dropped)" if self.used_bulk else ""))
            if self.used_bulk:
                if not self._references_exist(cursor):
                    return None  # the caller rolls back: the keys are dropped in this transaction only
                for name, definition, _table in keys:
                    cursor.execute(f"ALTER TABLE foodbelt_delivery ADD CONSTRAINT {_quote(name)} {definition} "
                                   "NOT VALID")
            # Back to Django's constraints' own mode: every key it creates is DEFERRABLE INITIALLY DEFERRED.
            cursor.execute(f"SET CONSTRAINTS {checked} DEFERRED")
            transaction.on_commit(self._validate_after_commit)  # also any key a killed import left NOT VALID
            cursor.execute(f"DROP TABLE pg_temp.{STAGE}")
            self._lap("keys re-added" if self.used_bulk else "keys checked")
        return regions

    def _validate_after_commit(self) -> None:
        self.clock = time.perf_counter()
        validate_foreign_keys()
        self._lap("VALIDATE keys after commit")

    def _lock(self, cursor, keys: list[tuple[str, str, str]]) -> bool:
        """The deliveries and the tables their keys reference, exclusively; False (reported) when busy."""
        tables = ", ".join(dict.fromkeys(["foodbelt_delivery", *(table for _n, _d, table in keys)]))
        with _local(cursor, "lock_timeout", f"{lock_timeout_ms()}ms"):
            try:
                with transaction.atomic():
                    cursor.execute(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE")
            except OperationalError as error:
                if getattr(error.__cause__, "sqlstate", None) not in BUSY_SQLSTATES:
                    raise
                self.importer._error(0, "", "", _(
                    "Файл не импортирован: таблицы поставок, поставщиков и регионов сейчас заняты другими "
                    "пользователями (ждали %(seconds)s с). Повторите импорт позже.") % {
                        "seconds": f"{lock_timeout_ms() / 1000:g}"})
                return False
        return True

    def _references_exist(self, cursor) -> bool:
        """Every supplier, category and region the staged rows name still exists (the keys are off)."""
        cursor.execute(
            f"SELECT (SELECT count(*) FROM (SELECT DISTINCT supplier_id FROM {STAGE}) x WHERE NOT EXISTS "
            "(SELECT 1 FROM foodbelt_supplier t WHERE t.id = x.supplier_id)) + "
            f"(SELECT count(*) FROM (SELECT DISTINCT category_id FROM {STAGE}) x WHERE NOT EXISTS "
            "(SELECT 1 FROM foodbelt_productcategory t WHERE t.id = x.category_id)) + "
            f"(SELECT count(*) FROM (SELECT DISTINCT consumer_region_id FROM {STAGE}) x WHERE NOT EXISTS "
            "(SELECT 1 FROM regions_region t WHERE t.id = x.consumer_region_id))")
        if cursor.fetchone()[0]:
            self.importer._error(0, "", "", _("Файл не импортирован: поставщик, категория или регион из файла "
                                              "удалены во время импорта. Повторите импорт."))
            return False
        return True

    def _add_rollups(self, cursor) -> set[int]:
        """The staged rows' sums added to both rollups by one upsert each; the regions they touch."""
        join = (f"FROM {STAGE} s JOIN foodbelt_supplier p ON p.id = s.supplier_id "
                "JOIN directory_organization o ON o.id = p.organization_id WHERE o.region_id IS NOT NULL")
        year, month = "CAST(EXTRACT(YEAR FROM s.date) AS INTEGER)", "CAST(EXTRACT(MONTH FROM s.date) AS INTEGER)"
        cursor.execute(
            "INSERT INTO foodbelt_deliveryrollup (supplier_region_id, consumer_region_id, category_id, year, month, "
            f"value_tenge, volume_tonnes, deliveries) SELECT o.region_id, s.consumer_region_id, s.category_id, "
            f"{year}, {month}, SUM(s.value_tenge), SUM(s.volume_tonnes), COUNT(*) {join} GROUP BY 1, 2, 3, 4, 5 "
            "ON CONFLICT (supplier_region_id, consumer_region_id, category_id, year, month) DO UPDATE SET "
            "value_tenge = foodbelt_deliveryrollup.value_tenge + excluded.value_tenge, "
            "volume_tonnes = foodbelt_deliveryrollup.volume_tonnes + excluded.volume_tonnes, "
            "deliveries = foodbelt_deliveryrollup.deliveries + excluded.deliveries "
            "RETURNING supplier_region_id, consumer_region_id")
        regions = {region for row in cursor.fetchall() for region in row}
        cursor.execute(
            "INSERT INTO foodbelt_supplieryear (supplier_id, supplier_region_id, consumer_region_id, year, "
            f"value_tenge, volume_tonnes, deliveries) SELECT s.supplier_id, o.region_id, s.consumer_region_id, "
            f"{year}, SUM(s.value_tenge), SUM(s.volume_tonnes), COUNT(*) {join} GROUP BY 1, 2, 3, 4 "
            "ON CONFLICT (supplier_id, consumer_region_id, year) DO UPDATE SET "
            "value_tenge = foodbelt_supplieryear.value_tenge + excluded.value_tenge, "
            "volume_tonnes = foodbelt_supplieryear.volume_tonnes + excluded.volume_tonnes, "
            "deliveries = foodbelt_supplieryear.deliveries + excluded.deliveries")
        return regions

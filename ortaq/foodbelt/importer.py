"""Importing deliveries from a file: every row checked by the rules of `validation`, all or nothing.

The importer streams rows in chunks inside ONE transaction and validates each row. On SQLite it inserts the
valid ones at once (so that a document number repeated anywhere in the file is caught against the rows
already written); on PostgreSQL they are staged and checked as sets, then stored in one short phase
(`pg_import`). At the end it either commits — refreshing the rollups in the same transaction — or, when any
row was refused or this is a preview, rolls everything back. A killed process therefore leaves nothing
behind. A row whose supplier and document number are already in the registry with the same data is skipped,
so a re-run of the same file adds nothing twice.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ortaq.core import formatting, writes
from ortaq.core.permissions import ADMIN, role_of, user_scope
from ortaq.foodbelt import pg_import, rollups, validation
from ortaq.foodbelt.models import TENGE, TONNES, Delivery, DeliveryImport, ProductCategory, Supplier
from ortaq.regions.models import Region

# (key, header of the template — translated per language, every language's accepted —, other accepted headers)
COLUMNS = [
    ("supplier_bin", gettext_noop("БИН поставщика"), ("bin", "бин", "supplier_bin")),
    ("supplier", gettext_noop("Поставщик"), ("supplier", "supplier_name", "поставщик (название)")),
    ("category", gettext_noop("Категория"), ("category", "категория продукции")),
    ("date", gettext_noop("Дата"), ("date", "дата поставки")),
    ("volume_tonnes", gettext_noop("Объём, т"), ("volume_tonnes", "tonnes", "объем, т", "объём", "объем", "тонн")),
    ("value_tenge", gettext_noop("Сумма, тенге"), ("value_tenge", "tenge", "сумма", "сумма, тг")),
    ("consumer_region", gettext_noop("Регион-потребитель"), ("consumer_region", "потребитель (регион)")),
    ("consumer", gettext_noop("Получатель"), ("consumer", "получатель (организация)")),
    ("document_number", gettext_noop("Номер документа"), ("document_number", "номер", "№ документа", "номер накладной")),
]
REQUIRED = ("category", "date", "volume_tonnes", "value_tenge", "document_number")
CHUNK = 5000
SQLITE_CACHE_KB = 256 * 1024
SQLITE_ROWS_PER_STATEMENT = 1000  # 9 bound values a row: well below SQLite's 32 766 variables


def _plain_number(field: dict) -> re.Pattern:
    """Numbers as files mostly write them ("1234.5"): within the field's digits and decimals, no sign."""
    places = field["decimal_places"]
    return re.compile(rf"\d{{1,{field['max_digits'] - places}}}(?:\.\d{{1,{places}}})?")


TONNES_TEXT, TENGE_TEXT = _plain_number(TONNES), _plain_number(TENGE)


def _fold(text) -> str:
    return " ".join(str(text or "").lower().replace("ё", "е").split())


HEADER_KEYS = {_fold(alias): key for key, header, aliases in COLUMNS for alias in (key, header, *aliases)}


@lru_cache(maxsize=8)
def translated_header_keys(columns: tuple) -> dict[str, str]:
    """The template headers of every interface language (Kazakh, English, …) → column key."""
    from django.conf import settings

    keys = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            keys.update({_fold(_(header)): key for key, header, _aliases in columns})
    return keys


def header_key(name, columns=None, header_keys=None) -> str | None:
    """The column a file's header names, in any language of the interface."""
    columns, header_keys = columns or COLUMNS, header_keys or HEADER_KEYS
    folded = _fold(name)
    return header_keys.get(folded) or translated_header_keys(tuple(columns)).get(folded)


def template_headers() -> list[str]:
    """The template's headers in the interface language."""
    return [_(header) for _key, header, _aliases in COLUMNS]


@dataclass
class RowError:
    row: int
    column: str
    value: str
    message: str


@dataclass
class ImportResult:
    rows: int = 0
    added: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    sample: list[dict] = field(default_factory=list)
    committed: bool = False
    timings: dict[str, float] = field(default_factory=dict)  # seconds by phase (PostgreSQL)

    @property
    def ok(self) -> bool:
        return self.error_count == 0


class Lookups:
    """Suppliers, categories and regions by every name a file may use, loaded once per import."""

    def __init__(self) -> None:
        self.by_bin: dict[str, tuple[int, int | None, int]] = {}
        self.by_name: dict[str, tuple[int, int | None, int] | None] = {}
        for pk, bin_, name, region_id, organization_id in Supplier.objects.values_list(
                "pk", "organization__bin", "organization__name", "organization__region_id", "organization_id"):
            entry = (pk, region_id, organization_id)
            if bin_:
                self.by_bin[bin_] = entry
            folded = _fold(name)
            self.by_name[folded] = None if folded in self.by_name else entry  # None: ambiguous
        self.categories: dict[str, int] = {}
        for pk, slug, *names in ProductCategory.objects.values_list("pk", "slug", "name_ru", "name_kk", "name_en"):
            for name in (slug, *names):
                if name:
                    self.categories[_fold(name)] = pk
        self.regions: dict[str, int] = {}
        for pk, code, kato, historic, *names in Region.objects.values_list(
                "pk", "code", "kato", "historic_names", "name_ru", "name_kk", "name_en", "centre"):
            for name in (code, kato, *historic, *names):
                if name:
                    self.regions.setdefault(_fold(name), pk)


class DeliveryImporter:
    """Validates and (unless previewing or refused) imports rows of deliveries in one transaction."""

    stage_class = pg_import.Stage  # PostgreSQL; a web import's check and import use `staging.CheckedStage`

    def __init__(self, *, user=None, file_name: str = "", sha256: str = "", synthetic: bool = False,
                 default_consumer: Region | None = None, today: datetime.date | None = None,
                 max_errors: int = 10000, sample_size: int = 20, chunk_size: int = CHUNK,
                 progress: Callable[[int], None] | None = None, bulk_rows: int | None = None,
                 phase: Callable[[str], None] | None = None) -> None:
        self.user, self.file_name, self.sha256, self.synthetic = user, file_name, sha256, synthetic
        # Told what the import does once every row is read (the page shows it while the bar stands at 100 %).
        self.phase = phase or (lambda message: None)
        self.today = today or timezone.localdate()
        self.max_errors, self.sample_size, self.chunk_size, self.progress = (
            max_errors, sample_size, chunk_size, progress)
        self.default_consumer_id = default_consumer.pk if default_consumer else None
        self.bulk_rows = bulk_rows  # PostgreSQL: new rows from which keys are dropped and re-added (pg_import)
        self.stage: pg_import.Stage | None = None
        self.scope = None
        if user is not None and role_of(user) != ADMIN:
            self.scope = user_scope(user)

    # -- the whole run --------------------------------------------------------------------------------
    def run(self, rows: Iterable[list], *, commit: bool = True) -> ImportResult:
        """Import rows (the header row first); commit only when every row passed and `commit` is true."""
        self.result = ImportResult()
        self.stage = None
        self.lookups = Lookups()
        # Sums of the inserted rows, added to the rollups at the end (exact decimals, proportional to the file).
        self.cells: dict[tuple, list] = {}
        self.supplier_years: dict[tuple, list] = {}
        self.supplier_regions = {entry[0]: entry[1] for entry in self.lookups.by_bin.values()}
        self.supplier_regions.update({entry[0]: entry[1] for entry in self.lookups.by_name.values() if entry})
        self.category_memo: dict = {}
        self.region_memo: dict = {}
        self.supplier_memo: dict = {}
        self.date_memo: dict = {}
        self.parsers = (("date", lambda value: validation.delivery_date(value, self.today)),
                        ("volume_tonnes", validation.volume), ("value_tenge", validation.money),
                        ("document_number", validation.document_number))
        iterator = iter(rows)
        header = next(iterator, None)
        with _large_cache(), transaction.atomic():
            if not self._read_header(header):
                return self.result
            self.batch = DeliveryImport.objects.create(
                file_name=self.file_name[:255], sha256=self.sha256, synthetic=self.synthetic,
                imported_by=self.user if getattr(self.user, "is_authenticated", False) else None)
            self.now = connection.ops.adapt_datetimefield_value(timezone.now())
            numbered = enumerate(iterator, start=2)
            if connection.vendor == "postgresql":
                self.stage = self.stage_class(self, bulk=self.bulk_rows)
                self.stage.load(numbered)
                self.phase(_("Проверка повторов и записей, уже внесённых в реестр…"))
                self.stage.check()
            else:
                with connection.cursor() as cursor:
                    while chunk := list(islice(numbered, self.chunk_size)):
                        self._store(cursor, self._validate(chunk))
                        if self.progress:
                            self.progress(len(chunk))
            self.result.errors.sort(key=lambda error: error.row)  # stable: columns keep their order
            if not self.result.ok or not commit:
                transaction.set_rollback(True)
                return self.result
            DeliveryImport.objects.filter(pk=self.batch.pk).update(
                rows_total=self.result.rows, rows_added=self.result.added, rows_skipped=self.result.skipped)
            if self.result.added:
                self.phase(_("Запись %(count)s строк в реестр и пересчёт итогов…") % {
                    "count": formatting.number(self.result.added)})
                if self.stage is not None:
                    regions = self.stage.store()
                    if regions is None:  # refused (tables busy): reported as an error, nothing kept
                        self.result.errors.sort(key=lambda error: error.row)
                        transaction.set_rollback(True)
                        return self.result
                else:
                    rollups.add(self.cells, self.supplier_years)
                    regions = {key[0] for key in self.cells} | {key[1] for key in self.cells}
                # Written behind the signals' back, counted in the food belt's cells above: the other
                # stores learn of them from the dispatcher (the regions' rollups are marked stale).
                writes.bulk_written(Delivery, regions=regions, counted=True, batch=self.batch.pk)
            self.result.committed = True
        return self.result

    def _read_header(self, header: list | None) -> bool:
        if not header:
            self._error(1, "", "", _("Файл пуст: нет строки заголовков."))
            return False
        self.columns = {}
        for index, name in enumerate(header):
            key = header_key(name)
            if key and key not in self.columns:
                self.columns[key] = (index, str(name).strip())
        missing = [_(header) for key, header, _a in COLUMNS if key in REQUIRED and key not in self.columns]
        if "supplier_bin" not in self.columns and "supplier" not in self.columns:
            missing.insert(0, _("БИН поставщика или Поставщик"))
        if "consumer_region" not in self.columns and self.default_consumer_id is None:
            missing.append(_(COLUMNS[6][1]))
        for name in missing:
            self._error(1, name, "", _("Нет обязательного столбца «%(column)s».") % {"column": name})
        # Positions for the fast path; it needs the supplier's BIN (rows with only a name take the full path).
        index = {key: position for key, (position, _name) in self.columns.items()}
        self.width = max(index.values(), default=0) + 1
        self.i_bin = index.get("supplier_bin", -1) if "supplier_bin" in index else None
        self.i_category, self.i_date = index.get("category"), index.get("date")
        self.i_tonnes, self.i_tenge = index.get("volume_tonnes"), index.get("value_tenge")
        self.i_document, self.i_consumer = index.get("document_number"), index.get("consumer")
        self.i_consumer_region = index.get("consumer_region")
        return not missing

    def _error(self, row: int, column: str, value, message: str) -> None:
        self.result.error_count += 1
        if len(self.result.errors) < self.max_errors:
            self.result.errors.append(RowError(row, column, "" if value is None else str(value)[:200], message))

    # -- one chunk ------------------------------------------------------------------------------------
    def _validate(self, chunk: list[tuple[int, list]]) -> list[tuple[int, tuple]]:
        """The chunk's valid rows; errors of the others, and repeats inside the chunk, are recorded."""
        valid, seen = [], {}
        for number, values in chunk:
            if not any(values):
                continue  # blank lines between blocks of a spreadsheet are not rows
            self.result.rows += 1
            parsed = self._fast(values) or self._row(number, values)
            if parsed is None:
                continue
            key = (parsed[0], parsed[7])
            if key in seen:
                self._duplicate(number, parsed[7], seen[key])
                continue
            seen[key] = number
            valid.append((number, parsed))
        return valid

    def _store(self, cursor, valid: list[tuple[int, tuple]]) -> None:
        """SQLite: insert the rows not yet in the registry; skip the same ones, refuse the different ones."""
        existing = self._existing(cursor, [parsed[7] for _number, parsed in valid])
        insert = []
        for number, parsed in valid:
            found = existing.get((parsed[0], parsed[7]))
            if found is None:
                insert.append((number, parsed))
            elif found["batch_id"] == self.batch.pk:
                self._duplicate(number, parsed[7], found["source_row"])
            elif (found["date"], found["category_id"], found["volume_tonnes"], found["value_tenge"],
                  found["consumer_region_id"]) == (parsed[2], parsed[1], parsed[3], parsed[4], parsed[5]):
                self.result.skipped += 1
            else:
                self._error(number, self._header("document_number"), parsed[7], _(
                    "Документ № %(number)s этого поставщика уже есть в реестре с другими данными "
                    "(поставка от %(date)s).") % {"number": parsed[7], "date": found["date"].strftime("%d.%m.%Y")})
        if insert:
            self._insert(cursor, insert)
            self.result.added += len(insert)
            self._sum(insert)
        for number, parsed in insert[: max(0, self.sample_size - len(self.result.sample))]:
            self.result.sample.append(self._describe(number, parsed))

    def _sum(self, rows: list[tuple[int, tuple]]) -> None:
        cells, years, regions = self.cells, self.supplier_years, self.supplier_regions
        for _number, (supplier, category, day, tonnes, tenge, consumer, _name, _document) in rows:
            region = regions.get(supplier)
            if region is None:
                continue  # a supplier without a region is left out of the rollups, as by `rollups.rebuild`
            key = (region, consumer, category, day.year, day.month)
            sums = cells.get(key)
            if sums is None:
                cells[key] = [tenge, tonnes, 1]
            else:
                sums[0] += tenge
                sums[1] += tonnes
                sums[2] += 1
            key = (supplier, region, consumer, day.year)
            sums = years.get(key)
            if sums is None:
                years[key] = [tenge, tonnes, 1]
            else:
                sums[0] += tenge
                sums[1] += tonnes
                sums[2] += 1

    def _duplicate(self, number: int, document: str, first: int | None) -> None:
        self._error(number, self._header("document_number"), document,
                    _("Номер документа %(number)s у этого поставщика повторяется в файле (впервые в строке "
                      "%(first)s).") % {"number": document, "first": first})

    def _header(self, key: str) -> str:
        return self.columns[key][1] if key in self.columns else _(dict((k, h) for k, h, _a in COLUMNS)[key])

    def _cell(self, values: list, key: str):
        position = self.columns.get(key)
        if position is None or position[0] >= len(values):
            return None
        value = values[position[0]]
        return value.strip() if isinstance(value, str) else value

    def _fast(self, values: list) -> tuple | None:
        """The row parsed from values seen before (suppliers, categories, dates), or None to check it in full."""
        try:
            if len(values) < self.width:
                return None
            consumer = self.default_consumer_id
            if self.i_consumer_region is not None and values[self.i_consumer_region]:
                consumer = self.region_memo[values[self.i_consumer_region]]
            document = values[self.i_document].strip()
            tonnes, tenge = values[self.i_tonnes], values[self.i_tenge]
            if not (TONNES_TEXT.fullmatch(tonnes) and TENGE_TEXT.fullmatch(tenge)) or not tonnes.strip("0."):
                return None  # spaces, commas, signs, too many digits, zero: the full rules and their messages
            if self.stage is None:  # SQLite sums and compares them; PostgreSQL's COPY reads the text as is
                tonnes, tenge = Decimal(tonnes), Decimal(tenge)
            result = (self.supplier_memo[values[self.i_bin]], self.category_memo[values[self.i_category]],
                      self.date_memo[values[self.i_date]], tonnes, tenge, consumer,
                      (values[self.i_consumer] or "")[:300] if self.i_consumer is not None else "", document)
        except (KeyError, TypeError, AttributeError):
            return None
        if None in result or not document or len(document) > 64:
            return None
        return result

    def _row(self, number: int, values: list) -> tuple | None:
        """(supplier, category, date, tonnes, tenge, consumer region, consumer, document) or None on errors."""
        errors_before = self.result.error_count
        supplier = self._supplier(number, values)
        category = self._lookup(number, values, "category", self.lookups.categories, self.category_memo)
        consumer = self.default_consumer_id
        if consumer is None or self._cell(values, "consumer_region") not in (None, ""):
            consumer = self._lookup(number, values, "consumer_region", self.lookups.regions, self.region_memo)
        parsed = []
        for key, parse in self.parsers:
            value = self._cell(values, key)
            try:
                parsed.append(parse(value))
            except ValidationError as error:
                self._error(number, self._header(key), value, error.messages[0])
        if self.result.error_count > errors_before:
            return None
        day, tonnes, tenge, document = parsed
        if len(self.date_memo) < 100_000:
            self.date_memo[values[self.columns["date"][0]]] = day
        return (supplier, category, day, tonnes, tenge, consumer, str(self._cell(values, "consumer") or "")[:300],
                document)

    def _lookup(self, number: int, values: list, key: str, table: dict, memo: dict) -> int | None:
        value = self._cell(values, key)
        found = memo.get(value, False)  # files repeat the same few names: fold each only once
        if found is False:
            found = memo[value] = table.get(_fold(value))
        if found is None:
            message = _("Неизвестная категория") if key == "category" else _("Неизвестный регион")
            self._error(number, self._header(key), value,
                        _("Не заполнено.") if value in (None, "") else f"{message}: «{value}».")
        return found

    def _supplier(self, number: int, values: list) -> int | None:
        bin_value = self._cell(values, "supplier_bin")
        if bin_value not in (None, ""):
            key = str(int(bin_value)).zfill(12) if isinstance(bin_value, int | float) else str(bin_value)
            entry, column = self.lookups.by_bin.get(key), "supplier_bin"
        else:
            name = self._cell(values, "supplier")
            entry, column = self.lookups.by_name.get(_fold(name)), "supplier"
            if _fold(name) in self.lookups.by_name and entry is None:
                self._error(number, self._header(column), name,
                            _("Несколько поставщиков с таким названием: укажите БИН."))
                return None
        if entry is None:
            value = self._cell(values, column)
            self._error(number, self._header(column), value,
                        _("Не заполнено.") if value in (None, "") else _("Неизвестный поставщик: «%(value)s».")
                        % {"value": value})
            return None
        if self.scope is not None:
            regions, organizations = self.scope
            if entry[1] not in regions and entry[2] not in organizations:
                self._error(number, self._header(column), self._cell(values, column),
                            _("Поставщик не относится к вашим регионам или организациям."))
                return None
        if column == "supplier_bin":
            self.supplier_memo[values[self.columns["supplier_bin"][0]]] = entry[0]
        return entry[0]

    # -- the database ---------------------------------------------------------------------------------
    def _existing(self, cursor, documents: list[str]) -> dict[tuple[int, str], dict]:
        """Deliveries already stored with these document numbers, by (supplier, document number)."""
        if not documents:
            return {}
        unique = list(set(documents))
        cursor.execute("SELECT supplier_id, document_number, date, category_id, volume_tonnes, value_tenge, "
                       "consumer_region_id, batch_id, source_row FROM foodbelt_delivery WHERE document_number "
                       f"IN ({', '.join(['%s'] * len(unique))})", unique)
        rows = cursor.fetchall()
        found = {}
        for supplier, document, day, category, tonnes, tenge, consumer, batch, row in rows:
            found[(supplier, document)] = {
                "date": day if isinstance(day, datetime.date) else datetime.date.fromisoformat(day),
                "category_id": category, "volume_tonnes": _decimal(tonnes, TONNES["decimal_places"]),
                "value_tenge": _decimal(tenge, TENGE["decimal_places"]), "consumer_region_id": consumer,
                "batch_id": batch, "source_row": row}
        return found

    def _insert(self, cursor, rows: list[tuple[int, tuple]]) -> None:
        # SQLite: the values shared by every row are written into the statement once (our own timestamp and
        # ids, never file content); only the row's own nine values are bound, a thousand rows per statement
        # (about twice as fast as one statement per row).
        connection.ensure_connection()
        head = ("INSERT INTO foodbelt_delivery (created_at, updated_at, version, batch_id, synthetic, supplier_id, "
                "category_id, date, volume_tonnes, value_tenge, consumer_region_id, consumer, document_number, "
                "source_row) VALUES ")
        one = f"('{self.now}', '{self.now}', 1, {int(self.batch.pk)}, {int(self.synthetic)}, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        raw = connection.connection
        for start in range(0, len(rows), SQLITE_ROWS_PER_STATEMENT):
            part = rows[start:start + SQLITE_ROWS_PER_STATEMENT]
            values = []
            for number, p in part:
                values += (p[0], p[1], p[2].isoformat(), str(p[3]), str(p[4]), p[5], p[6], p[7], number)
            raw.execute(head + ", ".join([one] * len(part)), values)

    def _describe(self, number: int, parsed: tuple) -> dict:
        return {"row": number, "supplier_id": parsed[0], "category_id": parsed[1], "date": parsed[2],
                "volume_tonnes": parsed[3], "value_tenge": parsed[4], "document_number": parsed[7]}


def _decimal(value, places: int) -> Decimal:
    return (value if isinstance(value, Decimal) else Decimal(str(value))).quantize(Decimal(1).scaleb(-places))


@contextmanager
def _large_cache() -> Iterator[None]:
    """A bigger SQLite page cache while importing: the indexes of a million rows are updated in random order."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def export_rows(queryset) -> Iterator[list]:
    """Deliveries in the template's columns, typed (the file writer formats them), streamed in chunks; an export
    re-imports as is."""
    for delivery in queryset.select_related("supplier__organization", "category", "consumer_region").iterator(
            chunk_size=2000):
        organization = delivery.supplier.organization
        yield [organization.bin or "", organization.name, delivery.category.name_ru, delivery.date,
               delivery.volume_tonnes, delivery.value_tenge, delivery.consumer_region.code,
               delivery.consumer, delivery.document_number]

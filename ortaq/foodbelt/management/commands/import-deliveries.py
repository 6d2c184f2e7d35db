"""`ortaq import-deliveries FILE`: stream a CSV or XLSX of deliveries into the registry, all or nothing."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ortaq.foodbelt.importer import DeliveryImporter
from ortaq.foodbelt.tabular import UnreadableFile, read_rows
from ortaq.regions.models import Region

SHOWN_ERRORS = 50


def digest_and_lines(path: Path) -> tuple[str, int]:
    """The file's SHA-256 and its number of lines, read once in 1 MB blocks."""
    digest, lines = hashlib.sha256(), 0
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
            lines += block.count(b"\n")
    return digest.hexdigest(), lines


class Command(BaseCommand):
    help = ("Import deliveries from a CSV or XLSX file (columns as in the template). Every row is checked; "
            "if any is refused nothing is imported. Rows already in the registry are skipped, so a re-run of "
            "the same file adds nothing twice. A process killed mid-way leaves the database unchanged.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--consumer", default=settings.ORTAQ_HOME_REGION,
                            help="consuming region (ISO code) for rows without one (default: %(default)s)")
        parser.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument("--chunk-size", type=int, default=5000)
        parser.add_argument("--bulk-rows", type=int, default=None,
                            help="PostgreSQL: new rows from which the deliveries' foreign keys are dropped and "
                                 "re-added around one INSERT (default: setting ORTAQ_DELIVERY_IMPORT_BULK_ROWS, "
                                 "50 000)")

    def handle(self, *args, file: Path, consumer: str, dry_run: bool, no_progress: bool, chunk_size: int,
               bulk_rows: int | None = None, verbosity: int = 1, **options) -> None:
        if not file.is_file():
            raise CommandError(f"Нет файла {file}")
        default_consumer = Region.objects.by_code(consumer)
        if default_consumer is None:
            raise CommandError(f"Неизвестный регион-потребитель {consumer}")
        sha256, lines = digest_and_lines(file) if file.suffix.lower() != ".xlsx" else (
            hashlib.sha256(file.read_bytes()).hexdigest(), None)
        bar = tqdm(total=max(lines - 1, 0) if lines else None, unit=" стр.", file=sys.stderr, mininterval=0.5,
                   disable=no_progress, dynamic_ncols=True)
        done = 0

        def progress(count: int) -> None:
            nonlocal done
            done += count
            bar.update(count)
            if verbosity >= 2:
                self.stderr.write(f"rows read: {done}")
                self.stderr.flush()

        importer = DeliveryImporter(file_name=file.name, sha256=sha256, default_consumer=default_consumer,
                                    chunk_size=chunk_size, progress=progress, bulk_rows=bulk_rows)
        try:
            with open(file, "rb") as stream:
                result = importer.run(read_rows(stream, file.name), commit=not dry_run)
        except UnreadableFile as error:
            raise CommandError(f"Файл не читается: {error}") from error
        finally:
            bar.close()
        if verbosity >= 2:
            for phase, seconds in result.timings.items():
                self.stdout.write(f"  {phase}: {seconds:.1f} s")
        self.stdout.write(f"Строк: {result.rows}; добавлено: {result.added if result.committed else 0}; "
                          f"уже были в реестре: {result.skipped}; ошибок: {result.error_count}.")
        if result.error_count:
            for error in result.errors[:SHOWN_ERRORS]:
                where = f"строка {error.row}, «{error.column}»: " if error.row else ""  # row 0: the whole file
                self.stdout.write(f"  {where}{error.message}")
            if result.error_count > SHOWN_ERRORS:
                self.stdout.write(f"  … и ещё {result.error_count - SHOWN_ERRORS}")
            raise CommandError("Файл не импортирован: исправьте ошибки и запустите снова.")
        if dry_run:
            self.stdout.write("Проверка без импорта: ошибок нет.")
        else:
            self.stdout.write(self.style.SUCCESS("Импорт завершён."))

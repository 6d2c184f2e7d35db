"""`ortaq extract PATH...`: press releases in, one SCHEMA.md JSON line per document out."""

from __future__ import annotations

import logging
import os
import sys

from django.core.management.base import BaseCommand, CommandError

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class Command(BaseCommand):
    help = ("Извлекает факты из .txt файлов (или папок с ними) и печатает по одной строке JSON на документ "
            "(формат shared/eval/SCHEMA.md). Базу данных не использует, если не указан --registry.")
    # Works on a checkout without a migrated database: no checks, no migration warnings.
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", help="текстовые файлы или папки с .txt")
        parser.add_argument("-o", "--output", help="файл для JSON Lines (по умолчанию стандартный вывод)")
        parser.add_argument("--registry", action="store_true",
                            help="узнавать организации, людей и регионы из реестра (нужна база данных)")

    def handle(self, *args, paths: list[str], output: str | None = None, registry: bool = False,
               **options) -> None:
        from ortaq.extraction import ExtractionInputError, Pipeline, extract_paths
        from ortaq.reader.gazetteer import plain_pipeline, registry_gazetteer

        logging.getLogger("pymorphy3").setLevel(logging.WARNING)
        pipeline = Pipeline(gazetteer=registry_gazetteer()) if registry else plain_pipeline()
        # JSON goes to the real stdout (not Django's wrapper, which adds styling and buffering quirks).
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            stats = extract_paths(paths, out=out, pipeline=pipeline)
        except ExtractionInputError as error:
            raise CommandError(str(error)) from error
        finally:
            if output:
                out.close()
            else:
                out.flush()
        if stats["failed"]:
            raise CommandError(f"{stats['failed']} of {stats['ok'] + stats['failed']} documents could not be read "
                               "(reasons above)", returncode=1)

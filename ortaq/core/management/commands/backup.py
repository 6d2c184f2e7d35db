"""`ortaq backup FILE`: the whole registry (data, history, sessions, uploaded files) in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ortaq.core.backup import BackupError, backup


class Command(BaseCommand):
    help = ("Write a backup archive (.zip): every table's rows, history and sessions included, the uploaded files "
            "and a manifest (version, migrations, row counts). Works on SQLite and PostgreSQL alike.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the archive to write, e.g. ortaq-2026-12-01.zip")

    def handle(self, *args, file: str, verbosity: int = 1, **options) -> None:
        say = self.stdout.write if verbosity > 1 else (lambda message: None)
        try:
            manifest = backup(Path(file), say=say)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Резервная копия {file}: таблиц {len(manifest['tables'])}, строк {rows}, "
            f"файлов {manifest['media_files']}."))

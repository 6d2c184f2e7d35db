"""`ortaq restore FILE [--replace]`: load a backup archive into this database (migrated first)."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ortaq.core.backup import BackupError, read_manifest, refuse_if_occupied, restore


class Command(BaseCommand):
    help = ("Restore a backup archive made by `ortaq backup` into this database (SQLite or PostgreSQL): migrates, "
            "loads every table as it was (history untouched), the uploaded files, then rebuilds the search index "
            "and the rollups. Refuses a database that already holds data unless --replace is given.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="an archive written by `ortaq backup`")
        parser.add_argument("--replace", "--force", action="store_true", dest="replace",
                            help="empty a database that already holds data and replace its contents")

    def handle(self, *args, file: str, replace: bool = False, verbosity: int = 1, **options) -> None:
        say = self.stdout.write if verbosity > 1 else (lambda message: None)
        try:
            read_manifest(Path(file))  # a wrong file or a database with data are refused before migrating
            refuse_if_occupied(replace)
            call_command("migrate", interactive=False, verbosity=0)
            manifest = restore(Path(file), replace=replace, say=say)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(
            f"Восстановлено из {file} (копия от {manifest['created_at']}, Ortaq {manifest['app_version']}): "
            f"строк {rows}, файлов {manifest['media_files']}; индекс поиска и итоги пересчитаны."))

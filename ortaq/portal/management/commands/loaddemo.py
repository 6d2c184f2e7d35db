from django.core.management.base import BaseCommand
from django.db import transaction

from ortaq.portal.demo import load_all_demo, load_all_reference


class Command(BaseCommand):
    help = "Load reference data (regions, areas) and the seed press release's facts. Safe to run again."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reference-only", action="store_true", help="only the reference data")

    def handle(self, *args, reference_only: bool = False, **options) -> None:
        with transaction.atomic():
            load_all_reference()
            if not reference_only:
                context = load_all_demo()
                where = "с текстом пресс-релиза" if context.document else "без текста пресс-релиза (../shared нет)"
                self.stdout.write(f"Демонстрационные данные загружены {where}.")
        self.stdout.write(self.style.SUCCESS("Справочные данные загружены."))

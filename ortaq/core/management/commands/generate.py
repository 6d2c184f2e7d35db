from django.core.management.base import BaseCommand

from ortaq.core.plugins import app_modules


class Command(BaseCommand):
    help = ("Generate realistic synthetic data, every record marked synthetic, for benchmarks and demos. "
            "Each app adds its own options (see --help).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=2018, help="random seed (same seed → same data)")
        for module in app_modules("synthetic"):
            module.add_arguments(parser)

    def handle(self, *args, **options) -> None:
        for module in app_modules("synthetic"):
            module.generate(options, self.stdout)

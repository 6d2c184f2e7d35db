"""`ortaq check-derived`: recompute every derived store from scratch and report what differs from the stored rows."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from ortaq.core import derived


class Command(BaseCommand):
    help = ("Пересчитать производные данные (итоги, индексы) с нуля и сравнить с хранимыми; "
            "код возврата 1, если есть расхождения.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("stores", nargs="*", help="только эти хранилища (по умолчанию все): "
                            + ", ".join(store.name for store in derived.stores()))
        parser.add_argument("--fix", action="store_true", help="сохранить пересчитанное вместо хранимого")
        parser.add_argument("--examples", type=int, default=5, help="сколько расходящихся строк показать")

    def handle(self, *args, stores: list[str], fix: bool, examples: int, **options) -> None:
        try:
            differences = self._check(stores, fix)
        except KeyError as unknown:
            raise CommandError(f"нет такого хранилища: {unknown.args[0]}") from None
        wrong = [difference for difference in differences if difference]
        for difference in wrong:
            self.stdout.write(f"{difference.store.name} ({difference.store.label}): "
                              f"лишних строк {sum(difference.stale.values())}, "
                              f"недостающих {sum(difference.missing.values())}")
            for line in difference.examples(examples):
                self.stdout.write(line)
        if wrong and not fix:
            raise CommandError(f"расхождения в {len(wrong)} из {len(differences)} хранилищ", returncode=1)
        verdict = "исправлено" if wrong else "расхождений нет"
        self.stdout.write(f"{verdict}: проверено хранилищ {len(differences)}")

    def _check(self, names: list[str], fix: bool) -> list[derived.Difference]:
        unknown = set(names) - {store.name for store in derived.stores()}
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        differences = []
        for store in derived.stores():
            if names and store.name not in names:
                continue
            started = time.perf_counter()
            differences.append(derived.compare(store, fix))
            self.stdout.write(f"{store.name}: {time.perf_counter() - started:.1f} с", self.style.NOTICE)
        return differences

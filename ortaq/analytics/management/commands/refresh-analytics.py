"""`ortaq refresh-analytics`: rebuild every rollup from the registry (after bulk loads, or to repair)."""

import time

from django.core.management.base import BaseCommand

from ortaq.analytics.rollups import refresh_all


class Command(BaseCommand):
    help = "Rebuild the analytics rollups (pairs of regions by year, tallies) from the registry."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        refresh_all()
        self.stdout.write(f"analytics rollups rebuilt in {time.perf_counter() - started:.1f} s")

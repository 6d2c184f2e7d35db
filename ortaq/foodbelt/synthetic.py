"""`ortaq generate --deliveries N [--suppliers N]`: a realistic synthetic food belt for benchmarks and demos.

Five regions around the capital supply it; suppliers are farms, processors and cooperatives; deliveries follow
the seasons of each product (vegetables in autumn, meat before the winter) and grow from year to year,
Karaganda region near the seed's figures (about 25 bn tenge in 2017, a little short of the +40 % planned).
Every generated record is marked synthetic; the same seed gives the same data, and a re-run adds nothing twice.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import itertools
import math
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ortaq.directory.models import Organization
from ortaq.directory.validators import bin_check_digit
from ortaq.foodbelt.importer import DeliveryImporter, template_headers
from ortaq.foodbelt.models import ProductCategory, Supplier, SupplyPlan

# region code: (share of suppliers, tonnes in the first year, actual growth per year, planned growth)
REGIONS = {
    "KZ-35": (0.40, 47_000, 0.35, 0.40),
    "KZ-11": (0.30, 35_000, 0.25, 0.20),
    "KZ-55": (0.10, 12_000, 0.12, 0.20),
    "KZ-59": (0.10, 11_000, 0.30, 0.25),
    "KZ-39": (0.10, 10_000, 0.08, 0.15),
}
# category: (share of tonnes, tenge per tonne in 2017, month weights Jan..Dec)
FLAT = (1,) * 12
CATEGORIES = {
    "dairy": (0.22, 200_000, (8, 8, 9, 10, 11, 12, 12, 12, 11, 10, 9, 8)),
    "vegetables": (0.18, 150_000, (3, 3, 3, 3, 4, 6, 10, 16, 18, 16, 10, 5)),
    "potatoes": (0.14, 90_000, (4, 4, 4, 4, 3, 3, 5, 12, 20, 18, 12, 6)),
    "meat": (0.12, 2_200_000, (6, 5, 5, 5, 5, 5, 5, 6, 8, 12, 18, 20)),
    "poultry": (0.08, 1_100_000, FLAT),
    "eggs": (0.05, 500_000, FLAT),
    "grain": (0.12, 110_000, (6, 6, 6, 6, 6, 6, 6, 10, 14, 12, 8, 6)),
    "fruit": (0.04, 350_000, (3, 3, 3, 3, 4, 8, 14, 16, 16, 10, 5, 3)),
    "fish": (0.01, 1_000_000, (10, 10, 9, 8, 6, 5, 5, 6, 8, 10, 11, 12)),
    "other": (0.04, 300_000, FLAT),
}
WORDS = ["Береке", "Жана Жол", "Нура", "Ак Бидай", "Ырыс", "Кайнар", "Сарыарка", "Агро", "Достык", "Алтын Дала",
         "Бастау", "Шапагат", "Умит", "Жайлау", "Есиль", "Мерей", "Табыс", "Байтерек", "Акжол", "Кокше"]
KINDS = [("КХ", Organization.Kind.AGRICULTURAL_PRODUCER), ("ТОО", Organization.Kind.AGRICULTURAL_PRODUCER),
         ("ТОО", Organization.Kind.PROCESSOR), ("ПК", Organization.Kind.COOPERATIVE)]
INFLATION = 0.08
NOTE = "синтетические данные"


def add_arguments(parser) -> None:
    group = parser.add_argument_group("food belt")
    group.add_argument("--deliveries", type=int, default=0, help="food-belt deliveries to generate")
    group.add_argument("--suppliers", type=int, default=None, help="food-belt suppliers (default 2000)")
    group.add_argument("--foodbelt-years", default="2017-2018", help="years of deliveries, e.g. 2016-2018")


def generate(options: dict, stdout) -> None:
    deliveries, suppliers = options.get("deliveries") or 0, options.get("suppliers")
    if not deliveries and suppliers is None:
        return
    first, _sep, last = str(options.get("foodbelt_years") or "2017-2018").partition("-")
    years = list(range(int(first), int(last or first) + 1))
    seed = options.get("seed", 2018)
    with transaction.atomic():
        program = ensure_program()
        created = ensure_suppliers(2000 if suppliers is None else suppliers, seed)
        ensure_plans(program, years)
    stdout.write(f"Продовольственный пояс: поставщиков создано {created}.")
    if deliveries:
        rows = delivery_rows(supplier_index(), deliveries, years, seed)
        result = DeliveryImporter(file_name=f"synthetic-{seed}", synthetic=True).run(
            [template_headers(), *rows], commit=True)
        stdout.write(f"Продовольственный пояс: поставок добавлено {result.added}, уже были {result.skipped}, "
                     f"ошибок {result.error_count}.")


def ensure_program():
    from ortaq.foodbelt.demo import capital_program
    from ortaq.regions.models import Region

    program = capital_program()
    program.regions.add(*Region.objects.filter(code__in=REGIONS))
    return program


def synthetic_bin(serial: int) -> str:
    """A valid BIN in a range no real organization uses (first digits 99)."""
    while True:
        stem = f"99{serial:09d}"
        digit = bin_check_digit(stem)
        if digit is not None:
            return stem + str(digit)
        serial += 10_000_000


def ensure_suppliers(count: int, seed: int) -> int:
    """Make sure `count` synthetic suppliers exist, spread over the regions by their shares."""
    from ortaq.regions.models import Region

    existing = set(Supplier.objects.filter(synthetic=True).values_list("organization__bin", flat=True))
    regions = {region.code: region for region in Region.objects.filter(code__in=REGIONS)}
    categories = list(ProductCategory.objects.filter(slug__in=CATEGORIES))
    rng = random.Random(seed)
    organizations, plans = [], []
    serial = 0
    for code, (share, *_rest) in REGIONS.items():
        for _index in range(round(count * share)):
            serial += 1
            legal, kind = KINDS[serial % len(KINDS)]
            bin_ = synthetic_bin(serial)
            name = f"{legal} «{rng.choice(WORDS)} {regions[code].centre or code}-{serial}»"
            picked = rng.sample(categories, k=min(len(categories), rng.randint(1, 3)))
            if bin_ in existing:
                continue
            organizations.append(Organization(name=name, legal_form=legal, kind=kind, region=regions[code],
                                              bin=bin_, note=NOTE))
            plans.append(picked)
    Organization.objects.bulk_create(organizations, batch_size=1000)
    created = Supplier.objects.bulk_create([Supplier(organization=organization, synthetic=True)
                                            for organization in organizations], batch_size=1000)
    through = Supplier.categories.through
    through.objects.bulk_create([through(supplier_id=supplier.pk, productcategory_id=category.pk)
                                 for supplier, picked in zip(created, plans) for category in picked],
                                batch_size=2000)
    return len(created)


def ensure_plans(program, years: list[int]) -> None:
    """Synthetic yearly plans for every region and year after the first (the seed's own plan is kept)."""
    from ortaq.regions.models import Region

    for region in Region.objects.filter(code__in=REGIONS):
        _share, base, actual_growth, planned_growth = REGIONS[region.code]
        for offset, year in enumerate(years):
            if offset == 0 or SupplyPlan.objects.filter(program=program, region=region, year=year,
                                                        category=None).exists():
                continue
            previous = base * (1 + actual_growth) ** (offset - 1)
            tonnes = Decimal(round(previous * (1 + planned_growth)))
            tenge = Decimal(round(float(tonnes) * 510_000 * (1 + INFLATION) ** (year - 2017), -6))
            SupplyPlan.objects.create(program=program, region=region, year=year, volume_tonnes=tonnes,
                                      value_tenge=tenge, growth_percent=Decimal(round(planned_growth * 100)),
                                      synthetic=True, note=NOTE)


def supplier_index() -> dict[str, list[tuple[str, str]]]:
    """Synthetic suppliers' (BIN, name) by region code."""
    index: dict[str, list[tuple[str, str]]] = {}
    for bin_, name, code in Supplier.objects.filter(synthetic=True).values_list(
            "organization__bin", "organization__name", "organization__region__code").order_by("pk"):
        index.setdefault(code, []).append((bin_, name))
    return index


def delivery_rows(suppliers: dict[str, list[tuple[str, str]]], count: int, years: list[int],
                  seed: int) -> Iterator[list[str]]:
    """`count` delivery rows in the import template's columns, seasonal and growing year to year."""
    rng = random.Random(seed)
    slugs = list(CATEGORIES)
    category_weights = list(itertools.accumulate(CATEGORIES[slug][0] for slug in slugs))
    month_weights = {slug: list(itertools.accumulate(CATEGORIES[slug][2])) for slug in slugs}
    months = range(1, 13)
    cells = []  # (region code, year, tonnes planned for that region-year)
    for code, (_share, base, growth_rate, _planned) in REGIONS.items():
        if suppliers.get(code):
            cells += [(code, year, base * (1 + growth_rate) ** offset) for offset, year in enumerate(years)]
    total = sum(cell[2] for cell in cells)
    if not cells:
        return
    number = 0
    for code, year, tonnes in cells:
        share = round(count * tonnes / total) if (code, year) != cells[-1][:2] else count - number
        pool = suppliers[code]
        # A few big suppliers and many small ones.
        weights = list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(pool))))
        mean = tonnes / max(share, 1)
        today = datetime.date.today()
        for _index in range(share):
            number += 1
            slug = rng.choices(slugs, cum_weights=category_weights)[0]
            price = CATEGORIES[slug][1]
            month = rng.choices(months, cum_weights=month_weights[slug])[0]
            day = datetime.date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
            day = min(day, today)
            amount = max(0.001, mean * math.exp(rng.gauss(0, 0.6) - 0.18))
            tenge = amount * price * (1 + INFLATION) ** (year - 2017) * rng.uniform(0.85, 1.15)
            bin_, name = rng.choices(pool, cum_weights=weights)[0]
            yield [bin_, name, slug, day.isoformat(), f"{amount:.3f}", f"{tenge:.2f}", "KZ-71", "",
                   f"S{seed}-{number:08d}"]


def write_csv(path: Path, count: int, *, years: list[int] | None = None, seed: int = 2018) -> int:
    """Write `count` synthetic delivery rows (with the template's header) to a CSV file."""
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(template_headers())
        written = 0
        for row in delivery_rows(supplier_index(), count, years or [2017, 2018], seed):
            writer.writerow(row)
            written += 1
    return written

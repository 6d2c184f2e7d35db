"""Product categories (reference) and the seed's food-belt facts: Karaganda region supplying Astana."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ortaq.foodbelt.models import ProductCategory, Qualifier, ReportedSupplyTotal, SupplyPlan, SupplyProgram
from ortaq.regions.models import Region
from ortaq.sources.demo import DemoContext

# (slug, ru, kk, en)
CATEGORIES = [
    ("meat", "Мясо", "Ет", "Meat"),
    ("poultry", "Мясо птицы", "Құс еті", "Poultry"),
    ("dairy", "Молоко и молочная продукция", "Сүт және сүт өнімдері", "Milk and dairy"),
    ("eggs", "Яйца", "Жұмыртқа", "Eggs"),
    ("vegetables", "Овощи", "Көкөніс", "Vegetables"),
    ("potatoes", "Картофель", "Картоп", "Potatoes"),
    ("fruit", "Фрукты и ягоды", "Жеміс-жидек", "Fruit"),
    ("grain", "Зерно и мука", "Астық және ұн", "Grain and flour"),
    ("fish", "Рыба", "Балық", "Fish"),
    ("other", "Прочее", "Басқа", "Other"),
]
PROGRAM_NAME = "Продовольственный пояс Астаны"
# The release came out on the eve of the Capital's Day 2018 (the events app uses the same date).
SEED_DAY = datetime.date(2018, 7, 4)


def load_reference() -> None:
    for order, (slug, name_ru, name_kk, name_en) in enumerate(CATEGORIES, start=1):
        ProductCategory.objects.get_or_create(
            slug=slug, defaults={"name_ru": name_ru, "name_kk": name_kk, "name_en": name_en, "sort_order": order * 10})


def capital_program() -> SupplyProgram:
    """The capital's food-belt program (created when missing)."""
    astana = Region.objects.get(code="KZ-71")
    program, _created = SupplyProgram.objects.get_or_create(
        name=PROGRAM_NAME, consumer_region=astana,
        defaults={"start_year": 2017, "description": "Поставки сельхозпродукции регионов в столицу."},
    )
    return program


def load_demo(context: DemoContext) -> None:
    karaganda = Region.objects.get(code="KZ-35")
    program = capital_program()
    program.regions.add(karaganda)
    context.cite(program, "продовольственного пояса")

    reported, _created = ReportedSupplyTotal.objects.get_or_create(
        program=program, region=karaganda, year=2017, kind=ReportedSupplyTotal.Kind.ACTUAL, category=None,
        defaults={"value_tenge": Decimal("25000000000"), "suppliers_count": 2000,
                  "suppliers_qualifier": Qualifier.MORE_THAN, "as_of": SEED_DAY,
                  "note": "по словам акима Карагандинской области"},
    )
    context.cite(reported, "более 2000", "25 млрд")

    plan, _created = SupplyPlan.objects.get_or_create(
        program=program, region=karaganda, year=2018, category=None,
        defaults={"growth_percent": Decimal("40"), "volume_tonnes": Decimal("66000"),
                  "note": "почти +40 % к 2017 году, свыше 66 тыс. тонн"},
    )
    context.cite(plan, "почти на 40%")

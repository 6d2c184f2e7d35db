"""Small builders for food-belt test records."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from ortaq.directory.models import Organization
from ortaq.directory.validators import bin_check_digit
from ortaq.foodbelt.models import Delivery, ProductCategory, Supplier

_serial = itertools.count(1)


def valid_bin(serial: int) -> str:
    """A BIN with a correct check digit (skipping the rare stems that have none)."""
    while True:
        stem = f"18{serial:09d}"
        digit = bin_check_digit(stem)
        if digit is not None:
            return stem + str(digit)
        serial += 1_000_000


def supplier(name: str, region, *, bin: str | None = None, categories: tuple[str, ...] = ()) -> Supplier:
    organization = Organization.objects.create(
        name=name, region=region, kind=Organization.Kind.AGRICULTURAL_PRODUCER, bin=bin or valid_bin(next(_serial)))
    record = Supplier.objects.create(organization=organization)
    record.categories.set(ProductCategory.objects.filter(slug__in=categories))
    return record


def category(slug: str) -> ProductCategory:
    return ProductCategory.objects.get(slug=slug)


def delivery(supplier_record: Supplier, consumer, *, slug: str = "dairy", date=datetime.date(2018, 3, 15),
             tonnes="1", tenge="1000", number: str | None = None) -> Delivery:
    return Delivery.objects.create(
        supplier=supplier_record, category=category(slug), date=date, volume_tonnes=Decimal(tonnes),
        value_tenge=Decimal(tenge), consumer_region=consumer, document_number=number or f"D-{next(_serial)}")

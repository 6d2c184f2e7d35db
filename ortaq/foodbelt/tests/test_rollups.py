"""Rollups stay equal to the deliveries through every kind of write."""

import datetime

import pytest

from ortaq.foodbelt import rollups
from ortaq.foodbelt.models import DeliveryRollup, SupplierYear
from ortaq.foodbelt.tests.factories import category, delivery, supplier
from ortaq.regions.models import Region

pytestmark = pytest.mark.django_db


def _state() -> tuple[list, list]:
    cells = sorted(DeliveryRollup.objects.values_list(
        "supplier_region_id", "consumer_region_id", "category_id", "year", "month", "value_tenge", "volume_tonnes",
        "deliveries"))
    years = sorted(SupplierYear.objects.values_list(
        "supplier_id", "supplier_region_id", "consumer_region_id", "year", "value_tenge", "volume_tonnes",
        "deliveries"))
    return cells, years


def _assert_equal_to_a_rebuild() -> None:
    kept = _state()
    rollups.rebuild()
    assert kept == _state()


def test_it_keeps_rollups_right_through_creates_edits_and_deletes(demo):
    farm, other = supplier("КХ «Один»", demo.karaganda), supplier("КХ «Два»", demo.east)
    first = delivery(farm, demo.astana, slug="meat", date=datetime.date(2018, 1, 31), tonnes="2.5", tenge="5000")
    second = delivery(farm, demo.astana, slug="meat", date=datetime.date(2018, 1, 5), tonnes="1", tenge="100")
    cell = DeliveryRollup.objects.get(supplier_region=demo.karaganda, year=2018, month=1)
    assert (cell.value_tenge, cell.volume_tonnes, cell.deliveries) == (5100, 3.5, 2)
    _assert_equal_to_a_rebuild()

    first.date, first.category, first.supplier = datetime.date(2017, 12, 31), category("fish"), other
    first.save()
    cell = DeliveryRollup.objects.get(supplier_region=demo.karaganda, year=2018, month=1)  # cells are rewritten
    assert (cell.value_tenge, cell.deliveries) == (100, 1)
    assert SupplierYear.objects.get(supplier=other, year=2017).value_tenge == 5000
    _assert_equal_to_a_rebuild()

    second.delete()
    assert not DeliveryRollup.objects.filter(supplier_region=demo.karaganda, year=2018).exists()
    assert not SupplierYear.objects.filter(supplier=farm).exists()
    _assert_equal_to_a_rebuild()


def test_it_moves_deliveries_with_a_supplier_that_changes_region(demo):
    farm = supplier("КХ «Кочевник»", demo.karaganda)
    delivery(farm, demo.astana, date=datetime.date(2018, 6, 1), tenge="700")
    organization = farm.organization
    organization.region = Region.objects.get(code="KZ-11")
    organization.save()
    assert DeliveryRollup.objects.get(year=2018, month=6, consumer_region=demo.astana,
                                      supplier_region__code="KZ-11").value_tenge == 700
    assert not DeliveryRollup.objects.filter(supplier_region=demo.karaganda).exists()

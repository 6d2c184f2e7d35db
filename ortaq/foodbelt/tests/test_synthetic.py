"""`ortaq generate --deliveries N --suppliers N`: a seasonal synthetic belt, every record marked synthetic."""

from io import StringIO

import pytest
from django.core.management import call_command

from ortaq.foodbelt.models import Delivery, DeliveryRollup, Supplier, SupplyPlan

pytestmark = pytest.mark.django_db


def test_it_generates_suppliers_plans_and_seasonal_deliveries_all_marked_synthetic(demo):
    out = StringIO()
    call_command("generate", "--deliveries", "600", "--suppliers", "30", stdout=out)
    assert Supplier.objects.filter(synthetic=True).count() == 30
    assert Delivery.objects.filter(synthetic=True).count() == 600
    assert not Delivery.objects.filter(synthetic=False, batch__synthetic=True).exists()
    assert SupplyPlan.objects.filter(synthetic=True, year=2018).count() == 4  # Karaganda keeps the seed's plan
    autumn = sum(DeliveryRollup.objects.filter(category__slug="potatoes", month__in=[8, 9, 10]).values_list(
        "volume_tonnes", flat=True))
    spring = sum(DeliveryRollup.objects.filter(category__slug="potatoes", month__in=[3, 4, 5]).values_list(
        "volume_tonnes", flat=True))
    assert autumn > spring

    call_command("generate", "--deliveries", "600", "--suppliers", "30", stdout=out)
    assert Delivery.objects.filter(synthetic=True).count() == 600  # same seed, same data: nothing twice
    assert Supplier.objects.filter(synthetic=True).count() == 30

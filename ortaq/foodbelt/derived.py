"""The food belt's derived store: monthly delivery cells and supplier-years, summed from the deliveries."""

from __future__ import annotations

from ortaq.core.derived import DerivedStore, register
from ortaq.foodbelt import handlers, rollups
from ortaq.foodbelt.models import DeliveryRollup, SupplierYear


def _rows() -> list:
    return [DeliveryRollup.objects.all(), SupplierYear.objects.all()]


def _rebuild() -> None:
    rollups.rebuild()


register(DerivedStore("foodbelt", "итоги поставок продовольственного пояса", rows=_rows, rebuild=_rebuild,
                      depends_on=("foodbelt.Delivery", "foodbelt.Supplier", "directory.Organization"),
                      on_write=handlers.on_write,
                      scopes={"cell": rollups.refresh_keys,
                              "region": lambda region_ids: rollups.rebuild(consumer_region_ids=region_ids)},
                      zero_fields=("value_tenge", "volume_tonnes", "deliveries")))

"""What a write does to the delivery rollups (the dispatcher, ortaq.core.writes, calls `on_write`; the store is
declared in derived.py): a delivery's old and new cells are recounted; a supplier that changes organization, or
an organization that changes region, moves all its deliveries (rare, so every cell is rebuilt)."""

from __future__ import annotations

from ortaq.core.writes import BEFORE, SAVE, Write
from ortaq.foodbelt import rollups
from ortaq.foodbelt.models import Delivery, Supplier

BULK_KEYS_LIMIT = 5000  # more deliveries than this written in bulk: every cell is rebuilt by the refresh task


def _delivery_keys(pks) -> set[tuple]:
    return set(Delivery.objects.filter(pk__in=pks).values_list("supplier_id", "consumer_region_id", "category_id",
                                                               "date"))


def _on_delivery(write: Write) -> None:
    instance = write.instance
    if write.phase == BEFORE:
        if write.action == SAVE and instance.pk and not write.raw:
            instance._old_rollup_key = next(iter(_delivery_keys([instance.pk])), None)
        return
    if write.raw:
        return
    keys = {rollups.delivery_key(instance)}
    if write.action == SAVE and getattr(instance, "_old_rollup_key", None):
        keys.add(instance._old_rollup_key)
    rollups.refresh_keys(keys)


def _moved(write: Write, field: str) -> bool:
    """Whether a save changed this foreign key of a stored record."""
    stored = write.stored() if write.phase == BEFORE else None
    if write.phase == BEFORE:
        write.instance._rollup_moved = stored is not None and getattr(stored, field) != getattr(write.instance, field)
        return False
    return write.instance.__dict__.pop("_rollup_moved", False)


def _on_owner(write: Write, field: str, deliveries_exist) -> None:
    """A supplier (or an organization) whose `field` changed: its deliveries count elsewhere now."""
    if write.raw or write.action != SAVE:
        return
    if _moved(write, field) and deliveries_exist(write.instance):
        rollups.rebuild()


def _supplier_has_deliveries(supplier: Supplier) -> bool:
    return supplier.deliveries.exists()


def _organization_has_deliveries(organization) -> bool:
    return Supplier.objects.filter(organization=organization, deliveries__isnull=False).exists()


def _on_bulk(write: Write) -> bool:
    if write.details.get("counted"):  # the food belt's import adds its rows to the cells itself
        return True
    moving_field = {"foodbelt.Supplier": "organization", "directory.Organization": "region"}.get(write.label)
    if moving_field is not None:  # created rows have no deliveries yet; an update matters only if it moves them
        return not ({moving_field, f"{moving_field}_id"} & write.fields)
    if write.pks is None or len(write.pks) > BULK_KEYS_LIMIT:
        return False
    if write.phase == BEFORE:
        write.details["rollup_keys"] = _delivery_keys(write.pks)
    else:
        rollups.refresh_keys(write.details.get("rollup_keys", set()) | _delivery_keys(write.pks))
    return True


def on_write(write: Write) -> bool | None:
    if write.bulk:
        return _on_bulk(write)
    if write.label == "foodbelt.Delivery":
        _on_delivery(write)
    elif write.label == "foodbelt.Supplier":
        _on_owner(write, "organization_id", _supplier_has_deliveries)
    elif write.label == "directory.Organization":
        _on_owner(write, "region_id", _organization_has_deliveries)
    return None


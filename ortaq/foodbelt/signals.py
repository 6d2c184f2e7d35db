"""Keep the delivery rollups fresh when a delivery, a supplier or a supplier's organization changes."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal, receiver

from ortaq.directory.models import Organization
from ortaq.foodbelt import rollups
from ortaq.foodbelt.models import Delivery, Supplier

# Sent inside the import's transaction once its rows are written (they bypass per-row signals):
# sender=DeliveryImport, batch=the DeliveryImport, region_ids=supplying and consuming regions touched.
deliveries_imported = Signal()


@receiver(pre_save, sender=Delivery)
def remember_old_delivery(sender, instance: Delivery, raw=False, **kwargs) -> None:
    instance._old_rollup_key = None
    if instance.pk and not raw:
        old = Delivery.objects.filter(pk=instance.pk).values_list(
            "supplier_id", "consumer_region_id", "category_id", "date").first()
        instance._old_rollup_key = old


@receiver(post_save, sender=Delivery)
def refresh_after_save(sender, instance: Delivery, raw=False, **kwargs) -> None:
    if raw:
        return
    keys = {rollups.delivery_key(instance)}
    if getattr(instance, "_old_rollup_key", None):
        keys.add(instance._old_rollup_key)
    rollups.refresh_keys(keys)


@receiver(post_delete, sender=Delivery)
def refresh_after_delete(sender, instance: Delivery, **kwargs) -> None:
    rollups.refresh_keys({rollups.delivery_key(instance)})


@receiver(pre_save, sender=Organization)
def remember_old_region(sender, instance: Organization, raw=False, **kwargs) -> None:
    instance._old_region_id = None
    if instance.pk and not raw:
        instance._old_region_id = Organization.objects.filter(pk=instance.pk).values_list("region_id", flat=True).first()


@receiver(post_save, sender=Organization)
def rebuild_when_a_supplier_moves(sender, instance: Organization, raw=False, created=False, **kwargs) -> None:
    """A supplier's deliveries count for its region: a change of region moves them all (rare, so rebuilt)."""
    if raw or created or instance._old_region_id == instance.region_id:
        return
    if Supplier.objects.filter(organization=instance, deliveries__isnull=False).exists():
        rollups.rebuild()


@receiver(pre_save, sender=Supplier)
def remember_old_organization(sender, instance: Supplier, raw=False, **kwargs) -> None:
    instance._old_organization_id = None
    if instance.pk and not raw:
        instance._old_organization_id = Supplier.objects.filter(pk=instance.pk).values_list(
            "organization_id", flat=True).first()


@receiver(post_save, sender=Supplier)
def rebuild_when_a_supplier_changes_organization(sender, instance: Supplier, raw=False, created=False,
                                                 **kwargs) -> None:
    if raw or created or instance._old_organization_id in (None, instance.organization_id):
        return
    if instance.deliveries.exists():
        rollups.rebuild()

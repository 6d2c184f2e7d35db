"""The domain writes that become webhook events."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from ortaq.agreements.models import Agreement
from ortaq.reader.models import Proposal
from ortaq.webhooks.delivery import emit
from ortaq.webhooks.models import Event


@receiver(pre_save, sender=Agreement)
def remember_status(sender, instance: Agreement, raw: bool = False, **kwargs) -> None:
    if not raw and instance.pk:
        instance._webhook_old_status = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()


@receiver(post_save, sender=Agreement)
def agreement_status_changed(sender, instance: Agreement, created: bool, raw: bool = False, **kwargs) -> None:
    old = instance.__dict__.pop("_webhook_old_status", None)
    if raw or created or old is None or old == instance.status:
        return
    data = {"agreement": instance.pk, "title": instance.title, "old_status": old, "status": instance.status}
    emit(Event.AGREEMENT_STATUS, data, object_key=f"agreement:{instance.pk}", text=lambda: _(
        "Статус соглашения «%(title)s» изменён: %(old)s → %(new)s.") % {
        "title": instance.title, "old": Agreement.Status(old).label, "new": instance.get_status_display()})


@receiver(pre_save, sender=Proposal)
def remember_decision(sender, instance: Proposal, raw: bool = False, **kwargs) -> None:
    if not raw and instance.pk:
        instance._webhook_old_status = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()


@receiver(post_save, sender=Proposal)
def proposal_accepted(sender, instance: Proposal, raw: bool = False, **kwargs) -> None:
    old = instance.__dict__.pop("_webhook_old_status", None)
    if raw or instance.status != Proposal.Status.ACCEPTED or old == Proposal.Status.ACCEPTED:
        return
    data = {"proposal": instance.pk, "kind": instance.kind, "document": instance.document_id,
            "record_id": instance.record_id}
    emit(Event.PROPOSAL_ACCEPTED, data, object_key=f"proposal:{instance.pk}", text=lambda: _(
        "Предложение чтеца принято: %(kind)s «%(title)s».") % {
        "kind": instance.get_kind_display(), "title": str(instance)})

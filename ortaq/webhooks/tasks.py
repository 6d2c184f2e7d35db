"""The daily overdue check: each commitment that fell overdue is announced once to the subscribers."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ortaq.agreements.models import Commitment
from ortaq.jobs.registry import job_kind
from ortaq.webhooks.delivery import emit
from ortaq.webhooks.models import Delivery, Event, Subscription


def announce_overdue(today=None) -> int:
    """Emit `commitment.overdue` for every open commitment past due not announced before; how many."""
    if not any(s.wants(Event.COMMITMENT_OVERDUE) for s in Subscription.objects.filter(active=True)):
        return 0
    today = today or timezone.localdate()
    announced = set(Delivery.objects.filter(event=Event.COMMITMENT_OVERDUE).values_list("object_key", flat=True))
    count = 0
    for commitment in Commitment.objects.open().filter(due_date__lt=today).select_related("agreement"):
        key = f"commitment:{commitment.pk}"
        if key in announced:
            continue
        data = {"commitment": commitment.pk, "agreement": commitment.agreement_id,
                "due_date": commitment.due_date.isoformat(), "text": commitment.text}
        emit(Event.COMMITMENT_OVERDUE, data, object_key=key, text=lambda c=commitment: _(
            "Обязательство просрочено (срок %(due)s): %(text)s") % {"due": c.due_date.strftime("%d.%m.%Y"),
                                                                    "text": c.text})
        count += 1
    return count


@job_kind("overdue-webhooks", gettext_lazy("Сообщить подписчикам о просроченных обязательствах"), startable=True)
def overdue_webhooks(progress) -> None:
    progress(announce_overdue(), None)

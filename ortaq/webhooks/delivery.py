"""Emit an event to its subscribers and deliver it: a signed POST, retried with exponential back-off.

The body is JSON: {"event", "id", "occurred_at", "text" (a sentence in the subscription's language), "data"}.
The header `X-Ortaq-Signature: sha256=<hex>` is HMAC-SHA256 of the raw body with the subscription's secret;
`X-Ortaq-Event` and `X-Ortaq-Delivery` name the event and the delivery (the same on every retry, so a
receiver can drop a repeat).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ortaq.jobs.runner import after_commit
from ortaq.webhooks.models import Attempt, Delivery, Event, Subscription

try:
    from django.tasks import task, task_backends
except ImportError:  # pragma: no cover - Django 5.2 uses the backport
    from django_tasks import task, task_backends

TIMEOUT_SECONDS = 10


def emit(event: str, data: dict, text: Callable[[], str], object_key: str = "") -> list[Delivery]:
    """Queue one delivery per active subscription to `event`; `text()` is called in each one's language."""
    return [queue(subscription, event, data, text, object_key)
            for subscription in Subscription.objects.filter(active=True) if subscription.wants(event)]


def queue(subscription: Subscription, event: str, data: dict, text: Callable[[], str],
          object_key: str = "") -> Delivery:
    """One delivery of `event` to `subscription`, sent by a worker once the writing transaction commits."""
    with translation.override(subscription.language or settings.LANGUAGE_CODE):
        sentence = str(text())
    payload = {"event": event, "occurred_at": timezone.now().isoformat(), "text": sentence, "data": data}
    delivery = Delivery.objects.create(subscription=subscription, event=event, payload=payload,
                                       object_key=object_key)
    after_commit(lambda pk=delivery.pk: deliver.enqueue(pk))
    return delivery


def send_test(subscription: Subscription) -> Delivery:
    """A test event to this one subscription (active or not, whatever its events), so an administrator can
    check the receiver's address and signature check before real events flow."""
    data = {"subscription": subscription.pk, "test": True}
    return queue(subscription, Event.TEST, data, object_key=f"subscription:{subscription.pk}", text=lambda: _(
        "Тестовое событие Ortaq для подписки «%(name)s».") % {"name": subscription.name})


def retry(delivery: Delivery) -> bool:
    """Put a failed delivery back in the queue for one more attempt (numbered after the earlier ones); False
    when it has not failed. Failing again leaves it failed, with the new attempt logged."""
    updated = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.FAILED).update(
        status=Delivery.Status.PENDING, next_attempt_at=timezone.now())
    if not updated:
        return False
    after_commit(lambda: deliver.enqueue(delivery.pk))
    return True


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff(attempt: int) -> datetime.timedelta:
    """Delay before retry number `attempt + 1`: the base, doubled after every failure."""
    return datetime.timedelta(seconds=settings.ORTAQ_WEBHOOK_BACKOFF_SECONDS * 2 ** (attempt - 1))


@task()
def deliver(delivery_id: int) -> None:
    """One attempt; on failure the next one is queued after the back-off, until the attempts run out."""
    delivery = Delivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return
    ok = _attempt(delivery)
    if ok or delivery.attempts >= settings.ORTAQ_WEBHOOK_ATTEMPTS:
        delivery.status = Delivery.Status.DELIVERED if ok else Delivery.Status.FAILED
        delivery.delivered_at = timezone.now() if ok else None
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "delivered_at", "next_attempt_at"])
        return
    delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
    delivery.save(update_fields=["next_attempt_at"])
    _retry_later(delivery)


def _retry_later(delivery: Delivery) -> None:
    backend = task_backends["default"]
    if backend.supports_defer:
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    else:  # jobs run inside the request (tests, scripts): retry at once, the delays are only recorded
        deliver.call(delivery.pk)


def _attempt(delivery: Delivery) -> bool:
    body = json.dumps({"id": delivery.pk, **delivery.payload}, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    request = urllib.request.Request(delivery.subscription.url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "Ortaq-Webhooks",
        "X-Ortaq-Event": delivery.event, "X-Ortaq-Delivery": str(delivery.pk),
        "X-Ortaq-Signature": signature(delivery.subscription.secret, body)})
    delivery.attempts += 1
    Delivery.objects.filter(pk=delivery.pk).update(attempts=delivery.attempts)
    started = time.monotonic()
    status_code, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            status_code = response.status
    except urllib.error.HTTPError as failure:
        status_code, error = failure.code, str(failure.reason)[:500]
    except (urllib.error.URLError, OSError, ValueError) as failure:
        error = str(getattr(failure, "reason", failure))[:500]
    Attempt.objects.create(delivery=delivery, number=delivery.attempts, status_code=status_code, error=error,
                           duration_ms=round(1000 * (time.monotonic() - started)))
    return status_code is not None and 200 <= status_code < 300

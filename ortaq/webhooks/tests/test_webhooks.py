"""Webhooks against a local test server on 127.0.0.1: signed, retried with back-off, every attempt logged."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json

import pytest

from ortaq.agreements.models import Agreement, Commitment
from ortaq.webhooks.delivery import backoff
from ortaq.webhooks.models import Delivery, Event, Subscription
from ortaq.webhooks.tasks import announce_overdue
from ortaq.webhooks.tests.receiver import Receiver

pytestmark = pytest.mark.django_db


def _subscribe(url: str, *events: str, language: str = "ru") -> Subscription:
    return Subscription.objects.create(name="Учётная система", url=url, events=list(events), secret="s3cret",
                                       language=language)


def test_agreement_status_change_is_posted_signed(receiver, demo):
    _subscribe(receiver.url, Event.AGREEMENT_STATUS)
    agreement = Agreement.objects.exclude(status=Agreement.Status.TERMINATED).first()
    agreement.status = Agreement.Status.TERMINATED
    agreement.save()
    assert len(receiver.requests) == 1
    headers, body = receiver.requests[0]
    expected = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert headers["X-Ortaq-Signature"] == expected and headers["X-Ortaq-Event"] == Event.AGREEMENT_STATUS
    payload = json.loads(body)
    assert payload["data"]["status"] == "terminated" and "расторгнуто" in payload["text"]
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.DELIVERED and delivery.attempt_log.get().status_code == 200


def test_an_unchanged_status_or_another_event_sends_nothing(receiver, demo):
    _subscribe(receiver.url, Event.PROPOSAL_ACCEPTED)
    agreement = Agreement.objects.first()
    agreement.status = Agreement.Status.TERMINATED
    agreement.save()
    assert receiver.requests == [] and not Delivery.objects.exists()


def test_a_failing_receiver_is_retried_with_back_off_and_every_attempt_logged(demo, settings):
    settings.ORTAQ_WEBHOOK_ATTEMPTS = 4
    server = Receiver(answers=[500, 503])
    try:
        _subscribe(server.url, Event.AGREEMENT_STATUS)
        agreement = Agreement.objects.exclude(status=Agreement.Status.TERMINATED).first()
        agreement.status = Agreement.Status.TERMINATED
        agreement.save()
    finally:
        server.close()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.DELIVERED and delivery.attempts == 3
    assert [a.status_code for a in delivery.attempt_log.all()] == [500, 503, 200]
    ids = {headers["X-Ortaq-Delivery"] for headers, _ in server.requests}
    assert ids == {str(delivery.pk)}  # one delivery id on every retry: the receiver can drop repeats
    assert backoff(1) < backoff(2) < backoff(3) and backoff(2) == 2 * backoff(1)


def test_an_unreachable_receiver_fails_after_the_last_attempt(demo, settings):
    settings.ORTAQ_WEBHOOK_ATTEMPTS = 2
    _subscribe("http://127.0.0.1:9/nothing-listens", Event.AGREEMENT_STATUS)
    agreement = Agreement.objects.exclude(status=Agreement.Status.TERMINATED).first()
    agreement.status = Agreement.Status.TERMINATED
    agreement.save()  # the write itself succeeds whatever the receiver does
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 2
    assert all(attempt.error for attempt in delivery.attempt_log.all())


def test_overdue_commitments_are_announced_once(receiver, demo):
    _subscribe(receiver.url, Event.COMMITMENT_OVERDUE)
    Commitment.objects.create(agreement=Agreement.objects.first(), text="Открыть торговый дом",
                              due_date=datetime.date.today() - datetime.timedelta(days=3))
    overdue = Commitment.objects.open().filter(due_date__lt=datetime.date.today()).count()
    assert announce_overdue() == overdue
    assert announce_overdue() == 0
    assert len(receiver.requests) == overdue
    assert "просрочено" in json.loads(receiver.requests[0][1])["text"]

"""The administrators' webhook pages: who may open them, the subscription form and its refusals, the secret,
the test event, the deliveries list and a retry that really delivers to a local receiver."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry

from ortaq.webhooks.models import Delivery, Event, Subscription

pytestmark = pytest.mark.django_db

VALID = {"name": "Учётная система партнёра", "url": "https://partner.example.kz/hook",
         "events": [Event.AGREEMENT_STATUS, Event.PROPOSAL_ACCEPTED], "active": "on", "language": "kk"}


@pytest.fixture
def subscription(db) -> Subscription:
    return Subscription.objects.create(name="Учётная система", url="http://127.0.0.1:9/nothing-listens",
                                       events=[Event.AGREEMENT_STATUS], secret="s3cret")


@pytest.fixture
def failed(subscription) -> Delivery:
    delivery = Delivery.objects.create(subscription=subscription, event=Event.AGREEMENT_STATUS,
                                       status=Delivery.Status.FAILED, attempts=2,
                                       payload={"event": Event.AGREEMENT_STATUS, "text": "Статус изменён.",
                                                "data": {"agreement": 7}})
    for number in (1, 2):
        delivery.attempt_log.create(number=number, error="[Errno 111] Connection refused", duration_ms=4)
    return delivery


def pages(subscription: Subscription, delivery: Delivery) -> list[str]:
    """Every page an administrator opens (GET)."""
    s, d = subscription.pk, delivery.pk
    return ["/webhooks/", "/webhooks/new/", f"/webhooks/{s}/", f"/webhooks/{s}/edit/", f"/webhooks/{s}/delete/",
            f"/webhooks/{s}/secret/", "/webhooks/deliveries/", f"/webhooks/deliveries/{d}/"]


def actions(subscription: Subscription, delivery: Delivery) -> list[tuple[str, dict]]:
    """Every change an administrator makes (POST) with data that would succeed."""
    s, d = subscription.pk, delivery.pk
    return [("/webhooks/new/", VALID), (f"/webhooks/{s}/edit/", VALID), (f"/webhooks/{s}/secret/", {}),
            (f"/webhooks/{s}/test/", {}), (f"/webhooks/deliveries/{d}/retry/", {}), (f"/webhooks/{s}/delete/", {})]


def _state() -> tuple:
    """What any of the actions would change."""
    return (list(Subscription.objects.values_list("pk", "name", "secret", "events")),
            list(Delivery.objects.values_list("pk", "status", "attempts")), LogEntry.objects.count())


def test_anonymous_visitors_are_sent_to_log_in(client_as, subscription, failed):
    client = client_as(None)
    before = _state()
    for url in pages(subscription, failed):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), url
    for url, data in actions(subscription, failed):
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), url
    assert _state() == before


@pytest.mark.parametrize("role", ["viewer", "karaganda", "astana", "outsider"])
def test_viewers_and_editors_are_refused(client_as, users, subscription, failed, role):
    client = client_as(getattr(users, role))
    before = _state()
    for url in pages(subscription, failed):
        assert client.get(url).status_code == 403, url
    for url, data in actions(subscription, failed):
        assert client.post(url, data).status_code == 403, url
    assert _state() == before
    assert "/webhooks/" not in client.get("/").content.decode()


def test_an_administrator_opens_every_page(client_as, users, subscription, failed):
    client = client_as(users.admin)
    for url in pages(subscription, failed):
        assert client.get(url).status_code == 200, url
    assert 'href="/webhooks/"' in client.get("/").content.decode()  # beside «Задачи» in the header
    listing = client.get("/webhooks/").content.decode()
    assert "Учётная система" in listing and "статус соглашения изменён" in listing
    assert "не доставлено" in listing and "Добавить подписку" in listing
    assert 'class="table-scroll" role="region" tabindex="0"' in listing


def test_the_form_offers_the_events_in_words_as_checkboxes(client_as, users):
    page = client_as(users.admin).get("/webhooks/new/").content.decode()
    assert page.count('type="checkbox" name="events"') == 3
    for label in ("статус соглашения изменён", "обязательство просрочено", "предложение чтеца принято"):
        assert label in page
    assert "webhook.test" not in page  # the test event is sent on request, not subscribed to


def test_an_administrator_adds_a_subscription_with_a_generated_secret(client_as, users):
    client = client_as(users.admin)
    response = client.post("/webhooks/new/", VALID)
    subscription = Subscription.objects.get(name=VALID["name"])
    assert response.status_code == 302 and response["Location"] == f"/webhooks/{subscription.pk}/"
    assert subscription.events == VALID["events"] and subscription.language == "kk" and subscription.active
    assert len(subscription.secret) >= 40
    page = client.get(response["Location"]).content.decode()
    assert subscription.secret in page and "Передайте получателю секрет" in page
    entry = LogEntry.objects.get(object_id=str(subscription.pk), action_flag=ADDITION)
    assert entry.user == users.admin and "Подписка создана" in page


LONG = "ы" * 5000


@pytest.mark.parametrize(("change", "error"), [
    ({"name": ""}, "Укажите название подписки."),
    ({"name": "   "}, "Укажите название подписки."),
    ({"name": LONG}, "не более 200 символов"),
    ({"url": ""}, "Укажите адрес, на который отправлять события."),
    ({"url": "не адрес"}, "только http:// или https://"),
    ({"url": "ftp://partner.example.kz/hook"}, "только http:// или https://"),
    ({"url": "javascript:alert(1)"}, "только http:// или https://"),
    ({"url": "https://partner.example.kz/" + "a" * 3000}, "не более 500 символов"),
    ({"events": []}, "Выберите хотя бы одно событие."),
    ({"events": ["webhook.test"]}, "Выберите корректный вариант"),
    ({"language": "de"}, "Выберите корректный вариант"),
])
def test_bad_input_is_refused_next_to_the_field_and_kept(client_as, users, change, error):
    data = {**VALID, **change}
    response = client_as(users.admin).post("/webhooks/new/", data)
    page = response.content.decode()
    assert response.status_code == 200 and error in page
    assert 'class="error-summary"' in page and 'class="errorlist"' in page
    typed = data["name"] if "name" not in change else VALID["url"]
    assert f'value="{typed}"' in page  # what was typed is still there
    assert not Subscription.objects.exists() and not LogEntry.objects.exists()


def test_an_administrator_edits_a_subscription_and_the_change_is_recorded(client_as, users, subscription):
    client = client_as(users.admin)
    data = {**VALID, "events": [Event.COMMITMENT_OVERDUE], "active": ""}
    response = client.post(f"/webhooks/{subscription.pk}/edit/", {k: v for k, v in data.items() if v})
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.name == VALID["name"] and subscription.events == [Event.COMMITMENT_OVERDUE]
    assert not subscription.active and subscription.secret == "s3cret"  # the form never touches the secret
    entry = LogEntry.objects.get(object_id=str(subscription.pk), action_flag=CHANGE)
    assert "События" in entry.get_change_message() and "Активна" in entry.get_change_message()
    bad = client.post(f"/webhooks/{subscription.pk}/edit/", {**VALID, "url": "ftp://x.kz/"})
    assert bad.status_code == 200 and "только http:// или https://" in bad.content.decode()
    subscription.refresh_from_db()
    assert subscription.url == VALID["url"]


def test_deleting_asks_first_then_removes_the_deliveries_too(client_as, users, subscription, failed):
    client = client_as(users.admin)
    page = client.get(f"/webhooks/{subscription.pk}/delete/").content.decode()
    assert "Удалить подписку «Учётная система»?" in page and "доставки (1)" in page
    assert Subscription.objects.exists()
    response = client.post(f"/webhooks/{subscription.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/webhooks/"
    assert not Subscription.objects.exists() and not Delivery.objects.exists()
    assert LogEntry.objects.get(object_id=str(subscription.pk)).action_flag == DELETION


def test_a_new_secret_is_made_only_after_confirmation(client_as, users, subscription):
    client = client_as(users.admin)
    page = client.get(f"/webhooks/{subscription.pk}/secret/").content.decode()
    assert "Старый секрет сразу перестанет действовать" in page and 'method="post"' in page
    subscription.refresh_from_db()
    assert subscription.secret == "s3cret"
    response = client.post(f"/webhooks/{subscription.pk}/secret/", follow=True)
    subscription.refresh_from_db()
    assert subscription.secret != "s3cret" and len(subscription.secret) >= 40
    assert subscription.secret in response.content.decode() and "Создан новый секрет" in response.content.decode()
    assert LogEntry.objects.filter(object_id=str(subscription.pk), action_flag=CHANGE).count() == 1


def _signed(headers: dict, body: bytes, secret: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers["X-Ortaq-Signature"], expected)


def test_a_test_event_is_delivered_signed_even_to_an_inactive_subscription(client_as, users, receiver):
    subscription = Subscription.objects.create(name="Проверка", url=receiver.url, events=[Event.AGREEMENT_STATUS],
                                               active=False, language="en")
    client = client_as(users.admin)
    response = client.post(f"/webhooks/{subscription.pk}/test/")
    delivery = Delivery.objects.get(event=Event.TEST)
    assert response.status_code == 302 and response["Location"] == f"/webhooks/deliveries/{delivery.pk}/"
    assert delivery.status == Delivery.Status.DELIVERED and delivery.attempt_log.get().status_code == 200
    headers, body = receiver.requests[0]
    assert _signed(headers, body, subscription.secret) and headers["X-Ortaq-Event"] == "webhook.test"
    payload = json.loads(body)
    assert payload["data"] == {"subscription": subscription.pk, "test": True} and "Проверка" in payload["text"]
    assert "Отправлено тестовое событие" in client.get(f"/webhooks/{subscription.pk}/").content.decode()
    assert client.get(f"/webhooks/{subscription.pk}/test/").status_code == 405


def test_a_retry_of_a_failed_delivery_delivers_it_signed(client_as, users, subscription, failed, receiver):
    subscription.url = receiver.url  # the receiver is back
    subscription.save()
    client = client_as(users.admin)
    page = client.get(f"/webhooks/deliveries/{failed.pk}/").content.decode()
    assert "Повторить" in page and "Connection refused" in page
    response = client.post(f"/webhooks/deliveries/{failed.pk}/retry/")
    assert response.status_code == 302 and response["Location"] == f"/webhooks/deliveries/{failed.pk}/"
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.DELIVERED and failed.attempts == 3 and failed.delivered_at
    assert [(a.number, a.status_code) for a in failed.attempt_log.all()] == [(1, None), (2, None), (3, 200)]
    headers, body = receiver.requests[0]
    assert _signed(headers, body, "s3cret") and headers["X-Ortaq-Delivery"] == str(failed.pk)
    assert json.loads(body)["data"] == {"agreement": 7}
    assert LogEntry.objects.filter(object_id=str(subscription.pk), action_flag=CHANGE).count() == 1
    again = client.post(f"/webhooks/deliveries/{failed.pk}/retry/", follow=True)
    assert "Повторить можно только" in again.content.decode() and len(receiver.requests) == 1


def test_a_retry_that_fails_again_stays_failed_with_the_attempt_logged(client_as, users, failed, settings):
    settings.ORTAQ_WEBHOOK_ATTEMPTS = 2  # the delivery used them up: a retry is one more attempt
    client_as(users.admin).post(f"/webhooks/deliveries/{failed.pk}/retry/")
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.FAILED and failed.attempts == 3
    assert failed.attempt_log.count() == 3 and failed.attempt_log.last().error


def test_the_delivery_page_shows_the_body_and_every_attempt(client_as, users, failed):
    page = client_as(users.admin).get(f"/webhooks/deliveries/{failed.pk}/").content.decode()
    assert "&quot;agreement&quot;: 7" in page and f"&quot;id&quot;: {failed.pk}" in page
    assert page.count("Connection refused") == 2 and "Длительность, мс" in page and "Код ответа" in page


def test_the_deliveries_are_filtered_by_subscription_state_and_event(client_as, users, subscription, failed):
    other = Subscription.objects.create(name="Другая система", url="https://other.example.kz/",
                                        events=[Event.PROPOSAL_ACCEPTED])
    Delivery.objects.create(subscription=other, event=Event.PROPOSAL_ACCEPTED, status=Delivery.Status.DELIVERED)
    client = client_as(users.admin)

    def listed(query: str) -> set[str]:
        page = client.get(f"/webhooks/deliveries/?{query}").content.decode().split('id="list-table"')[1]
        return {name for name in ("Учётная система", "Другая система") if f">{name}<" in page}

    assert listed("") == {"Учётная система", "Другая система"}
    assert listed("status=failed") == {"Учётная система"}
    assert listed(f"event={Event.PROPOSAL_ACCEPTED}") == {"Другая система"}
    assert listed(f"subscription={other.pk}") == {"Другая система"}
    assert listed("status=delivered&event=agreement.status_changed") == set()
    for bad in ("status=zzz", "subscription=abc", "subscription=-1", "event=%00", "page=999"):
        assert client.get(f"/webhooks/deliveries/?{bad}").status_code < 500, bad
    fragment = client.get("/webhooks/deliveries/?status=failed", headers={"HX-Request": "true"})
    assert b"<html" not in fragment.content and b"table-scroll" in fragment.content


def test_unknown_records_are_404(client_as, users):
    client = client_as(users.admin)
    for url in ("/webhooks/999999/", "/webhooks/999999/edit/", "/webhooks/999999/secret/",
                "/webhooks/deliveries/999999/"):
        assert client.get(url).status_code == 404, url
    for url in ("/webhooks/999999/test/", "/webhooks/deliveries/999999/retry/", "/webhooks/999999/delete/"):
        assert client.post(url).status_code == 404, url

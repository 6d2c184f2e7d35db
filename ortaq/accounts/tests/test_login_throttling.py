"""Sign-in throttling: repeated failures from one client, or for one account, lock sign-in for a while — on the
sign-in page, in the admin and through the API's HTTP Basic authentication — with a Russian message."""

import base64

import pytest
from django.urls import reverse

from ortaq.accounts.demo_users import create_user
from ortaq.core.permissions import EDITOR

pytestmark = pytest.mark.django_db
PASSWORD = "Степной-орёл-2018"


@pytest.fixture
def dana(demo):
    return create_user("dana", EDITOR, ("KZ-35",), password=PASSWORD)


def sign_in(client, username: str, password: str, address: str = "10.0.0.1", path: str = ""):
    return client.post(path or reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused(client, dana, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "dana", "wrong-guess").status_code == 200
    locked = sign_in(client, "dana", "wrong-guess")
    assert locked.status_code == 429
    assert "Слишком много неудачных попыток входа" in locked.content.decode()
    again = sign_in(client, "dana", PASSWORD)
    assert again.status_code == 429 and int(again["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(client, dana, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dana", "wrong-guess", address=f"10.0.1.{attempt}")
    assert sign_in(client, "dana", PASSWORD, address="10.9.9.9").status_code == 429


def test_one_address_trying_many_accounts_is_locked(client, dana, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess{attempt}", "wrong-guess", address="10.0.2.1")
    assert sign_in(client, "dana", PASSWORD, address="10.0.2.1").status_code == 429
    # Another client is not affected.
    response = sign_in(client, "dana", PASSWORD, address="10.0.3.1")
    assert response.status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(client, dana, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": f"guess{attempt}", "password": "x"}, REMOTE_ADDR="10.0.4.1",
                    HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    assert sign_in(client, "dana", PASSWORD, address="10.0.4.1").status_code == 429


def test_a_success_before_the_limit_resets_the_count(client, dana, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "dana", "wrong-guess")
    assert sign_in(client, "dana", PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "dana", "wrong-guess")
    assert sign_in(client, "dana", PASSWORD).status_code == 302


def test_the_admin_sign_in_is_throttled_too(client, dana, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dana", "wrong-guess", path=reverse("admin:login"))
    response = sign_in(client, "dana", PASSWORD, path=reverse("admin:login"))
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_the_api_basic_authentication_is_throttled_with_a_russian_json_answer(client, dana, settings):
    url = "/api/organizations/"
    assert client.get(url, HTTP_AUTHORIZATION=basic("dana", PASSWORD), REMOTE_ADDR="10.0.5.1").status_code == 200
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.get(url, HTTP_AUTHORIZATION=basic("dana", "wrong"), REMOTE_ADDR="10.0.5.1")
        assert response.status_code in (401, 403)
    assert client.get(url, HTTP_AUTHORIZATION=basic("dana", "wrong"), REMOTE_ADDR="10.0.5.1").status_code == 429
    locked = client.get(url, HTTP_AUTHORIZATION=basic("dana", PASSWORD), REMOTE_ADDR="10.0.5.1")
    assert locked.status_code == 429
    assert "Слишком много неудачных попыток входа" in locked.json()["detail"]


def test_failures_on_the_page_lock_the_api_as_well(client, dana, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dana", "wrong-guess", address="10.0.6.1")
    response = client.get("/api/organizations/", HTTP_AUTHORIZATION=basic("dana", PASSWORD), REMOTE_ADDR="10.0.7.1")
    assert response.status_code == 429

"""The language switch: Russian by default whatever the browser asks, a visitor's cookie, a user's profile."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_russian_by_default_whatever_the_browser_asks(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="kk,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    assert '<html lang="ru">' in response.content.decode()


def test_switch_is_in_the_header_as_a_post_form(client, demo):
    html = client.get("/").content.decode()
    assert 'action="/i18n/setlang/"' in html and 'method="post"' in html
    for label in ("ҚАЗ", "РУС", "ENG"):
        assert label in html


def test_visitor_choice_is_kept_in_a_cookie_and_url_stays_the_same(client, demo):
    response = client.post("/i18n/setlang/", {"language": "kk", "next": "/regions/"})
    assert response.status_code == 302 and response["Location"] == "/regions/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "kk"
    page = client.get("/regions/")
    assert page["Content-Language"] == "kk"
    assert '<html lang="kk">' in page.content.decode()


def test_unknown_language_is_refused_quietly(client, demo):
    client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert client.get("/")["Content-Language"] == "ru"


def test_user_choice_is_saved_in_the_profile_and_applied_at_next_login(client_as, users):
    client = client_as(users.viewer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    users.viewer.profile.refresh_from_db()
    assert users.viewer.profile.language == "en"
    client.cookies.clear()  # another browser: the profile still says English
    client.force_login(users.viewer)
    assert client.get("/")["Content-Language"] == "en"


def test_switch_refuses_get(client, demo):
    assert client.get("/i18n/setlang/?language=kk").status_code == 405

"""403, 404, 500 and a refused CSRF token are the site's own Russian pages, with the menu and where to go."""

import pytest
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse

pytestmark = pytest.mark.django_db


def _assert_site_page(html: str) -> None:
    assert 'class="nav"' in html and reverse("agreements:agreement_list") in html  # the menu
    assert "На главную страницу" in html and reverse("core:search") in html  # where to go
    assert "Not Found" not in html and "Forbidden" not in html and "Server Error" not in html


def test_an_unknown_address_is_a_russian_404_with_the_menu(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Страница не найдена" in html and "/no-such-page/" in html
    _assert_site_page(html)


def test_a_missing_record_is_the_same_404(client):
    response = client.get(reverse("agreements:agreement_detail", args=[999_999]))
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_a_viewer_opening_an_edit_form_gets_a_russian_403(client_as, users, demo):
    response = client_as(users.viewer).get(reverse("regions:region_edit", args=[demo.karaganda.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Доступ запрещён" in html and "vera" in html and "администратор" in html
    _assert_site_page(html)


def test_the_500_page_renders_with_the_menu_without_touching_the_database(django_assert_num_queries):
    handler = get_resolver().resolve_error_handler(500)
    with django_assert_num_queries(0):
        response = handler(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "На сервере произошла ошибка" in html
    _assert_site_page(html)


def test_a_form_sent_without_a_csrf_token_gets_a_russian_explanation(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users.karaganda)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Форма не отправлена" in html and "обновите её" in html
    _assert_site_page(html)

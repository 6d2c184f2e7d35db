"""Passwords meet Django's validators wherever a user is made: demo users, scripted superusers, the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from ortaq.accounts.demo_users import DEMO_PASSWORD, DEMO_USERS, create_user
from ortaq.core.permissions import VIEWER

pytestmark = pytest.mark.django_db

WEAK = ["12345678", "password", "qwerty123", "short1", "boris-the-farmer"]


def test_the_numeric_and_common_password_validators_are_on():
    for password in ("84736251", "iloveyou", "abc"):
        with pytest.raises(ValidationError):
            validate_password(password)


def test_the_documented_demo_password_is_valid_for_every_demo_user():
    for demo in DEMO_USERS:
        validate_password(DEMO_PASSWORD, get_user_model()(username=demo.username))


@pytest.mark.parametrize("password", WEAK[:4])
def test_creating_a_user_with_a_weak_password_is_refused_and_stores_nothing(password):
    with pytest.raises(ValidationError):
        create_user("boris", VIEWER, password=password)
    assert not get_user_model().objects.filter(username="boris").exists()


def test_a_password_like_the_username_is_refused():
    with pytest.raises(ValidationError):
        create_user("boris-the-farmer", VIEWER, password="boris-the-farmer")


def test_a_scripted_createsuperuser_with_a_numeric_password_is_refused(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "20242025")
    with pytest.raises(CommandError, match="цифр"):
        call_command("createsuperuser", "--noinput", "--username", "root", "--email", "root@example.kz")
    assert not get_user_model().objects.filter(username="root").exists()


def test_a_scripted_createsuperuser_with_a_good_password_works(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Тюльпан-над-Ишимом-7")
    call_command("createsuperuser", "--noinput", "--username", "root", "--email", "root@example.kz")
    assert get_user_model().objects.get(username="root").check_password("Тюльпан-над-Ишимом-7")


def test_the_admin_refuses_a_common_password_for_a_new_user(users, client_as):
    client = client_as(users.admin)
    response = client.post("/admin/auth/user/add/", {"username": "boris", "password1": "password",
                                                     "password2": "password", "usable_password": "true"})
    assert response.status_code == 200
    assert "слишком" in response.content.decode()
    assert not get_user_model().objects.filter(username="boris").exists()

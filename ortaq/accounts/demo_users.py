"""Named demo users, one per role, for the local demo and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password

from ortaq.accounts.models import Profile
from ortaq.core.permissions import ADMIN, EDITOR, VIEWER

DEMO_PASSWORD = "ortaq-demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    region_codes: tuple[str, ...] = ()
    description: str = ""


DEMO_USERS = (
    DemoUser("admin", ADMIN, (), "администратор"),
    DemoUser("karaganda", EDITOR, ("KZ-35",), "редактор, Карагандинская область"),
    DemoUser("astana", EDITOR, ("KZ-71",), "редактор, Астана"),
    DemoUser("viewer", VIEWER, (), "читатель"),
    DemoUser("outsider", EDITOR, ("KZ-63",), "редактор, Восточно-Казахстанская область"),
)


def create_user(username: str, role: str, region_codes=(), organization_ids=(), password: str | None = None):
    """Create (or update) a user with a role and a scope; a password must pass the validators."""
    from ortaq.regions.models import Region

    user_model = get_user_model()
    if password:
        validate_password(password, user_model(username=username))
    user, _ = user_model.objects.get_or_create(username=username)
    user.is_superuser = user.is_staff = role == ADMIN
    if password:
        user.set_password(password)
    user.save()
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.role = role
    profile.save()
    profile.regions.set(Region.objects.filter(code__in=region_codes))
    profile.organizations.set(organization_ids)
    return user


def create_demo_users(password: str = DEMO_PASSWORD) -> list:
    return [create_user(demo.username, demo.role, demo.region_codes, password=password) for demo in DEMO_USERS]

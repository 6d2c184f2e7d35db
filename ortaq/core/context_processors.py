"""Values every page needs: the navigation and the user's role."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ortaq.core.permissions import role_of

NAVIGATION = [
    (_("Регионы"), "regions:region_list"),
    (_("Организации"), "directory:organization_list"),
    (_("Люди"), "directory:person_list"),
    (_("Программы"), "events:program_list"),
    (_("События"), "events:event_list"),
    (_("Соглашения"), "agreements:agreement_list"),
    (_("Обязательства"), "agreements:commitment_list"),
    (_("Проекты"), "projects:jointproject_list"),
    (_("Продовольственный пояс"), "foodbelt:home"),
    (_("Пресс-релизы"), "reader:document_list"),
]


def navigation() -> list[tuple[str, str]]:
    """(label, url) of each menu item; no database access (the 500 page uses it too)."""
    items = []
    for label, name in NAVIGATION:
        try:
            items.append((label, reverse(name)))
        except NoReverseMatch:
            continue  # the app is not installed in this deployment
    return items


def ortaq(request) -> dict:
    return {
        "nav_items": navigation(),
        "user_role": role_of(request.user),
        "anonymous_read": settings.ORTAQ_ANONYMOUS_READ,
    }

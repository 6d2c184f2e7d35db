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


# Pages whose address does not start with their menu item's: (path prefix, the menu item's URL name).
NAVIGATION_ALIASES = [
    ("/agreements/reports/", "agreements:commitment_list"),
    ("/analytics/commitments/", "agreements:commitment_list"),
    ("/directory/positions/", "directory:person_list"),
]


def active_item(path: str, items: list[tuple[str, str]]) -> str | None:
    """The URL of the one menu item a page belongs to: the longest menu address its path starts with."""
    for prefix, name in NAVIGATION_ALIASES:
        if path.startswith(prefix):
            try:
                return reverse(name)
            except NoReverseMatch:
                return None
    matches = [url for _label, url in items if url != "/" and path.startswith(url)]
    return max(matches, key=len, default=None)


def ortaq(request) -> dict:
    items = navigation()
    return {
        "nav_items": items,
        "nav_active": active_item(request.path, items),
        "user_role": role_of(request.user),
        "anonymous_read": settings.ORTAQ_ANONYMOUS_READ,
    }

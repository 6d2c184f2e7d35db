"""The language switch: Django's set_language (cookie) plus the signed-in user's profile setting."""

from __future__ import annotations

from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from ortaq.accounts.middleware import SUPPORTED


@require_POST
def set_language(request):
    """Remember the chosen language in a cookie (settings.LANGUAGE_COOKIE_*) and, for a signed-in user, in their
    profile; then back to the page the switch was pressed on."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if language in SUPPORTED and user.is_authenticated:
        from ortaq.accounts.models import Profile

        profile, _created = Profile.objects.get_or_create(user=user)
        if profile.language != language:
            profile.language = language
            profile.save(update_fields=["language"])
    return response

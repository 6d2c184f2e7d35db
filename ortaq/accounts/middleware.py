"""The interface language: the user's profile setting, else the visitor's cookie, else Russian.

URLs carry no language prefix; the browser's Accept-Language is deliberately ignored (a visitor sees Russian
until they choose another language with the switch in the header)."""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def chosen_language(request) -> str:
    """The language a request is served in."""
    user = getattr(request, "user", None)
    if getattr(user, "is_authenticated", False):
        profile = getattr(user, "profile", None)
        if profile is not None and profile.language in SUPPORTED:
            return profile.language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return cookie if cookie in SUPPORTED else settings.LANGUAGE_CODE


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware (Content-Language, Vary) with Ortaq's choice of language."""

    def process_request(self, request) -> None:
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

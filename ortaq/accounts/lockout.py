"""Sign-in throttling (django-axes): the Russian answer to a locked-out client, on pages and in the API."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.authentication import BasicScheme
from rest_framework.authentication import BasicAuthentication


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Слишком много неудачных попыток входа. Вход с этого адреса или для этой учётной записи закрыт на "
        "%(minutes)s минуту; попробуйте позже или обратитесь к администратору.",
        "Слишком много неудачных попыток входа. Вход с этого адреса или для этой учётной записи закрыт на "
        "%(minutes)s минут; попробуйте позже или обратитесь к администратору.",
        minutes) % {"minutes": minutes}


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """429 with the reason: JSON for the API, the sign-in page's own look for people."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"detail": lockout_message()}, status=status)
    else:
        response = render(request, "registration/locked_out.html",
                          {"message": lockout_message(), "title": _("Вход временно закрыт")}, status=status)
    response["Retry-After"] = retry_after
    return response


class ThrottledBasicAuthentication(BasicAuthentication):
    """HTTP Basic for the API, counted by django-axes like the sign-in page.

    DRF wraps the request; axes marks the lockout on the request it is given, so it gets Django's own.
    """

    def authenticate_credentials(self, userid, password, request=None):
        return super().authenticate_credentials(userid, password, getattr(request, "_request", request))


class ThrottledBasicScheme(BasicScheme):
    """The OpenAPI schema describes it as plain HTTP Basic."""

    target_class = ThrottledBasicAuthentication

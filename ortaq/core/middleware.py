"""Send anonymous visitors to the login page when the registry is not public; answer bad input with a 400
or 409 page in Russian instead of a 500."""

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import EmptyResultSet
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import InvalidPage
from django.db import DataError, IntegrityError
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Raised by a query or a conversion from what a visitor typed: a value out of range, a word where a number
# belongs, a page that does not exist.
BAD_INPUT = (ValueError, OverflowError, DataError, InvalidPage, DjangoValidationError, EmptyResultSet)

PUBLIC_PREFIXES = ("/accounts/", "/static/", "/admin/login/", "/healthz", "/i18n/")


class AnonymousReadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.ORTAQ_ANONYMOUS_READ
            and not request.user.is_authenticated
            and not request.path.startswith(PUBLIC_PREFIXES)
        ):
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class BadInputMiddleware:
    """The page-level counterpart of the API's exception handler: a database refusal or a value the query
    cannot use becomes a 400 (409 for a conflict) page with a Russian message, logged as a warning."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, IntegrityError):
            return self._page(request, exception, 409, _("Запись противоречит другим записям и не сохранена."))
        if isinstance(exception, BAD_INPUT):
            return self._page(request, exception, 400, _("Запрос содержит значение, которое нельзя использовать: "
                                                         "проверьте адрес или введённые данные."))
        return None

    @staticmethod
    def _page(request, exception, status: int, message: str) -> HttpResponse:
        logger.warning("bad input %s %s: %r", request.method, request.get_full_path(), exception)
        from django.template import TemplateDoesNotExist
        from django.template.loader import render_to_string

        try:
            body = render_to_string(f"{status}.html", {"message": message, "exception": message}, request=request)
        except TemplateDoesNotExist:
            body = (f"<!doctype html><html lang=\"ru\"><meta charset=\"utf-8\"><title>{status}</title>"
                    f"<h1>{escape(message)}</h1><p><a href=\"/\">{escape(_('На главную'))}</a></p></html>")
        return HttpResponse(body, status=status)

"""Send anonymous visitors to the login page when the registry is not public."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login

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

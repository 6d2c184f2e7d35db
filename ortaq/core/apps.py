from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ortaq.core"
    label = "core"
    verbose_name = _("Основа")

    def ready(self) -> None:
        from ortaq.core import permissions, search, signals  # noqa: F401  (registers rules and handlers)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "ortaq.analytics"
    label = "analytics"
    verbose_name = _("Аналитика")

    def ready(self) -> None:
        from ortaq.analytics import signals, tracker  # noqa: F401 - connects the rollup and tracker receivers

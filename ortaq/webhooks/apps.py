"""Webhooks: tell other systems what happened (agreement status changed, commitment overdue, proposal accepted).

Layer: reads across domains (like `analytics` and `reader`): it listens to the domain apps' writes and may
import them; nothing below imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "ortaq.webhooks"
    verbose_name = _("Вебхуки")

    def ready(self) -> None:
        from ortaq.webhooks import signals  # noqa: F401  (connects the receivers)

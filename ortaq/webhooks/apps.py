"""Webhooks: tell other systems what happened (agreement status changed, commitment overdue, proposal accepted).

Layer: cross-domain (ortaq/layers.py), like `analytics` and `reader`: it listens to the domain apps' writes
and the reader's accepted proposals and may import them, core and jobs; nothing below imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "ortaq.webhooks"
    verbose_name = _("Вебхуки")

    def ready(self) -> None:
        from ortaq.webhooks import signals  # noqa: F401  (connects the receivers)

"""Analytics: rollups, the records-touching-a-region index, the cooperation map, pair pages, the commitments
tracker and the region brief.

Layer: cross-domain (ortaq/layers.py). It reads across the domain apps and may import them, core and jobs;
reader and webhooks, beside it, do not import it in return. The site layer (portal, ortaq/urls.py) uses it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "ortaq.analytics"
    label = "analytics"
    verbose_name = _("Аналитика")

    def ready(self) -> None:
        from ortaq.analytics import (
            touches,  # its stores are declared in derived.py, found by ortaq.core.derived
        )
        from ortaq.regions import touching

        touching.provide(touches.RegionIndex())  # the domain apps' "records touching a region"

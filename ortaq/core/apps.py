"""The ground floor: the record base class, permissions, generic views and API, history, the search index,
formatting, backup, and the plugin hooks (`plugins.py`) through which the apps above add to shared pages.

Layer: core (ortaq/layers.py). It imports no other Ortaq app and names no domain model; `jobs` sits beside it
and may import it, not the other way round.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ortaq.core"
    label = "core"
    verbose_name = _("Основа")

    def ready(self) -> None:
        from ortaq.core import derived, permissions, search, signals  # noqa: F401  (registers rules and handlers)

        derived.stores()  # every app's derived stores declared: writes reach them from the first one on

"""Background jobs: the ground floor next to `core`.

Layer: core (ortaq/layers.py), above `core` itself: it may import core, nothing else. It names no domain
model; each app declares its own kinds of job in its `tasks.py` (found at start-up), and this app runs them
through Django's task framework, records their progress and shows them to administrators.
"""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "ortaq.jobs"
    verbose_name = _("Фоновые задачи")

    def ready(self) -> None:
        autodiscover_modules("tasks")

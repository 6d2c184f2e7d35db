"""Programs (e.g. the Days of Culture tour) with their reported figures, events and participants.

Layer: domain (ortaq/layers.py). It may import core and jobs, and sources, regions and directory beneath it in
the layer; agreements (signed at events) sit above it and add themselves to a program's page (`panels.py`).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "ortaq.events"
    label = "events"
    verbose_name = _("События")

"""The regions of Kazakhstan and foreign regions, settlements, and the "records touching a region" interface
(`touching.py`) the domain apps filter and list by.

Layer: domain (ortaq/layers.py), near its bottom: it may import core and jobs, and sources (the demo loaders'
citations). Every other domain app may import it; what they show on a region's page they add through
`<app>.panels.detail_context`.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "ortaq.regions"
    label = "regions"
    verbose_name = _("Регионы")

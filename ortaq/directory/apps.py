"""Organizations and people, the posts people hold.

Layer: domain (ortaq/layers.py). It may import core and jobs, and sources and regions beneath it in the layer.
Apps that relate to organizations (events, agreements, projects, foodbelt, accounts) sit above it; its
`panels.py` adds a region's organizations and people in office to the region's page.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "ortaq.directory"
    label = "directory"
    verbose_name = _("Справочник")

"""Joint projects and their milestones.

Layer: domain (ortaq/layers.py). It may import core and jobs, and sources, regions, directory and agreements
beneath it in the layer; its `panels.py` adds a region's latest projects to the region's page.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "ortaq.projects"
    label = "projects"
    verbose_name = _("Совместные проекты")

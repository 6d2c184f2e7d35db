"""The food-belt monitor: supply programs, suppliers, plans, deliveries, reported totals and their rollups.

Layer: domain (ortaq/layers.py), the top of it. It may import core and jobs and the other domain apps
(sources, regions, directory); analytics and reader read it from the layer above.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoodbeltConfig(AppConfig):
    name = "ortaq.foodbelt"
    label = "foodbelt"
    verbose_name = _("Продовольственный пояс")

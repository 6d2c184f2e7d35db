"""Agreements and memoranda, parties, areas of cooperation, commitments and progress reports.

Layer: domain (ortaq/layers.py). It may import core and jobs, and the domain apps beneath it: sources,
regions (and the records-touching-a-region index, `regions.touching`), directory, events. Projects (which
imports it) sits above it within the layer; analytics, reader and webhooks read it from the layer above. Its `panels.py` adds
the agreements of a region, a program and an organization to their pages.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "ortaq.agreements"
    label = "agreements"
    verbose_name = _("Соглашения")

"""Provenance: documents and the source of every record; the seed press release the demo data cites.

Layer: domain (ortaq/layers.py), its bottom: it may import core and jobs only, and every domain app may import it. Core's views announce a
record entered by hand (`core.signals.record_entered`) and show the record's sources through `panels.py`,
so core never imports it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "ortaq.sources"
    label = "sources"
    verbose_name = _("Источники")

    def ready(self) -> None:
        from ortaq.sources import signals  # noqa: F401 - notes the source of records entered by hand

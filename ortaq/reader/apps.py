"""The press-release reader: documents, the review queue of proposed facts, accepted facts stored as records.

Layer: cross-domain (ortaq/layers.py). It may import the domain apps (including the `extraction` library),
core and jobs; webhooks, beside it, imports it; analytics does not, and it does not import analytics.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderConfig(AppConfig):
    name = "ortaq.reader"
    label = "reader"
    verbose_name = _("Чтение пресс-релизов")

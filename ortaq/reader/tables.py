import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ortaq.core.tables import RecordTable
from ortaq.reader.models import Reading


class ReadingTable(RecordTable):
    document = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Документ"), order_by=("document__title",))
    file_name = tables.Column(accessor="document__file_name", verbose_name=_("Файл"))
    read_at = tables.DateTimeColumn(format="d.m.Y H:i", verbose_name=_("Прочитан"))
    pending = tables.Column(verbose_name=_("Ждут решения"))
    accepted = tables.Column(verbose_name=_("Принято"))
    rejected = tables.Column(verbose_name=_("Отклонено"))

    class Meta(RecordTable.Meta):
        model = Reading
        fields = ["document", "file_name", "read_at", "pending", "accepted", "rejected"]

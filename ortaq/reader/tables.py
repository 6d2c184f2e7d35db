from django.utils.translation import gettext_lazy as _

from ortaq.core.tables import Column, RecordTable
from ortaq.reader.models import Reading


class ReadingTable(RecordTable):
    document = Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Документ"), order_by=("document__title",))
    file_name = Column(accessor="document__file_name", verbose_name=_("Файл"))
    read_at = Column(verbose_name=_("Прочитан"))
    pending = Column(verbose_name=_("Ждут решения"))
    accepted = Column(verbose_name=_("Принято"))
    rejected = Column(verbose_name=_("Отклонено"))

    class Meta(RecordTable.Meta):
        model = Reading
        fields = ["document", "file_name", "read_at", "pending", "accepted", "rejected"]

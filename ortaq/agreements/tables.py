from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ortaq.agreements.models import Agreement, Area, Commitment
from ortaq.core import formatting
from ortaq.core.tables import Column, RecordTable


class AreaTable(RecordTable):
    name_ru = Column(linkify=True, verbose_name=_("Сфера"))
    agreement_count = Column(verbose_name=_("Соглашений"))
    commitment_count = Column(verbose_name=_("Обязательств"))
    project_count = Column(verbose_name=_("Проектов"))

    class Meta(RecordTable.Meta):
        model = Area
        fields = ["name_ru", "name_kk", "agreement_count", "commitment_count", "project_count"]


class AgreementTable(RecordTable):
    title = Column(linkify=True)
    parties = Column(empty_values=(), orderable=False, verbose_name=_("Стороны"))

    class Meta(RecordTable.Meta):
        model = Agreement
        fields = ["signed_on", "kind", "title", "parties", "status"]

    def render_parties(self, record) -> str:
        # Parties are prefetched by the view, so this adds no query per row.
        return "; ".join(str(party) for party in record.parties.all())


class CommitmentTable(RecordTable):
    text = Column(linkify=True)
    agreement = Column(linkify=True)
    owner = Column(linkify=True)
    due_date = Column()

    class Meta(RecordTable.Meta):
        model = Commitment
        fields = ["text", "agreement", "owner", "due_date", "target", "actual", "status"]

    def render_due_date(self, record, value):
        if record.is_overdue:
            return format_html('<span class="overdue">{} · {}</span>', formatting.date(value), _("просрочено"))
        return formatting.date(value)

    def value_due_date(self, value):
        return value


class ProgressReportTable(RecordTable):
    commitment = Column(linkify=True)
    date = Column(linkify=True)

    class Meta(RecordTable.Meta):
        from ortaq.agreements.models import ProgressReport

        model = ProgressReport
        fields = ["date", "commitment", "value", "note"]

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ortaq.agreements.models import Agreement, Commitment
from ortaq.core.tables import RecordTable


class AgreementTable(RecordTable):
    title = tables.Column(linkify=True)
    parties = tables.Column(empty_values=(), orderable=False, verbose_name=_("Стороны"))

    class Meta(RecordTable.Meta):
        model = Agreement
        fields = ["signed_on", "kind", "title", "parties", "status"]

    def render_parties(self, record) -> str:
        # Parties are prefetched by the view, so this adds no query per row.
        return "; ".join(str(party) for party in record.parties.all())


class CommitmentTable(RecordTable):
    text = tables.Column(linkify=True)
    agreement = tables.Column(linkify=True)
    owner = tables.Column(linkify=True)
    due_date = tables.Column()

    class Meta(RecordTable.Meta):
        model = Commitment
        fields = ["text", "agreement", "owner", "due_date", "target", "actual", "status"]

    def render_due_date(self, record, value):
        if record.is_overdue:
            return format_html('<span class="overdue">{} · {}</span>', value, _("просрочено"))
        return value


class ProgressReportTable(RecordTable):
    commitment = tables.Column(linkify=True)
    date = tables.Column(linkify=True)

    class Meta(RecordTable.Meta):
        from ortaq.agreements.models import ProgressReport

        model = ProgressReport
        fields = ["date", "commitment", "value", "note"]

from django.utils.translation import gettext_lazy as _

from ortaq.core.tables import Column, RecordTable
from ortaq.projects.models import JointProject


class JointProjectTable(RecordTable):
    title = Column(linkify=True)
    region_names = Column(empty_values=(), orderable=False, verbose_name=_("Регионы"))

    class Meta(RecordTable.Meta):
        model = JointProject
        fields = ["title", "kind", "status", "region_names", "start_year", "end_year", "budget"]

    def render_region_names(self, record) -> str:
        return ", ".join(str(region) for region in record.regions.all())

from django.utils.translation import gettext_lazy as _

from ortaq.core.tables import Column, RecordTable
from ortaq.directory.models import Organization, Person, Position


class OrganizationTable(RecordTable):
    name = Column(linkify=True)
    region = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Organization
        fields = ["name", "legal_form", "kind", "region", "bin"]


class PersonTable(RecordTable):
    name = Column(accessor="full_name", verbose_name=_("ФИО"), linkify=True,
                         order_by=("last_name", "first_name"))

    class Meta(RecordTable.Meta):
        model = Person
        fields = ["name"]


class PositionTable(RecordTable):
    person = Column(linkify=True)
    region = Column(linkify=True)
    organization = Column(linkify=True)
    title = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Position
        fields = ["person", "title", "region", "organization", "start_date", "end_date"]

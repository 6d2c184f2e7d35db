
from ortaq.core.tables import Column, RecordTable
from ortaq.regions.models import Region, Settlement


class RegionTable(RecordTable):
    name_ru = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Region
        fields = ["code", "name_ru", "name_kk", "kind", "centre", "kato"]


class SettlementTable(RecordTable):
    name_ru = Column(linkify=True)
    region = Column(linkify=True)

    class Meta(RecordTable.Meta):
        model = Settlement
        fields = ["name_ru", "region", "kind", "kato"]

"""Reference data: the first-level regions of Kazakhstan (facts, ISO 3166-2 numeric codes since 2022).

Pure data with no Django import, so that the text pipeline can use it as a gazetteer too.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RegionFact:
    code: str  # ISO 3166-2, e.g. "KZ-35"
    kato: str  # KATO prefix, equal to the ISO number
    name_ru: str
    name_kk: str
    name_en: str
    kind: str  # "oblast" or "city"
    centre_ru: str
    centre_kk: str
    centre_en: str
    latitude: float
    longitude: float
    historic_names: tuple[str, ...] = field(default_factory=tuple)
    since: int | None = None


KAZAKHSTAN_REGIONS: tuple[RegionFact, ...] = (
    RegionFact("KZ-10", "10", "Абайская область", "Абай облысы", "Abai Region", "oblast",
               "Семей", "Семей", "Semey", 50.4111, 80.2275, ("Семипалатинск",), 2022),
    RegionFact("KZ-11", "11", "Акмолинская область", "Ақмола облысы", "Akmola Region", "oblast",
               "Кокшетау", "Көкшетау", "Kokshetau", 53.2833, 69.3833, ("Целиноградская область",)),
    RegionFact("KZ-15", "15", "Актюбинская область", "Ақтөбе облысы", "Aktobe Region", "oblast",
               "Актобе", "Ақтөбе", "Aktobe", 50.2839, 57.1670, ()),
    RegionFact("KZ-19", "19", "Алматинская область", "Алматы облысы", "Almaty Region", "oblast",
               "Конаев", "Қонаев", "Konayev", 43.8667, 77.0667, ()),
    RegionFact("KZ-23", "23", "Атырауская область", "Атырау облысы", "Atyrau Region", "oblast",
               "Атырау", "Атырау", "Atyrau", 47.1167, 51.8833, ("Гурьевская область",)),
    RegionFact("KZ-27", "27", "Западно-Казахстанская область", "Батыс Қазақстан облысы",
               "West Kazakhstan Region", "oblast", "Уральск", "Орал", "Oral", 51.2333, 51.3667, ()),
    RegionFact("KZ-31", "31", "Жамбылская область", "Жамбыл облысы", "Jambyl Region", "oblast",
               "Тараз", "Тараз", "Taraz", 42.9000, 71.3667, ()),
    RegionFact("KZ-33", "33", "Жетысуская область", "Жетісу облысы", "Jetisu Region", "oblast",
               "Талдыкорган", "Талдықорған", "Taldykorgan", 45.0167, 78.3667, (), 2022),
    RegionFact("KZ-35", "35", "Карагандинская область", "Қарағанды облысы", "Karaganda Region", "oblast",
               "Караганда", "Қарағанды", "Karaganda", 49.8047, 73.1094, ()),
    RegionFact("KZ-39", "39", "Костанайская область", "Қостанай облысы", "Kostanay Region", "oblast",
               "Костанай", "Қостанай", "Kostanay", 53.2144, 63.6246, ("Кустанайская область",)),
    RegionFact("KZ-43", "43", "Кызылординская область", "Қызылорда облысы", "Kyzylorda Region", "oblast",
               "Кызылорда", "Қызылорда", "Kyzylorda", 44.8528, 65.5092, ()),
    RegionFact("KZ-47", "47", "Мангистауская область", "Маңғыстау облысы", "Mangystau Region", "oblast",
               "Актау", "Ақтау", "Aktau", 43.6500, 51.1500, ("Мангышлакская область",)),
    RegionFact("KZ-55", "55", "Павлодарская область", "Павлодар облысы", "Pavlodar Region", "oblast",
               "Павлодар", "Павлодар", "Pavlodar", 52.2833, 76.9667, ()),
    RegionFact("KZ-59", "59", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы",
               "North Kazakhstan Region", "oblast", "Петропавловск", "Петропавл", "Petropavl",
               54.8667, 69.1500, ()),
    RegionFact("KZ-61", "61", "Туркестанская область", "Түркістан облысы", "Turkistan Region", "oblast",
               "Туркестан", "Түркістан", "Turkistan", 43.3000, 68.2500, ("Южно-Казахстанская область",)),
    RegionFact("KZ-62", "62", "Улытауская область", "Ұлытау облысы", "Ulytau Region", "oblast",
               "Жезказган", "Жезқазған", "Zhezkazgan", 47.7833, 67.7667, (), 2022),
    RegionFact("KZ-63", "63", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы",
               "East Kazakhstan Region", "oblast", "Усть-Каменогорск", "Өскемен", "Oskemen",
               49.9833, 82.6167, ()),
    RegionFact("KZ-71", "71", "Астана", "Астана", "Astana", "city",
               "Астана", "Астана", "Astana", 51.1694, 71.4491,
               ("Нур-Султан", "Акмола", "Целиноград", "Акмолинск")),
    RegionFact("KZ-75", "75", "Алматы", "Алматы", "Almaty", "city",
               "Алматы", "Алматы", "Almaty", 43.2383, 76.9456, ("Алма-Ата",)),
    RegionFact("KZ-79", "79", "Шымкент", "Шымкент", "Shymkent", "city",
               "Шымкент", "Шымкент", "Shymkent", 42.3167, 69.5958, ("Чимкент",)),
)

REGIONS_BY_CODE: dict[str, RegionFact] = {region.code: region for region in KAZAKHSTAN_REGIONS}

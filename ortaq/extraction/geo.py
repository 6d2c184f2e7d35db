"""Place reference data kept inside the package: foreign first-level regions (ISO 3166-2) and countries."""

from __future__ import annotations

from ortaq.regions.reference import KAZAKHSTAN_REGIONS

# "CODE|Nominative name|alias|alias" — first-level regions of neighbouring and frequently cited countries.
FOREIGN_REGIONS = """
RU-MOW|Москва
RU-SPE|Санкт-Петербург|Петербург|Питер
RU-AD|Республика Адыгея|Адыгея
RU-AL|Республика Алтай
RU-BA|Республика Башкортостан|Башкортостан|Башкирия
RU-BU|Республика Бурятия|Бурятия
RU-DA|Республика Дагестан|Дагестан
RU-IN|Республика Ингушетия|Ингушетия
RU-KB|Кабардино-Балкарская Республика|Кабардино-Балкария
RU-KL|Республика Калмыкия|Калмыкия
RU-KC|Карачаево-Черкесская Республика|Карачаево-Черкесия
RU-KR|Республика Карелия|Карелия
RU-KO|Республика Коми
RU-ME|Республика Марий Эл|Марий Эл
RU-MO|Республика Мордовия|Мордовия
RU-SA|Республика Саха (Якутия)|Якутия|Республика Саха
RU-SE|Республика Северная Осетия — Алания|Северная Осетия
RU-TA|Республика Татарстан|Татарстан
RU-TY|Республика Тыва|Тыва|Тува
RU-UD|Удмуртская Республика|Удмуртия
RU-KK|Республика Хакасия|Хакасия
RU-CE|Чеченская Республика|Чечня|Чеченская Республика Ичкерия
RU-CU|Чувашская Республика|Чувашия
RU-ALT|Алтайский край
RU-ZAB|Забайкальский край|Забайкалье
RU-KAM|Камчатский край|Камчатка
RU-KDA|Краснодарский край|Кубань
RU-KYA|Красноярский край
RU-PER|Пермский край
RU-PRI|Приморский край|Приморье
RU-STA|Ставропольский край|Ставрополье
RU-KHA|Хабаровский край
RU-AMU|Амурская область
RU-ARK|Архангельская область
RU-AST|Астраханская область
RU-BEL|Белгородская область
RU-BRY|Брянская область
RU-VLA|Владимирская область
RU-VGG|Волгоградская область
RU-VLG|Вологодская область
RU-VOR|Воронежская область
RU-IVA|Ивановская область
RU-IRK|Иркутская область
RU-KGD|Калининградская область
RU-KLU|Калужская область
RU-KEM|Кемеровская область|Кузбасс
RU-KIR|Кировская область
RU-KOS|Костромская область
RU-KGN|Курганская область
RU-KRS|Курская область
RU-LEN|Ленинградская область
RU-LIP|Липецкая область
RU-MAG|Магаданская область
RU-MOS|Московская область|Подмосковье
RU-MUR|Мурманская область
RU-NIZ|Нижегородская область
RU-NGR|Новгородская область
RU-NVS|Новосибирская область
RU-OMS|Омская область
RU-ORE|Оренбургская область
RU-ORL|Орловская область
RU-PNZ|Пензенская область
RU-PSK|Псковская область
RU-ROS|Ростовская область
RU-RYA|Рязанская область
RU-SAM|Самарская область
RU-SAR|Саратовская область
RU-SAK|Сахалинская область
RU-SVE|Свердловская область
RU-SMO|Смоленская область
RU-TAM|Тамбовская область
RU-TVE|Тверская область
RU-TOM|Томская область
RU-TUL|Тульская область
RU-TYU|Тюменская область
RU-ULY|Ульяновская область
RU-CHE|Челябинская область
RU-YAR|Ярославская область
RU-YEV|Еврейская автономная область
RU-NEN|Ненецкий автономный округ
RU-KHM|Ханты-Мансийский автономный округ|Югра
RU-CHU|Чукотский автономный округ|Чукотка
RU-YAN|Ямало-Ненецкий автономный округ|Ямал
UA-30|Киев
UA-43|Автономная Республика Крым|Крым
UA-14|Донецкая область
UA-09|Луганская область
UA-46|Львовская область
UA-51|Одесская область
UA-63|Харьковская область
UA-12|Днепропетровская область
UA-32|Киевская область
UA-23|Запорожская область
BY-HM|Минск
BY-MI|Минская область
BY-BR|Брестская область
BY-HO|Гомельская область
BY-HR|Гродненская область
BY-MA|Могилевская область
BY-VI|Витебская область
UZ-TK|Ташкент
UZ-TO|Ташкентская область
UZ-SA|Самаркандская область
UZ-BU|Бухарская область
UZ-AN|Андижанская область
UZ-FA|Ферганская область
UZ-NG|Наманганская область
UZ-QR|Республика Каракалпакстан|Каракалпакстан
KG-GB|Бишкек
KG-GO|Ош
KG-C|Чуйская область
KG-Y|Иссык-Кульская область|Иссык-Куль|Ыссык-Куль
KG-O|Ошская область
KG-J|Джалал-Абадская область
KG-N|Нарынская область
KG-T|Таласская область
KG-B|Баткенская область
CN-XJ|Синьцзян-Уйгурский автономный район|Синьцзян|СУАР
CN-BJ|Пекин
CN-SH|Шанхай
MN-071|Баян-Улгийский аймак|Баян-Ульгийский аймак
MD-GA|Гагаузия|Гагаузская автономия
RS-KM|Косово
MX-CMX|Мехико
DE-BE|Берлин
US-DC|Вашингтон|округ Колумбия
US-AL|Алабама
US-AK|Аляска
US-AZ|Аризона
US-AR|Арканзас
US-CA|Калифорния
US-CO|Колорадо
US-CT|Коннектикут
US-FL|Флорида
US-HI|Гавайи
US-ID|Айдахо
US-IL|Иллинойс
US-IN|Индиана
US-IA|Айова
US-KS|Канзас
US-KY|Кентукки
US-LA|Луизиана
US-MD|Мэриленд
US-MA|Массачусетс
US-MI|Мичиган
US-MN|Миннесота
US-MO|Миссури
US-MT|Монтана
US-NE|Небраска
US-NV|Невада
US-NJ|Нью-Джерси
US-NM|Нью-Мексико
US-NY|Нью-Йорк
US-NC|Северная Каролина
US-ND|Северная Дакота
US-OH|Огайо
US-OK|Оклахома
US-OR|Орегон
US-PA|Пенсильвания
US-SC|Южная Каролина
US-SD|Южная Дакота
US-TN|Теннесси
US-TX|Техас
US-UT|Юта
US-VA|Вирджиния|Виргиния
US-WI|Висконсин
US-WY|Вайоминг
"""

# "Nominative name|alias|alias" — countries: never regions, but they can be agreement parties.
COUNTRIES = """
Казахстан|Республика Казахстан|РК
Россия|Российская Федерация|РФ
Китай|КНР|Китайская Народная Республика|Поднебесная
США|Соединенные Штаты|Соединенные Штаты Америки|Америка
Турция|Турецкая Республика
Украина
Белоруссия|Беларусь|Республика Беларусь
Узбекистан|Республика Узбекистан
Киргизия|Кыргызстан|Кыргызская Республика
Таджикистан
Туркмения|Туркменистан
Азербайджан
Армения
Грузия
Молдавия|Молдова
Германия|ФРГ
Франция
Италия
Великобритания|Англия
Польша
Болгария
Япония
Индия
Иран
Монголия
Южная Корея|Корея
ОАЭ|Объединенные Арабские Эмираты
Афганистан
Пакистан
Израиль
Испания
Канада
Мексика
Аргентина
Бразилия
Европа
"""

# Other names of Kazakhstan's regions used in the press: abbreviations, the «область X» order of the regions
# created in 2022, their short names, former centre names. "CODE|name|name".
KAZAKHSTAN_EXTRA_NAMES = """
KZ-63|ВКО|Восточный Казахстан|Шығыс Қазақстан
KZ-59|СКО|Северный Казахстан|Солтүстік Қазақстан
KZ-27|ЗКО|Западный Казахстан|Батыс Қазақстан
KZ-61|ЮКО|Южный Казахстан|Оңтүстік Қазақстан
KZ-10|область Абай|Абай облысы|Абайская обл.
KZ-33|область Жетісу|область Жетысу|Жетісу облысы|Жетысу облысы|Жетісу|Жетысу|Жетысуская обл.
KZ-62|область Ұлытау|область Улытау|Ұлытау облысы|Ұлытау|Улытау|Улытауская обл.
KZ-19|Капчагай|Капшагай
KZ-43|Кзыл-Орда
KZ-47|Мангышлак|Маңғыстау
"""

# Words that name a region's capital city as a post's scope: "аким столицы" → the country's capital.
CAPITAL_WORDS = ("столица",)
CAPITALS = {"KZ": "KZ-71", "RU": "RU-MOW", "UA": "UA-30", "BY": "BY-HM", "KG": "KG-GB", "UZ": "UZ-TK"}


def region_entries() -> list[tuple[str, str, tuple[str, ...]]]:
    """(code, canonical name, names to match) for Kazakhstan's regions and the foreign ones above."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for r in KAZAKHSTAN_REGIONS:
        names = [r.name_ru, *r.historic_names]
        if r.kind == "oblast":
            adj = r.name_ru.split()[0]
            names += [f"{adj} обл.", f"{adj} обл", r.centre_ru, r.name_kk, r.centre_kk]
        else:
            for city in (r.name_ru, *r.historic_names):
                names += [f"город {city}", f"г. {city}"]
        out.append((r.code, r.name_ru, tuple(n for n in names if n != "Акмола")))
    extra: dict[str, list[str]] = {}
    for line in KAZAKHSTAN_EXTRA_NAMES.strip().splitlines():
        code, *aliases = line.split("|")
        extra.setdefault(code, []).extend(aliases)
    out = [(code, name, (*names, *extra.get(code, ()))) for code, name, names in out]
    for line in FOREIGN_REGIONS.strip().splitlines():
        code, name, *aliases = line.split("|")
        if code.startswith("UZ-") and name.endswith("ская область"):
            aliases += [name.replace("ская область", "ский вилоят"), name.replace("ская область", "ский вилайет")]
        out.append((code, name, (name, *aliases)))
    return out


def country_entries() -> list[tuple[str, tuple[str, ...]]]:
    """(canonical name, names to match) for countries."""
    out = []
    for line in COUNTRIES.strip().splitlines():
        name, *aliases = line.split("|")
        out.append((name, (name, *aliases)))
    return out

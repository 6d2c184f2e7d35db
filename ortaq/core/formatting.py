"""The one place that turns dates, numbers, money and counts into text a reader sees.

Pages, tables, charts, the display text of exports and the PDF brief all call these functions. Each reads the
active language's conventions through Django's format modules (`ortaq/formats/<language>/formats.py` on top of
Django's own), so a Kazakh or English interface plugs in by adding a module and a message catalogue.

Kazakh (`formats/kk`) and English (`formats/en`) follow the same rules with their own words and separators:
«2026 жылғы 20 желтоқсан», `1 500,5`, «35 млрд ₸»; «20 December 2026», `1,500.5`, «35 bn ₸».

Rules (Russian): dates `dd.mm.yyyy` in tables, lists and files, «20 декабря 2026 г.» only in running text;
numbers with a no-break space between thousands and a comma for decimals, trailing zeros dropped; money with
₸ after the number, and in tiles a short form («35 млрд ₸»).
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone
from django.utils.translation import pgettext

EMPTY = "—"

# (threshold, short word): the short word is translated per language.
SHORT_UNITS = (
    (10**12, lambda: pgettext("сокращение числа", "трлн")),
    (10**9, lambda: pgettext("сокращение числа", "млрд")),
    (10**6, lambda: pgettext("сокращение числа", "млн")),
    (10**3, lambda: pgettext("сокращение числа", "тыс.")),
)


def _get(name: str, default: str) -> str:
    value = formats.get_format(name)
    return default if value == name else value


def date(value, long: bool = False) -> str:
    """`20.12.2026`, or «20 декабря 2026 г.» for running text («2026 жылғы 20 желтоқсан», «20 December 2026»);
    accepts dates, datetimes and ISO strings."""
    if value in (None, ""):
        return EMPTY
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    text = formats.date_format(value, "DATE_FORMAT" if long else "SHORT_DATE_FORMAT")
    # Kazakh writes month names in lower case in running text («2026 жылғы 20 желтоқсан»).
    return text.lower() if long and formats.get_format("LOWERCASE_MONTHS") is True else text


def datetime_(value) -> str:
    """`20.12.2026 14:30` in the site's time zone."""
    if value in (None, ""):
        return EMPTY
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATETIME_FORMAT")


def _decimal(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def number(value, decimals: int | None = None, max_decimals: int = 2) -> str:
    """`1 500,5`: grouped thousands, decimal comma; exactly `decimals` places, or up to `max_decimals` with
    trailing zeros dropped (`28.00` → `28`, `49.8047` → `49,8`)."""
    if value in (None, ""):
        return EMPTY
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return formats.number_format(value, 0, force_grouping=True)
    amount = _decimal(value)
    if not amount.is_finite():
        return EMPTY
    if decimals is None:
        amount = amount.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP).normalize()
        places = max(0, -amount.as_tuple().exponent)
    else:
        places = decimals
    return formats.number_format(amount, places, force_grouping=True)


def money(value, short: bool = False) -> str:
    """`1 500 ₸`, `1 500,50 ₸` (kopecks only when there are any); `short` gives «35 млрд ₸» for tiles."""
    if value in (None, ""):
        return EMPTY
    amount = _decimal(value)
    if short:
        text = short_number(amount)
    else:
        text = number(amount, 0 if amount == amount.to_integral_value() else 2)
    return _get("CURRENCY_FORMAT", "{number} ₸").format(number=text)


def short_number(value) -> str:
    """`35 млрд`, `1,2 млн`, `950`: a number short enough for a tile."""
    if value in (None, ""):
        return EMPTY
    amount = _decimal(value)
    for threshold, word in SHORT_UNITS:
        if abs(amount) >= threshold:
            scaled = amount / threshold
            return f"{number(scaled, max_decimals=0 if abs(scaled) >= 100 else 1)}\xa0{word()}"
    return number(amount, max_decimals=0 if abs(amount) >= 100 else 1)


def percent(value, max_decimals: int = 1) -> str:
    """`45 %`, `12,5 %`."""
    if value in (None, ""):
        return EMPTY
    return f"{number(value, max_decimals=max_decimals)}\xa0%"


def period(start, end) -> str:
    """`01.02.2020 — 03.04.2022`, `с 01.02.2020`, `по 03.04.2022`, or nothing when neither date is known."""
    if start and end:
        return f"{date(start)} — {date(end)}"
    if start:
        return pgettext("период", "с %(date)s") % {"date": date(start)}
    if end:
        return pgettext("период", "по %(date)s") % {"date": date(end)}
    return ""


def year(value) -> str:
    """A year is never grouped: `2026`."""
    return EMPTY if value in (None, "") else str(value)


def plain(value) -> str:
    """Any value as display text, by its type: what a table cell or a file's display column shows."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return pgettext("логическое", "да") if value else pgettext("логическое", "нет")
    if isinstance(value, datetime.datetime):
        return datetime_(value)
    if isinstance(value, datetime.date):
        return date(value)
    if isinstance(value, int | float | Decimal):
        return number(value)
    return str(value)


MONEY_NAME = re.compile(r"(^|_)(tenge|budget)($|_)")


def is_money(name: str) -> bool:
    """Whether a field or column holds tenge, by its name (value_tenge, budget)."""
    return bool(MONEY_NAME.search(name or ""))

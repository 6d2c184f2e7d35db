"""The rules a delivery meets, whether a person types it into the form or a file row brings it in."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ortaq.foodbelt.models import DELIVERY_DATE_MIN, TENGE, TONNES

SPACES = re.compile(r"[\s\u00a0\u202f']")
QUANTUM = {places: Decimal(1).scaleb(-places) for places in range(0, 7)}
LIMIT = {digits: Decimal(10) ** digits for digits in range(1, 30)}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y")


def parse_decimal(text, places: int, digits: int) -> Decimal:
    """A number as spreadsheets write it ("1 234,5" or "1234.5") with at most `places` decimals."""
    if type(text) is str:
        try:
            value = Decimal(text)  # the common case, "1234.5", without any cleaning
        except (InvalidOperation, TypeError):
            cleaned = SPACES.sub("", str(text or "")).replace(",", ".")
            if not cleaned:
                raise ValidationError(_("Не заполнено.")) from None
            try:
                value = Decimal(cleaned)
            except InvalidOperation:
                raise ValidationError(_("«%(value)s» — не число.") % {"value": text}) from None
    elif isinstance(text, Decimal):
        value = text
    elif isinstance(text, int | float) and not isinstance(text, bool):
        value = Decimal(str(text))
    else:
        raise ValidationError(_("Не заполнено.") if text is None else _("«%(value)s» — не число.") % {"value": text})
    if not value.is_finite():
        raise ValidationError(_("«%(value)s» — не число.") % {"value": text})
    try:
        rounded = value.quantize(QUANTUM[places])
    except InvalidOperation:
        raise ValidationError(_("Слишком большое число.")) from None
    if rounded != value:
        raise ValidationError(_("Не больше %(places)s знаков после запятой.") % {"places": places})
    if abs(rounded) >= LIMIT[digits - places]:
        raise ValidationError(_("Слишком большое число."))
    return rounded


def parse_date(text) -> datetime.date:
    """A date as ISO (2018-03-31) or as Russian spreadsheets write it (31.03.2018)."""
    if isinstance(text, datetime.datetime):
        return text.date()
    if isinstance(text, datetime.date):
        return text
    cleaned = str(text or "").strip()
    if not cleaned:
        raise ValidationError(_("Не заполнено."))
    if len(cleaned) == 10 and cleaned[4] == "-":
        try:
            return datetime.date.fromisoformat(cleaned)
        except ValueError:
            pass
    for date_format in DATE_FORMATS[1:]:
        try:
            return datetime.datetime.strptime(cleaned, date_format).date()
        except ValueError:
            continue
    raise ValidationError(_("«%(value)s» — не дата (ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД).") % {"value": text})


def check_date(value: datetime.date, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    if value < DELIVERY_DATE_MIN or value > today:
        raise ValidationError(_("Дата %(date)s вне допустимого диапазона (%(first)s — %(last)s).") % {
            "date": value.strftime("%d.%m.%Y"), "first": DELIVERY_DATE_MIN.strftime("%d.%m.%Y"),
            "last": today.strftime("%d.%m.%Y")})


def check_volume(value: Decimal) -> None:
    if value <= 0:
        raise ValidationError(_("Объём должен быть больше нуля."))


def check_value(value: Decimal) -> None:
    if value < 0:
        raise ValidationError(_("Сумма не может быть отрицательной."))


def volume(text) -> Decimal:
    value = parse_decimal(text, TONNES["decimal_places"], TONNES["max_digits"])
    check_volume(value)
    return value


def money(text) -> Decimal:
    value = parse_decimal(text, TENGE["decimal_places"], TENGE["max_digits"])
    check_value(value)
    return value


def delivery_date(text, today: datetime.date | None = None) -> datetime.date:
    value = parse_date(text)
    check_date(value, today)
    return value


def document_number(text) -> str:
    value = str(text or "").strip()
    if isinstance(text, float) and text.is_integer():
        value = str(int(text))
    if not value:
        raise ValidationError(_("Не заполнено."))
    if len(value) > 64:
        raise ValidationError(_("Номер документа длиннее 64 знаков."))
    return value

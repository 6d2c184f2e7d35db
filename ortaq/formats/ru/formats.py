"""Russian: Django's formats (d.m.Y, «20 декабря 2026 г.», no-break space thousands, comma decimals) plus money."""

from django.conf.locale.ru.formats import *  # noqa: F403 — Django's own Russian conventions, extended below

CURRENCY_FORMAT = "{number}\xa0₸"
EXCEL_DATE_FORMAT = "DD.MM.YYYY"
EXCEL_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"

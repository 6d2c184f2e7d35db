"""English: «20 December 2026» in running text; dd.mm.yyyy in tables and files, as everywhere in Ortaq (not the
American m/d/Y); 1,500.5; money with ₸ after the number."""

from django.conf.locale.en.formats import *  # noqa: F403 — Django's English conventions, adjusted below

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

CURRENCY_FORMAT = "{number}\xa0₸"
EXCEL_DATE_FORMAT = "DD.MM.YYYY"
EXCEL_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"

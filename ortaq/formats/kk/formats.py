"""Kazakh: «2026 жылғы 20 желтоқсан» in running text, dd.mm.yyyy elsewhere, no-break space thousands, comma decimals.

Django ships Kazakh month names (its kk catalogue) but no Kazakh format module; this one is complete."""

DATE_FORMAT = "Y жылғы j E"  # E: the month's standalone name, lower-cased by LOWERCASE_MONTHS
DATETIME_FORMAT = "Y жылғы j E, H:i"
YEAR_MONTH_FORMAT = "Y жылғы E"
MONTH_DAY_FORMAT = "j E"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

# Ortaq's own conventions, read by ortaq/core/formatting.py and ortaq/core/exports.py.
LOWERCASE_MONTHS = True  # month names are common nouns in Kazakh running text: «20 желтоқсан»
CURRENCY_FORMAT = "{number}\xa0₸"
EXCEL_DATE_FORMAT = "DD.MM.YYYY"
EXCEL_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"

"""The dateline of a press release («Павлодар, 12 апреля 2024 г.», «14.03.2024») and years said relative to it."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
          "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_MONTH = r"(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
_WORDS = re.compile(rf"(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)(?:\s*(?:г\.|года|г\b))?", re.IGNORECASE)
_DIGITS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
#: How far into the text a dateline may stand (a place name, a headline line or two may come before it).
DATELINE_REACH = 200


@dataclass(frozen=True)
class Dateline:
    """The date a text gives for itself and where it is written ([start, stop) of the normalized text)."""

    date: datetime.date
    start: int
    stop: int


def _month(word: str) -> int:
    low = word.lower()
    for stem in sorted(MONTHS, key=len, reverse=True):
        if low.startswith(stem):
            return MONTHS[stem]
    return 0


def find_dateline(text: str) -> Dateline | None:
    """The date on the first line that holds one, within the opening DATELINE_REACH characters.

    A dateline is a line that is short and starts with a place or with the date itself:
    «Усть-Каменогорск, 14 марта 2024 г.», «14.03.2024, Астана». A date inside a sentence is no dateline.
    """
    offset = 0
    for line in text[:DATELINE_REACH + 100].split("\n"):
        stripped = line.strip()
        if stripped and offset <= DATELINE_REACH and len(stripped) <= 80:
            found = _date_in(line)
            if found is not None:
                day, start, stop = found
                head = line[:start].strip(" ,—-")
                if not head or (len(head.split()) <= 3 and head[:1].isupper()):
                    return Dateline(day, offset + start, offset + stop)
        offset += len(line) + 1
    return None


def _date_in(line: str) -> tuple[datetime.date, int, int] | None:
    m = _WORDS.search(line)
    if m:
        parts = (int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    else:
        m = _DIGITS.search(line)
        if not m:
            return None
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    try:
        return datetime.date(*parts), m.start(), m.end()
    except ValueError:
        return None


#: Years named relative to the text's date: «в этом году» (0), «в прошлом году» (-1), «в следующем году» (+1).
RELATIVE_YEARS = re.compile(
    r"\b(?:(?:в|за)\s+(этом|текущем|прошлом|минувшем|прошедшем|следующем|будущем)\s+году|"
    r"(этого|текущего|прошлого|минувшего|прошедшего|следующего|будущего)\s+года)\b", re.IGNORECASE)
SHIFTS = {"этом": 0, "текущем": 0, "прошлом": -1, "минувшем": -1, "прошедшем": -1, "следующем": 1, "будущем": 1,
          "этого": 0, "текущего": 0, "прошлого": -1, "минувшего": -1, "прошедшего": -1, "следующего": 1,
          "будущего": 1}


def relative_years(text: str, year: int | None) -> list[tuple[int, int]]:
    """(offset, year) of every year said relative to the dateline's `year` (none without a dateline)."""
    if year is None:
        return []
    return [(m.start(), year + SHIFTS[(m.group(1) or m.group(2)).lower()]) for m in RELATIVE_YEARS.finditer(text)]

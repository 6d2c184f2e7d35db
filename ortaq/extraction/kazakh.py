"""Kazakh-language texts: recognized, and only what the registry already knows is found in them.

The rules and Natasha read Russian. In a Kazakh text they would guess wrong, so the pipeline only finds the
names of known regions, organizations and people (the gazetteer has their Kazakh names), each followed by
whatever Kazakh case ending it takes («Қарағанды облысының», «Павлодарда»), and guesses nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
#: Frequent Kazakh words that Russian never uses.
KAZAKH_WORDS = {"және", "бойынша", "үшін", "жылы", "облысы", "облысының", "мен", "бен", "пен", "деп", "бұл",
                "туралы", "арасында", "жылдың", "бірге", "болды", "етті", "қол", "қойды", "әкімі", "әкімдігі",
                "қаласы", "қаласының", "осы", "бір", "екі", "болып", "табылады", "жаңа", "ауданы", "тараптар",
                "барысында", "кезінде", "жұмыс", "сапары", "ретінде", "сондай-ақ", "сала", "салалары"}
WORD = re.compile(r"[^\W\d_]+")
SPACE = r"\s+"


def is_kazakh(text: str) -> bool:
    """A text written in Kazakh: Kazakh-only letters (≥ 1.5 % of its letters) and at least two Kazakh words;
    a Russian text naming Kazakh people and companies has the letters but not the words."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 20:
        return False
    share = sum(ch in KAZAKH_LETTERS for ch in letters) / len(letters)
    words = sum(1 for w in WORD.findall(text.lower()) if w in KAZAKH_WORDS)
    return share >= 0.015 and words >= 2


class NameFinder:
    """Known names found with any ending on their last word (Kazakh cases are suffixes)."""

    def __init__(self) -> None:
        self._names: list[tuple[str, object]] = []
        self._regex: re.Pattern | None = None

    def add_all(self, names: Iterable[str], payload: object) -> None:
        for name in names:
            if name and len(name) >= 3:
                self._names.append((name, payload))
        self._regex = None

    def find(self, text: str) -> list[tuple[int, int, object]]:
        """(start, end, payload) of every non-overlapping known name, longest names first."""
        if not self._names:
            return []
        if self._regex is None:
            ordered = sorted(self._names, key=lambda item: -len(item[0]))
            self._payloads = [payload for _name, payload in ordered]
            spaced = [SPACE.join(map(re.escape, name.split())) for name, _p in ordered]
            parts = [f"(?P<n{i}>{pattern})" for i, pattern in enumerate(spaced)]
            self._regex = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})[^\W\d_]*")
        out = []
        for m in self._regex.finditer(text):
            index = int(m.lastgroup[1:])
            out.append((m.start(), m.end(), self._payloads[index]))
        return out

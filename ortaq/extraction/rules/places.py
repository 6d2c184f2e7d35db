"""Regions (ISO 3166-2) and countries named in the text, and the region a text is about."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..gazetteer import Gazetteer, PhraseMatcher
from ..geo import CAPITALS, country_entries, region_entries
from ..morph import lemma
from ..nlp import Analysis
from .common import Mention

VISIT_VERBS = {"посетить", "прибыть", "приехать", "побывать", "посещать"}


@lru_cache(maxsize=1)
def _base_tables() -> tuple[list, list]:
    return region_entries(), country_entries()


def region_adjectives() -> dict[str, str]:
    """Adjective lemma → region code ("свердловский" → RU-SVE, "карагандинский" → KZ-35)."""
    out: dict[str, str] = {}
    for code, name, _ in _base_tables()[0]:
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in ("область", "край", "округ"):
            out.setdefault(lemma(words[0]), code)
        if len(words) == 2 and words[-1] == "Республика":
            out.setdefault(lemma(words[0]), code)
    out["столичный"] = "capital"
    return out


class PlaceFinder:
    """Finds region and country mentions by lemmas, including the gazetteer's extra regions."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        regions, countries = _base_tables()
        self.names: dict[str, str] = {}
        self.regions = PhraseMatcher()
        for code, name, names in regions:
            self.regions.add_all(names, ("region", code, name))
            self.names[code] = name
        for extra in (gazetteer.regions if gazetteer else []):
            self.regions.add_all((extra.name, *extra.aliases), ("region", extra.code, extra.name))
        self.countries: set[str] = set()
        for name, names in countries:
            self.regions.add_all(names, ("country", None, name))
            self.countries.update(n.lower() for n in names)
        self.adjectives = region_adjectives()

    def find(self, an: Analysis) -> list[Mention]:
        """Region and country mentions, in text order."""
        out = []
        for m in self.regions.find(an.tokens):
            kind, code, name = m.payload
            toks = an.tokens[m.first:m.last]
            if kind == "region" and len(toks) == 1 and toks[0].text.islower():
                continue
            out.append(Mention(kind, name, toks[0].start, toks[-1].stop, m.first, m.last, code=code,
                               source="gazetteer"))
        return out


def doc_country(places: list[Mention]) -> str | None:
    """The country most of the text's regions belong to (two-letter code)."""
    counts = Counter(m.code.split("-")[0] for m in places if m.kind == "region" and m.code)
    return counts.most_common(1)[0][0] if counts else None


def capital_code(places: list[Mention]) -> str | None:
    """The capital region of the text's country."""
    return CAPITALS.get(doc_country(places) or "")


def home_region(an: Analysis, places: list[Mention]) -> str | None:
    """The region the text is about: the one visited or hosting, else the most mentioned."""
    regions = [m for m in places if m.kind == "region" and m.code]
    if not regions:
        return None
    scores: Counter = Counter()
    for m in regions:
        scores[m.code] += 1
        head = an.tokens[m.last - 1].head
        if head >= 0 and an.tokens[head].lemma in VISIT_VERBS:
            scores[m.code] += 5
        if m.first > 0 and an.tokens[m.first - 1].lemma == "в" and \
                an.tokens[m.first - 1].head == -1:
            scores[m.code] += 1
    return scores.most_common(1)[0][0]

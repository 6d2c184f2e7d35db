"""Regions (ISO 3166-2) and countries named in the text, and the region a text is about."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..gazetteer import Gazetteer, PhraseMatcher
from ..geo import CAPITALS, country_entries, region_entries
from ..morph import inflect_word, lemma
from ..nlp import Analysis, Token
from .common import Mention

VISIT_VERBS = {"посетить", "прибыть", "приехать", "побывать", "посещать"}


@lru_cache(maxsize=1)
def _base_tables() -> tuple[list, list]:
    return region_entries(), country_entries()


def region_adjectives() -> dict[str, str]:
    """Adjective lemma and stem → region code ("свердловский", "свердловск" → RU-SVE; "атырауск" → KZ-23)."""
    out: dict[str, str] = {}
    for code, name, _ in _base_tables()[0]:
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in ("область", "край", "округ"):
            out.setdefault(lemma(words[0]), code)
            out.setdefault(adjective_stem(words[0]), code)
        if len(words) == 2 and words[-1] == "Республика":
            out.setdefault(lemma(words[0]), code)
    out["столичный"] = "capital"
    return out


#: Head nouns a coordinated adjective shares with the region named after it: «Павлодарская и Омская области».
REGION_HEADS = {"область", "край", "республика", "округ"}


ADJ_ENDING = re.compile(r"(?:ая|яя|ой|ей|ую|юю|ые|ие|ых|их|ыми|ими|ым|им|ого|его|ому|ему|ый|ий|ое|ее|ом|ем)$")


def adjective_stem(word: str) -> str:
    """«Атырауской», «Атырауская» → «атырауск» (pymorphy3 guesses unknown place adjectives badly)."""
    low = word.lower().replace("ё", "е")
    return ADJ_ENDING.sub("", low) if len(low) > 5 else low


def region_pairs() -> dict[tuple[str, str], str]:
    """(adjective stem, head lemma) → region code: ("омск", "область") → RU-OMS."""
    out: dict[tuple[str, str], str] = {}
    for code, _, names in _base_tables()[0]:
        for name in names:
            words = name.split()
            if len(words) == 2 and lemma(words[1]) in REGION_HEADS:
                out.setdefault((adjective_stem(words[0]), lemma(words[1])), code)
    return out


def singular_phrase(an: Analysis, adj: Token, head: Token) -> str:
    """«Атырауской» + «областей» → «Атырауской области»: the adjective with the head noun in its number and case."""
    case = adj.case or head.case
    number = "plur" if adj.feats.get("Number") == "Plur" else "sing"
    noun = inflect_word(head.text, head.case, case or "nomn", number, None, ("NOUN",))
    return f"{adj.text} {noun}"


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
        self.pairs = region_pairs()

    def find(self, an: Analysis) -> list[Mention]:
        """Region and country mentions, in text order; coordinated adjectives give one region each."""
        out = []
        for m in self.regions.find(an.tokens):
            kind, code, name = m.payload
            toks = an.tokens[m.first:m.last]
            if kind == "region" and len(toks) == 1 and toks[0].text.islower():
                continue
            out.append(Mention(kind, name, toks[0].start, toks[-1].stop, m.first, m.last, code=code,
                               source="gazetteer"))
        out += self._coordinated(an, out)
        out.sort(key=lambda m: m.first)
        return out

    def _coordinated(self, an: Analysis, found: list[Mention]) -> list[Mention]:
        """«Павлодарская и Омская области», «Костанайской, Курганской и Омской областями»: the adjectives before
        a region's own adjective share its plural head noun and name regions too."""
        out: list[Mention] = []
        taken = {k for m in found for k in range(m.first, m.last)}
        toks = an.tokens
        for m in found:
            if m.kind != "region" or m.last - m.first != 2 or not ADJ_ENDING.search(toks[m.first].low):
                continue
            head = toks[m.last - 1]
            if head.feats.get("Number") != "Plur" and not head.low.endswith(("ями", "ям", "ях", "ей")):
                continue
            m.extra["phrase"] = singular_phrase(an, toks[m.first], head)
            k = m.first - 1
            while k >= 1 and toks[k].text in ("и", ",") and k - 1 not in taken:
                adj = toks[k - 1]
                code = self.pairs.get((adjective_stem(adj.text), head.lemma))
                if code is None or not adj.text[:1].isupper():
                    break
                out.append(Mention("region", self.names.get(code, adj.text), adj.start, adj.stop, k - 1, k, code=code,
                                   source="coordinated", extra={"phrase": singular_phrase(an, adj, head)}))
                k -= 2
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


def _district_name(adj: Token, head: Token) -> str:
    """«Байзакского» + «районов» → «Байзакский район»."""
    word = inflect_word(adj.text, adj.case or head.case, "nomn", "sing", "masc", ("ADJF",))
    if not word.lower().endswith(("ий", "ый", "ой")):
        word = ADJ_ENDING.sub("", word) + ("ий" if word[-3:-2] in "кгхжшчщ" else "ый")
    return f"{word} район"


def find_districts(an: Analysis, places: list[Mention]) -> list[Mention]:
    """District mentions: «Мамлютский район», «Уланского района ВКО», «Байзакского и Сарыагашского районов» (one
    each, with the genitive phrase and the region named right after as their code). Not «автономный район»."""
    out: list[Mention] = []
    toks = an.tokens
    region_at = {m.first: m for m in places if m.kind == "region"}
    for k, head in enumerate(toks):
        if head.lemma != "район" or k == 0:
            continue
        adj = toks[k - 1]
        if not (adj.text[:1].isupper() and ADJ_ENDING.search(adj.low)) or adj.sent != head.sent:
            continue
        after = region_at.get(k + 1)
        code = after.code if after is not None else None
        adjectives = [adj]
        j = k - 2
        while j >= 1 and toks[j].text in ("и", ",") and toks[j - 1].text[:1].isupper() and \
                ADJ_ENDING.search(toks[j - 1].low) and (j - 1) not in region_at:
            adjectives.insert(0, toks[j - 1])
            j -= 2
        for a in adjectives:
            last = k + 1 if a is adj else a.i + 1
            out.append(Mention("district", _district_name(a, head), a.start, toks[last - 1].stop, a.i, last, code=code,
                               source="coordinated" if len(adjectives) > 1 else "district",
                               extra={"phrase": _district_phrase(a, head)}))
    return out


def _district_phrase(adj: Token, head: Token) -> str:
    """«Жуалынского» + «районов» → «Жуалынского района»: the head noun made singular in its own case."""
    case = head.case or adj.case or "nomn"
    return f"{adj.text} {inflect_word(head.text, head.case, case, 'sing', None, ('NOUN',))}"

"""Known names (registry organizations, persons, regions) matched by lemmas, whatever their case."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from razdel import tokenize

from .morph import lemma, lemmas
from .nlp import Token


@dataclass(frozen=True)
class KnownOrganization:
    """A registry organization: its name, other names, and its region code."""

    name: str
    aliases: tuple[str, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class KnownPerson:
    """A registry person with the post they hold (title, region code, organization)."""

    name: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    region: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class KnownRegion:
    """An extra region (a foreign partner region, a settlement) mapped to a region code."""

    code: str | None
    name: str
    aliases: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """What the registry already knows; the web app fills it, the pipeline finds these names in texts."""

    organizations: list[KnownOrganization] = field(default_factory=list)
    persons: list[KnownPerson] = field(default_factory=list)
    regions: list[KnownRegion] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Gazetteer:
        """Build from {"organizations": [{"name", "aliases", "region"}], "persons": [...], "regions": [...]}."""

        def items(kind: str, factory: type) -> list:
            out = []
            for d in data.get(kind) or []:
                d = dict(d)
                d["aliases"] = tuple(d.get("aliases") or ())
                out.append(factory(**{k: v for k, v in d.items() if k in factory.__dataclass_fields__}))
            return out

        return cls(items("organizations", KnownOrganization), items("persons", KnownPerson),
                   items("regions", KnownRegion))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Lemma key of a phrase: lemmas of its words, quotes unified, other punctuation kept."""
    out = []
    for tok in tokenize(phrase.replace('"', "«")):
        text = tok.text
        if text in "«»“”„":
            continue
        out.append(lemma(text) + "|" + _stem(text))
    return tuple(out)


def _stem(word: str) -> str:
    """A crude stem for long words (adjectives pymorphy does not know: «Атырауской» ~ «Атырауская»)."""
    low = word.lower().replace("ё", "е")
    return low[:-2] if len(low) >= 7 else ""


def _word_matches(key: str, token: Token) -> bool:
    lem, _, stem = key.partition("|")
    return lem in token_keys(token) or (bool(stem) and _stem(token.text) == stem)


def token_keys(token: Token) -> frozenset[str]:
    """Every lemma a text token may stand for."""
    return lemmas(token.text) | {token.low, token.lemma}


@dataclass
class Match:
    """A phrase found in the text: token range [first, last) and the payload of the phrase."""

    first: int
    last: int
    payload: Any


class PhraseMatcher:
    """Finds known phrases in token sequences by lemma keys; longest match wins."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        """Register a phrase (any case form is then found)."""
        key = phrase_key(phrase)
        if key:
            lem, _, stem = key[0].partition("|")
            for first in {lem, "~" + stem} if stem else {lem}:
                self._index.setdefault(first, []).append((key, payload))
                self._index[first].sort(key=lambda kv: -len(kv[0]))

    def add_all(self, phrases: Iterable[str], payload: Any) -> None:
        """Register several phrases for one payload."""
        for p in phrases:
            self.add(p, payload)

    def find(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Non-overlapping matches in tokens[lo:hi], longest first, left to right."""
        hi = len(tokens) if hi is None else hi
        out: list[Match] = []
        i = lo
        quotes = {"«", "»"}
        while i < hi:
            found = None
            keys = token_keys(tokens[i]) | {"~" + _stem(tokens[i].text)}
            for first in keys:
                for key, payload in self._index.get(first, ()):
                    j, k = i, 0
                    while k < len(key) and j < hi:
                        if tokens[j].text in quotes:
                            j += 1
                            continue
                        if not _word_matches(key[k], tokens[j]):
                            break
                        j += 1
                        k += 1
                    if k == len(key) and (found is None or j > found.last):
                        found = Match(i, j, payload)
            if found:
                out.append(found)
                i = found.last
            else:
                i += 1
        return out

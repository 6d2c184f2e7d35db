"""Agreements and their parties: colon lists split by «;», «между X и Y», the subject of «подписали»."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..nlp import Analysis
from .common import Mention
from .figures import WORD_NUMBERS

KINDS = {"меморандум": "memorandum", "соглашение": "agreement", "договор": "contract", "контракт": "contract",
         "протокол": "other", "договоренность": "agreement", "сделка": "agreement"}
SIGN_VERBS = {"подписать", "заключить", "подписывать", "заключать", "парафировать", "подписаться"}
GENERIC_PARTIES = {"сторона", "страна", "регион", "государство"}


@dataclass
class Agreement:
    """An agreement: its kind, party names, and the normalized-text span."""

    kind: str
    parties: list[str]
    start: int
    stop: int


def _party_name(m: Mention) -> str:
    return m.name


def _parties_in(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """Mentions whose tokens lie in [lo, hi), left to right, without duplicates."""
    out, seen = [], set()
    for m in mentions:
        if m.first >= lo and m.last <= hi and m.name not in seen:
            out.append(m)
            seen.add(m.name)
    return out


def _trigger_kind(an: Analysis, k: int) -> str | None:
    t = an.tokens[k]
    if t.lemma == "карта" and k and an.tokens[k - 1].lemma == "дорожный":
        return "roadmap"
    if t.lemma in ("договоренность", "сделка"):
        return None
    return KINDS.get(t.lemma)


def _aggregate(an: Analysis, k: int) -> bool:
    """"подписали 52 меморандума": a number before the trigger (adjectives may come between)."""
    j = k - 1
    while j >= 0 and an.tokens[j].pos == "ADJ" and k - j < 4:
        j -= 1
    return j >= 0 and (an.tokens[j].text.isdigit() or an.tokens[j].lemma in WORD_NUMBERS)


def _main_parties(places: list[Mention]) -> list[Mention]:
    """The two most mentioned regions (or else countries) of the text: who "стороны" are."""
    for kinds in (("region",), ("country",)):
        counts = Counter(m.name for m in places if m.kind in kinds)
        top = [n for n, _ in counts.most_common(2)]
        if len(top) == 2:
            return [next(m for m in places if m.name == n) for n in top]
    return []


def _subject_parties(an: Analysis, verb: int, mentions: list[Mention]) -> list[Mention]:
    """Parties named in the subject subtree of a signing verb."""
    toks = an.tokens
    subj = [x for x in range(an.sents[toks[verb].sent].first, an.sents[toks[verb].sent].last)
            if toks[x].head == verb and toks[x].rel in ("nsubj", "nsubj:pass")]
    if not subj:
        return []
    members = set(subj)
    changed = True
    while changed:
        changed = False
        for x in range(an.sents[toks[verb].sent].first, an.sents[toks[verb].sent].last):
            if x not in members and toks[x].head in members and x != verb:
                members.add(x)
                changed = True
    lo, hi = min(members), max(members) + 1
    return _parties_in(mentions, lo, hi)


def find_agreements(an: Analysis, orgs: list[Mention], places: list[Mention], persons: list[Mention]) -> list[Agreement]:
    """Agreements with at least two parties."""
    mentions = sorted(orgs + [p for p in places if not any(o.first <= p.first < o.last for o in orgs)],
                      key=lambda m: m.first)
    out: list[Agreement] = []
    toks = an.tokens
    for k, t in enumerate(toks):
        kind = _trigger_kind(an, k)
        if kind is None:
            continue
        sent = an.sents[t.sent]
        colon = next((x for x in range(k + 1, sent.last) if toks[x].text == ":"), None)
        if colon is not None and colon - k < 4:
            items, lo = [], colon + 1
            last = sent.last
            while toks[last - 1].text == ";" and last < len(toks) and toks[last].sent != t.sent and \
                    toks[last].text not in ("—", "-"):
                last = an.sents[toks[last].sent].last
            for x in range(colon + 1, last + 1):
                if x == last or toks[x].text == ";" or (x == last - 1 and toks[x].text == "."):
                    items.append((lo, x))
                    lo = x + 1
            for lo, hi in items:
                parties = _parties_in(mentions, lo, hi)
                if len(parties) >= 2:
                    out.append(Agreement(kind, [_party_name(p) for p in parties], toks[lo].start,
                                         toks[hi - 1].stop))
            continue
        if _aggregate(an, k):
            continue
        parties: list[Mention] = []
        between = next((x for x in range(k + 1, min(sent.last, k + 8)) if toks[x].lemma == "между"), None)
        if between is None:
            between = next((x for x in range(max(sent.first, k - 8), k) if toks[x].lemma == "между"), None)
        if between is not None:
            end = next((x for x in range(between + 1, sent.last) if toks[x].text in (";", ".", ":")), sent.last)
            parties = _parties_in(mentions, between + 1, end)[:2]
            if len(parties) < 2 and between + 2 < sent.last and toks[between + 2].lemma in GENERIC_PARTIES:
                parties = _main_parties(places)
        if len(parties) < 2:
            verb = t.head if t.head >= 0 and toks[t.head].lemma in SIGN_VERBS else None
            if verb is not None:
                parties = _subject_parties(an, verb, mentions)
                subj_generic = any(toks[x].lemma in GENERIC_PARTIES and toks[x].head == verb and
                                   toks[x].rel.startswith("nsubj") for x in range(sent.first, sent.last))
                if not parties and subj_generic:
                    parties = _main_parties(places)
                elif len(parties) == 1:
                    rest = [m for m in _parties_in(mentions, k + 1, sent.last) if m.name != parties[0].name]
                    parties = parties + rest[:1]
        if len(parties) >= 2:
            if kind == "contract" and t.lemma == "договор" and all(p.kind in ("region", "country") for p in parties):
                kind = "agreement"
            out.append(Agreement(kind, [_party_name(p) for p in parties], t.start, t.stop))
    return _dedupe(out)


def _dedupe(items: list[Agreement]) -> list[Agreement]:
    seen, out = set(), []
    for a in items:
        key = frozenset(a.parties)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out

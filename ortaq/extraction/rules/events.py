"""Events: Days of Culture, forums, official visits, working trips, site visits, exhibitions, meetings."""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp import Analysis
from .common import Mention, balance_quotes, capitalize, np_nominative

MEETING_WORDS = {"встреча": "встреча", "встретиться": "встреча", "встречаться": "встреча",
                 "переговоры": "переговоры", "беседа": "беседа", "заседание": "заседание",
                 "совещание": "совещание", "саммит": "саммит", "переговор": "переговоры"}
EXHIBITION_WORDS = {"выставка", "ярмарка", "экспо", "экспо-2017", "expo"}
OTHER_WORDS = {"церемония", "инаугурация", "пресс-конференция", "презентация", "фестиваль", "концерт"}
OPENING_OBJECTS = {"памятник", "монумент", "завод", "школа", "центр", "мост", "дорога", "музей", "больница",
                   "стела", "обелиск", "нефтепровод", "газопровод", "комплекс", "фабрика", "парк", "памятный"}
ARRIVAL_VERBS = {"прибыть", "приехать", "прилететь"}
SITE_VERBS = {"посетить", "осмотреть", "посещать"}


@dataclass
class Event:
    """An event mention: kind, a title, its region code, normalized-text span."""

    kind: str
    title: str | None
    region: str | None
    start: int
    stop: int
    key: str


def _sentence_region(an: Analysis, sent: int, places: list[Mention], default: str | None) -> str | None:
    for m in places:
        if m.kind == "region" and an.tokens[m.first].sent == sent:
            return m.code
    return default


def _quoted_after(an: Analysis, k: int) -> str | None:
    """The «…» name right after token k, if any."""
    toks = an.tokens
    j = k + 1
    if j >= len(toks) or toks[j].text != "«":
        return None
    depth = 0
    for x in range(j, min(len(toks), j + 25)):
        depth += toks[x].text == "«"
        depth -= toks[x].text == "»"
        if depth == 0:
            return balance_quotes(an.span_text(j, x + 1))
    return None


def _genitive_tail(an: Analysis, k: int, limit: int = 4) -> int:
    j = k + 1
    while j < len(an.tokens) and j - k <= limit and an.tokens[j].feats.get("Case") == "Gen" and \
            an.tokens[j].pos in ("NOUN", "PROPN", "ADJ"):
        j += 1
    return j


def _delegation_subject(an: Analysis, k: int) -> bool:
    sent = an.sents[an.tokens[k].sent]
    return any(an.tokens[x].lemma == "делегация" and an.tokens[x].head == k and an.tokens[x].rel.startswith("nsubj")
               for x in range(sent.first, sent.last))


def _region_object(an: Analysis, k: int, region_at: set[int], places: list[Mention]) -> bool:
    """The verb's object is a region or a district («Мамлютский район»)."""
    toks = an.tokens
    for x in range(k + 1, min(len(toks), k + 6)):
        if toks[x].head == k and toks[x].rel == "obj":
            return x in region_at or toks[x].lemma == "район" or \
                (x + 1 < len(toks) and toks[x + 1].lemma == "район" and toks[x].text[:1].isupper())
    return False


def find_events(an: Analysis, places: list[Mention], orgs: list[Mention], home: str | None) -> list[Event]:
    """Trigger words and phrases for each event kind; one event per kind (meetings: per trigger word)."""
    region_at = {k for m in places if m.kind == "region" for k in range(m.first, m.last)}
    place_start = {m.first: m for m in places if m.kind == "region"}
    org_at = {k for m in orgs for k in range(m.first, m.last)}
    out: list[Event] = []
    toks = an.tokens
    for k, t in enumerate(toks):
        lem = t.lemma
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        kind = title = None
        key = ""
        if lem in ("день", "декада", "неделя") and nxt is not None and nxt.lemma == "культура":
            kind = "culture_days"
            end = _genitive_tail(an, k + 1, 3)
            title = capitalize(np_nominative(an, k, end))
        elif lem == "день" and t.text[:1].isupper() and t.feats.get("Number") == "Plur" and k + 1 in place_start:
            # «Дни Москвы в Алматы», «Дни Республики Татарстан»: a region's days in another region
            kind = "culture_days"
            title = capitalize(np_nominative(an, k, place_start[k + 1].last))
        elif "форум" in lem:
            kind = "business_forum"
            title = _quoted_after(an, k) or capitalize(np_nominative(an, max(k - 1, 0) if toks[k - 1].pos ==
                                                                     "ADJ" else k, k + 1))
        elif lem == "визит" or lem == "приезд":
            prev = toks[k - 1].lemma if k else ""
            kind = "working_trip" if prev == "рабочий" else "official_visit"
        elif lem in ARRIVAL_VERBS and not any(x.lemma == "поездка" for x in toks[k:k + 4]):
            if any(toks[x].ner == "PER" or toks[x].lemma in ("президент", "премьер-министр", "делегация",
                                                             "министр", "глава", "аким")
                   for x in range(max(0, k - 4), min(len(toks), k + 5))):
                kind = "official_visit"
        elif lem == "поездка" and k and toks[k - 1].lemma in ("рабочий", "служебный"):
            kind = "working_trip"
        elif lem == "побывать" and nxt is not None and nxt.low == "на" and k + 2 < len(toks) and \
                toks[k + 2].pos in ("NOUN", "ADJ") and k + 2 not in region_at:
            kind = "site_visit"  # «побывали на фабрике», «на производственной площадке»
        elif lem in SITE_VERBS and _delegation_subject(an, k) and _region_object(an, k, region_at, places):
            kind = "official_visit"  # «Делегация … посетила Мамлютский район»
        elif lem in SITE_VERBS:
            obj = [x for x in range(k + 1, min(len(toks), k + 8)) if toks[x].head == k and toks[x].rel == "obj"]
            if obj and obj[0] not in region_at:
                kind = "site_visit"
        elif lem == "ознакомиться" and nxt is not None and nxt.lemma == "с":
            kind = "site_visit"
        elif lem in EXHIBITION_WORDS or lem.startswith(("экспо-", "expo-")):
            kind = "exhibition"
            title = _quoted_after(an, k)
        elif lem in MEETING_WORDS:
            kind = "meeting"
            key = MEETING_WORDS[lem]
        elif lem in OTHER_WORDS:
            kind = "other"
        elif lem in ("открытие", "открыть") and k + 1 < len(toks):
            objs = [toks[x].lemma for x in range(k + 1, min(len(toks), k + 4))]
            if any(o in OPENING_OBJECTS for o in objs):
                kind = "other"
        if kind is None:
            continue
        if kind == "site_visit" and k in org_at:
            continue
        region = _sentence_region(an, t.sent, places, home)
        out.append(Event(kind, title, region, t.start, t.stop, key))
    return out


def dedupe_events(events: list[Event]) -> list[tuple[Event, list[tuple[int, int]]]]:
    """One event per kind (meetings: per trigger word), spans of repeats kept together."""
    seen: dict[tuple, tuple[Event, list]] = {}
    for e in events:
        key = (e.kind, e.key)
        if key in seen:
            seen[key][1].append((e.start, e.stop))
            if seen[key][0].title is None and e.title:
                seen[key][0].title = e.title
        else:
            seen[key] = (e, [(e.start, e.stop)])
    return list(seen.values())

"""Commitments: what the parties of a signed agreement undertook to do, and by when.

«Стороны договорились до 2026 года открыть торговый дом», «регионы обязуются ежегодно проводить ярмарки»,
«акиматы намерены к концу 2027 года построить логистический центр»: the infinitive after the committing verb
(with its dependents) is the commitment, a year or date in the sentence its due date. A commitment belongs to
an agreement the same text reports signed (the nearest one before it, else the first); a text without one
proposes no commitment. Signing another document («договорились подписать соглашение») is a plan, not a
commitment.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..dateline import MONTHS as MONTH_STEMS
from ..dateline import Dateline
from ..nlp import Analysis, Token
from .agreements import SIGN_VERBS, Agreement
from .common import np_nominative

#: Verbs (and the short adjective «намерены») that commit the subject to the infinitive after them.
COMMIT_VERBS = {"договориться", "обязаться", "обязываться", "обязоваться", "намерить", "намереваться", "намерен",
                "условиться"}
#: «договорились о сотрудничестве / о подписании …»: the agreement itself, or another document, is no commitment.
NOT_COMMITMENT_NOUNS = {"сотрудничество", "взаимодействие", "подписание", "заключение", "встреча", "визит",
                        "обсуждение", "разработка", "подготовка", "возможность", "партнерство"}
#: A person's own intention («аким намерен посетить …») is no commitment of the sides.
PERSON_SUBJECTS = {"аким", "губернатор", "глава", "министр", "президент", "директор", "председатель", "хоким", "мэр",
                   "руководитель", "заместитель", "премьер-министр", "посол", "депутат", "я", "он", "она"}
#: Infinitives that are no commitment: signing or discussing another document.
NOT_COMMITMENTS = SIGN_VERBS | {"обсудить", "рассмотреть", "обсуждать", "встретиться", "изучить"}
_MONTH = r"(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|" \
         r"ноябр[ья]|декабр[ья])"
#: «до 2026 года», «к концу 2027 года», «до 1 сентября 2026 года», «в 2026 году», «в течение 2026 года».
DUE = re.compile(rf"\b(до|к|в течение|в|не позднее)\s+(?:(конц[аеу]|середин[аеуы]|начал[ау]|перво[йм]\s+половин[аеуы])"
                 rf"\s+)?(?:(\d{{1,2}})\s+{_MONTH}\s+)?((?:19|20)\d\d)\s*(?:-?го\s+)?(?:года|году|год|г\.)", re.I)
#: «до конца года», «в текущем году»: the year of the dateline.
DUE_THIS_YEAR = re.compile(r"\b(?:до|к)\s+конц[ау]\s+(?:этого\s+|текущего\s+)?года\b|\bв\s+(?:этом|текущем)\s+году\b",
                           re.I)


@dataclass
class Commitment:
    """What was undertaken, by when (a year and, when the text gives it, a day), under which agreement."""

    text: str
    due_year: int | None
    due_date: datetime.date | None
    agreement: int  # index into the text's agreements
    start: int
    stop: int


def _month(word: str) -> int:
    low = word.lower()
    return next(MONTH_STEMS[s] for s in sorted(MONTH_STEMS, key=len, reverse=True) if low.startswith(s))


def due_of(text: str, dateline: Dateline | None = None) -> tuple[int | None, datetime.date | None, tuple[int, int]]:
    """The due year and date a clause names, with the phrase's [start, stop) in `text` ((0, 0) when none).

    «до/к 1 сентября 2026 года» is that day; «до 2026 года» (before the year) is 1 January of it; «к 2026 году»,
    «в 2026 году», «до конца 2026 года», «в течение 2026 года» are its last day.
    """
    m = DUE.search(text)
    if m:
        prep, part, day, month, year = m.group(1).lower(), m.group(2), m.group(3), m.group(4), int(m.group(5))
        if day and month:
            try:
                return year, datetime.date(year, _month(month), int(day)), m.span()
            except ValueError:
                return year, None, m.span()
        if prep == "до" and not part:
            return year, datetime.date(year, 1, 1), m.span()
        return year, datetime.date(year, 12, 31), m.span()
    m = DUE_THIS_YEAR.search(text)
    if m and dateline is not None:
        year = dateline.date.year
        return year, datetime.date(year, 12, 31), m.span()
    return None, None, (0, 0)


def _subtree(an: Analysis, root: int) -> tuple[int, int]:
    """Token range [first, last) of the root's dependents within its sentence (its conjuncts included)."""
    toks = an.tokens
    sent = an.sents[toks[root].sent]
    members = {root}
    changed = True
    while changed:
        changed = False
        for x in range(sent.first, sent.last):
            if x not in members and toks[x].head in members:
                members.add(x)
                changed = True
    first, last = min(members), max(members) + 1
    while last > first + 1 and toks[last - 1].pos in ("PUNCT", "CCONJ"):
        last -= 1
    return first, last


def _infinitive(an: Analysis, k: int) -> int | None:
    """The infinitive the committing verb at k governs (else the first one after it in its clause)."""
    toks = an.tokens
    sent = an.sents[toks[k].sent]
    direct = [x for x in range(k + 1, sent.last) if toks[x].head == k and _is_inf(toks[x])]
    if direct:
        return direct[0]
    for x in range(k + 1, min(sent.last, k + 8)):
        if _is_inf(toks[x]):
            return x
        if toks[x].text in (";", ".") or toks[x].lemma in COMMIT_VERBS:
            return None
    return None


def _personal(an: Analysis, k: int) -> bool:
    """The committing verb's subject is a person or an official."""
    toks = an.tokens
    sent = an.sents[toks[k].sent]
    return any(toks[x].head == k and toks[x].rel.startswith("nsubj") and
               (toks[x].ner == "PER" or toks[x].lemma in PERSON_SUBJECTS) for x in range(sent.first, sent.last))


def _is_inf(t: Token) -> bool:
    return t.pos == "VERB" and t.feats.get("VerbForm") == "Inf"


def _committing(t: Token) -> bool:
    return t.lemma in COMMIT_VERBS or t.low.startswith(("намерен", "обязуют", "обязуетс", "обязались"))


def _clause_text(an: Analysis, first: int, last: int, due_span: tuple[int, int], offset: int) -> str:
    """The commitment's words, without the due phrase when it stands at the clause's edge."""
    text = an.text[an.tokens[first].start:an.tokens[last - 1].stop]
    s, e = due_span[0] + offset - an.tokens[first].start, due_span[1] + offset - an.tokens[first].start
    if due_span != (0, 0) and 0 <= s < e <= len(text):
        text = (text[:s] + text[e:])
    return re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;—-")


def find_commitments(an: Analysis, agreements: list[Agreement], dateline: Dateline | None = None) -> list[Commitment]:
    """Every commitment the text reports under one of its signed agreements."""
    if not agreements:
        return []
    out: list[Commitment] = []
    toks = an.tokens
    for k, t in enumerate(toks):
        if not _committing(t) or _personal(an, k):
            continue
        inf = _infinitive(an, k)
        if inf is None:
            noun = _about(an, k, out, agreements, dateline)
            if noun is not None:
                out.append(noun)
            continue
        if toks[inf].lemma in NOT_COMMITMENTS:
            continue
        first, last = _subtree(an, inf)
        first = inf
        while first > k + 1 and toks[first - 1].head == inf and toks[first - 1].pos == "ADV":
            first -= 1  # «обязуются ежегодно проводить»
        last = next((x for x in range(inf + 1, last) if _committing(toks[x])), last)
        while last > first + 1 and toks[last - 1].pos in ("PUNCT", "CCONJ", "ADV"):
            last -= 1
        sent = an.sents[t.sent]
        clause_start = toks[k].start
        year, day, span = due_of(an.text[clause_start:sent.stop], dateline)
        text = _clause_text(an, first, last, span, clause_start)
        if len(text.split()) < 2:
            continue
        before = [i for i, a in enumerate(agreements) if a.start <= t.start]
        out.append(Commitment(text, year, day, before[-1] if before else 0, toks[inf].start, toks[last - 1].stop))
    return out


def _about(an: Analysis, k: int, found: list[Commitment], agreements: list[Agreement],
           dateline: Dateline | None) -> Commitment | None:
    """«Стороны договорились о создании совместного предприятия до 2027 года» → «создание совместного
    предприятия»: the noun after «о» put in the nominative, with its dependents."""
    toks = an.tokens
    sent = an.sents[toks[k].sent]
    if toks[k].lemma not in ("договориться", "условиться"):
        return None
    prep = next((x for x in range(k + 1, min(sent.last - 1, k + 6)) if toks[x].low in ("о", "об")), None)
    if prep is None:
        return None
    noun = next((x for x in range(prep + 1, min(sent.last, prep + 4)) if toks[x].pos == "NOUN"), None)
    if noun is None or toks[noun].lemma in NOT_COMMITMENT_NOUNS:
        return None
    first, last = _subtree(an, noun)
    first = prep + 1
    last = next((x for x in range(noun + 1, last) if _committing(toks[x]) or toks[x].text == ";"), last)
    while last > first + 1 and toks[last - 1].pos in ("PUNCT", "CCONJ", "ADV"):
        last -= 1
    year, day, span = due_of(an.text[toks[k].start:sent.stop], dateline)
    phrase = np_nominative(an, first, last, singular=False)
    s, e = span[0] + toks[k].start, span[1] + toks[k].start
    start = toks[first].start
    if span != (0, 0) and start <= s < e and e - start <= len(phrase) + 40:
        phrase = re.sub(r"\s+", " ", phrase.replace(an.text[s:e], " ")).strip(" ,;")
    if len(phrase.split()) < 2:
        return None
    before = [i for i, a in enumerate(agreements) if a.start <= toks[k].start]
    return Commitment(phrase, year, day, before[-1] if before else 0, start, toks[last - 1].stop)

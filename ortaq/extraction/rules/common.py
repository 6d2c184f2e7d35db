"""Shared structures and noun-phrase helpers for the rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..morph import CYR, inflect_word, parses
from ..nlp import Analysis, Token

QUOTES = "«»"


@dataclass
class Mention:
    """Something named in the text: an organization, a region, a country or a person."""

    kind: str  # org | region | country | person
    name: str
    start: int  # normalized-text character offsets
    stop: int
    first: int  # token range [first, last)
    last: int
    code: str | None = None  # region code (regions; the region of an organization)
    source: str = ""
    aliases: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def balance_quotes(name: str) -> str:
    """Close unclosed «, drop unmatched » and strip quotes wrapping the whole name."""
    depth = 0
    out = []
    for ch in name:
        if ch == "«":
            depth += 1
        elif ch == "»":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    text = "".join(out).strip() + "»" * depth
    while text.startswith("«") and text.endswith("»") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch == "«"
        depth -= ch == "»"
        if depth < 0:
            return False
    return depth == 0


def head_gender(token: Token, number: str | None) -> tuple[str | None, str | None]:
    """Gender and number of a noun token from pymorphy3 (agreeing with Natasha's case)."""
    case = token.case
    for p in parses(token.low):
        if p.tag.POS == "NOUN" and (case is None or p.tag.case == case):
            return p.tag.gender, number or p.tag.number
    return None, number


def np_nominative(an: Analysis, first: int, last: int, singular: bool = False) -> str:
    """Put a noun phrase into the nominative: leading adjectives and the head noun change, the rest stays."""
    toks = an.tokens[first:last]
    h = None
    for k, t in enumerate(toks):
        if t.pos in ("NOUN", "PROPN"):
            h = k
            break
        if t.pos not in ("ADJ", "DET", "CCONJ", "PUNCT", "ADV") and not (t.pos == "VERB" and t.feats.get("VerbForm")
                                                                           == "Part"):
            break
    if h is None:
        return an.span_text(first, last)
    head = toks[h]
    number = "sing" if singular else None
    case = head.case
    if case in (None, "nomn") and not singular:
        return an.span_text(first, last)
    gender, num = head_gender(head, number)
    pieces = []
    for k in range(h + 1):
        t = toks[k]
        if t.pos in ("ADJ", "DET", "VERB") and CYR.match(t.text):
            pieces.append(inflect_word(t.text, t.case, "nomn", "plur" if num == "plur" else "sing",
                                       gender if num != "plur" else None, ("ADJF",)))
        elif k == h and CYR.match(t.text):
            pieces.append(inflect_word(t.text, t.case, "nomn", number, None, ("NOUN",)))
        else:
            pieces.append(t.text)
    text = ""
    prev_stop = None
    for k in range(h + 1):
        if prev_stop is not None:
            text += an.text[prev_stop:toks[k].start]
        text += pieces[k]
        prev_stop = toks[k].stop
    if h + 1 < len(toks):
        text += an.text[toks[h].stop:toks[-1].stop]
    return text


def capitalize(name: str) -> str:
    """Upper-case the first letter."""
    return name[:1].upper() + name[1:] if name else name


def overlaps(a: Mention, b: Mention) -> bool:
    """The two mentions share characters."""
    return a.start < b.stop and b.start < a.stop

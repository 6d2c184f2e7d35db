"""pymorphy3 helpers: cached parses, lemmas, and putting names and noun phrases into the nominative."""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

_MORPH: pymorphy3.MorphAnalyzer | None = None
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
CYR = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё-]*$")


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The shared pymorphy3 analyzer (loaded once)."""
    global _MORPH
    if _MORPH is None:
        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of a word (cached)."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of a word, lower case, ё→е."""
    low = word.lower().replace("ё", "е")
    if not CYR.match(low):
        return low
    return parses(low)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 proposes for a word (lower case, ё→е)."""
    low = word.lower().replace("ё", "е")
    if not CYR.match(low):
        return frozenset({low})
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(low))


def _match_case(word: str, tag_filter: tuple[str, ...], case: str | None):
    """The parse of `word` with all grammemes in tag_filter and, if given, the case."""
    best = None
    for p in parses(word.lower()):
        if all(g in p.tag for g in tag_filter) and (case is None or p.tag.case == case):
            return p
        if best is None and all(g in p.tag for g in tag_filter):
            best = p
    return best


def _restore_shape(src: str, out: str) -> str:
    """Copy the capitalisation of `src` onto `out`."""
    if src.isupper() and len(src) > 1:
        return out.upper()
    if src[:1].isupper():
        parts = out.split("-")
        srcs = src.split("-")
        return "-".join(
            (p[:1].upper() + p[1:]) if i < len(srcs) and srcs[i][:1].isupper() else p for i, p in enumerate(parts)
        )
    return out


@lru_cache(maxsize=50_000)
def inflect_word(word: str, case: str | None, target: str = "nomn", number: str | None = None,
                 gender: str | None = None, want: tuple[str, ...] = ()) -> str:
    """Inflect one word (in `case`, pymorphy code) to the target case, keeping its shape."""
    if not CYR.match(word):
        return word
    p = _match_case(word, want, case) if want else _match_case(word, (), case)
    if p is None:
        return word
    grams = {target}
    if number:
        grams.add(number)
    elif "plur" in p.tag and target == "nomn" and "Pltm" not in p.tag:
        grams.add("plur")
    if gender and "ADJF" in p.tag and number != "plur":
        grams.add(gender)
    form = p.inflect(grams) or p.inflect({target})
    if form is None:
        return word
    return _restore_shape(word, form.word)


def _keep_yo(src: str, out: str) -> str:
    """Write е where the source word had е (pymorphy restores ё)."""
    return out if "ё" in src.lower() else out.replace("ё", "е").replace("Ё", "Е")


@lru_cache(maxsize=50_000)
def person_nominative(name: str, case: str | None = None) -> str:
    """Put a person's name ("Ерлана Кошанова", case "gent") into the nominative ("Ерлан Кошанов")."""
    out = _person_nominative(name, case)
    if out == name and case not in (None, "nomn"):
        for other in ("datv", "gent", "ablt", "loct", "accs"):
            out = _person_nominative(name, other)
            if out != name:
                break
    if out == name:
        out = _instrumental_fallback(name)
    return out


def _instrumental_fallback(name: str) -> str:
    """Unknown names in the instrumental («Ерболом Исмаиловым») lose their endings."""
    words = name.split()
    if len(words) < 2 or not re.search(r"(ов|ев|ин|ын)ым$", words[-1]):
        return name
    out = [w[:-2] if re.search(r"[^аеиоуыэюя][ое]м$", w) else w for w in words[:-1]]
    return " ".join([*out, words[-1][:-2]])


def _person_nominative(name: str, case: str | None) -> str:
    words = name.split()
    if case in (None, "nomn"):
        if case == "nomn":
            return name
    gender = None
    for w in words:
        for p in parses(w.lower()):
            if "Name" in p.tag and p.tag.gender in ("masc", "femn") and (case is None or p.tag.case == case):
                gender = p.tag.gender
                break
        if gender:
            break
    out = []
    for w in words:
        if not CYR.match(w) or not w[:1].isupper():
            out.append(w)
            continue
        cand = None
        fallback = None
        for p in parses(w.lower()):
            if case is not None and p.tag.case != case:
                continue
            if gender and p.tag.gender and p.tag.gender != gender and "Ms-f" not in p.tag:
                continue
            if {"Name", "Surn", "Patr"} & p.tag.grammemes:
                cand = p
                break
            if fallback is None and p.tag.POS == "NOUN":
                fallback = p
        cand = cand or fallback
        if cand is None:
            out.append(w)
            continue
        grams = {"nomn", "sing"}
        if gender and ("Surn" in cand.tag or "Patr" in cand.tag):
            grams.add(gender)
        form = cand.inflect(grams) or cand.inflect({"nomn"})
        out.append(_keep_yo(w, _restore_shape(w, form.word)) if form else w)
    return " ".join(out)


def is_capitalized(word: str) -> bool:
    """Starts with an upper-case letter."""
    return word[:1].isupper()

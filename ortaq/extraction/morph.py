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


KAZAKH_LETTERS = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
#: A masculine surname in the nominative: «Холмуродов», «Имангалиев», «Токторов» (its oblique forms add an ending).
NOMINATIVE_SURNAME = re.compile(r"[а-яёәғқңөұүһі](?:ов|ев|ёв|ин|ын)$")
#: Kazakh patronymic surnames do not decline: «Әбдіғалиұлы», «Серікқызы».
INDECLINABLE_SURNAME = re.compile(r"(?:ұлы|улы|қызы|кызы)$", re.IGNORECASE)
#: Oblique endings of a masculine surname in -ов/-ев/-ин and the case each shows.
SURNAME_ENDINGS = (("ым", "ablt"), ("а", "gent"), ("у", "datv"), ("е", "loct"))
FEMININE_SURNAME = re.compile(r"(?:ов|ев|ин|ын)ой$")
#: A man's first name's ending in each case (after a consonant; «-й» names: Дюсембай → Дюсембая, Дюсембаем).
FIRST_NAME_ENDINGS = {"gent": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем"), "loct": ("е",)}


@lru_cache(maxsize=50_000)
def person_nominative(name: str, case: str | None = None) -> str:
    """Put a person's name ("Ерлана Кошанова", case "gent") into the nominative ("Ерлан Кошанов").

    A surname already in the nominative («Бахром Холмуродов») keeps the name as it is, whatever case Natasha
    guessed; names with Kazakh letters («Жұмабека Тұрсынбаева», «Нұрланом Әбдіғалиұлы») lose their Russian
    case endings by rule, their Kazakh letters kept (pymorphy3 does not know them)."""
    words = name.split()
    if len(words) >= 2 and NOMINATIVE_SURNAME.search(words[-1]) and words[-1][:1].isupper():
        return name
    if KAZAKH_LETTERS.search(name) and len(words) >= 2:
        return _kazakh_nominative(words, case)
    out = _person_nominative(name, case)
    if out == name and case not in (None, "nomn"):
        for other in ("datv", "gent", "ablt", "loct", "accs"):
            out = _person_nominative(name, other)
            if out != name:
                break
    if out == name:
        out = _instrumental_fallback(name)
    return out


def _kazakh_nominative(words: list[str], case: str | None) -> str:
    """«Жұмабека Тұрсынбаева» → «Жұмабек Тұрсынбаев», «Нұрланом Әбдіғалиұлы» → «Нұрлан Әбдіғалиұлы»."""
    surname, firsts = words[-1], words[:-1]
    masculine = True
    if FEMININE_SURNAME.search(surname):
        surname, masculine, case = surname[:-2] + "а", False, case or "gent"
    elif INDECLINABLE_SURNAME.search(surname):
        masculine = not re.search(r"(?:қызы|кызы)$", surname, re.IGNORECASE)
        case = case if case in FIRST_NAME_ENDINGS else _case_of_first_name(firsts[-1])
    else:
        for ending, ending_case in SURNAME_ENDINGS:
            if re.search(rf"(?:ов|ев|ёв|ин|ын){ending}$", surname):
                surname, case = surname[:-len(ending)], ending_case
                break
        else:
            return " ".join(words)
    if masculine and case in FIRST_NAME_ENDINGS:
        firsts = [_strip_first_name(w, case) for w in firsts]
    return " ".join([*firsts, surname])


def _case_of_first_name(word: str) -> str | None:
    """The case a man's first name shows by its ending alone: «-ом/-ем» instrumental, «-а» genitive."""
    low = word.lower()
    if re.search(r"[^аеиоуыэюяәөұүі](?:ом|ем)$", low) or re.search(r"[аеоуәө]ем$", low):
        return "ablt"
    if re.search(r"[^аеиоуыэюяәөұүі]а$", low):
        return "gent"
    return None


def _strip_first_name(word: str, case: str) -> str:
    for ending in FIRST_NAME_ENDINGS[case]:
        if word.lower().endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            if stem[-1].lower() in "аеоуыиәөұүі":
                return stem + "й"  # Дюсембаем → Дюсембай
            return stem
    return word


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

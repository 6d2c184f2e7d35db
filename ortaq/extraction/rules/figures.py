"""Figures: money, volumes, percentages and counts, with qualifiers («более», «около», «до») and years."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dateline import Dateline, relative_years
from ..nlp import Analysis, Token

MULTIPLIERS = {"тыс": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9,
               "трлн": 1e12, "триллион": 1e12}
CURRENCIES = {"тенге": "KZT", "тг": "KZT", "доллар": "USD", "долл": "USD", "$": "USD", "евро": "EUR",
              "€": "EUR", "рубль": "RUB", "руб": "RUB", "юань": "CNY", "сом": "KGS", "сум": "UZS",
              "фунт": "GBP", "иена": "JPY"}
VOLUMES = {"тонна": "t", "т": "t", "баррель": "баррель", "кубометр": "м3", "литр": "л"}
PERCENT = {"процент", "%", "проц"}
NOT_COUNTED = {"год", "месяц", "день", "час", "минута", "секунда", "неделя", "сутки", "век", "раз", "лет",
               "километр", "км", "метр", "м", "см", "мм", "гектар", "га", "градус", "балл", "место", "часть",
               "раунд", "тур", "число", "номер", "страница", "пункт", "статья", "квартал", "полугодие",
               "десятилетие", "кг", "грамм", "килограмм", "миля", "сантиметр", "ч", "мин", "сек",
               "кв", "квадратный", "куб", "г", "гг", "мвт", "квт", "гвт", "вт", "январь", "февраль", "март", "апрель",
               "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "из"}
MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь"}
WORD_NUMBERS = {
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20,
    "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5, "один": 1,
}
QUALIFIERS = {"более": "more_than", "свыше": "more_than", "больше": "more_than", "почти": "about",
              "около": "about", "порядка": "about", "примерно": "about", "приблизительно": "about",
              "ориентировочно": "about", "до": "up_to", "менее": "less_than", "меньше": "less_than",
              "максимум": "up_to", "минимум": "more_than"}
CHANGE_VERBS = {"увеличить", "увеличиться", "поднять", "повысить", "снизить", "сократить", "довести",
                "вырасти", "возрасти", "уменьшить", "увеличивать", "рост", "подняться", "снизиться"}
DIGITS = re.compile(r"^(\d+(?:[.,]\d+)?)(?:-[а-яё]{1,3})?$")
_MONTHS_RE = r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
#: A year a figure refers to: «в 2023 году», «по итогам 2023 года», «за январь–июль 2023 года», «за 9 месяцев
#: 2023 года»; group 1 marks a date with its day («12 марта 2020 года»), which names no figure's year.
YEAR = re.compile(rf"(?:\b(?:в|на|за|к|до|по итогам|в течение|(\d{{1,2}}\s+{_MONTHS_RE})|{_MONTHS_RE}\s*[—–-]\s*"
                  rf"{_MONTHS_RE}|по\s+{_MONTHS_RE}|месяц\w*|квартал\w*|полугоди\w*)\s+)((?:19|20)\d\d)\s*"
                  r"(?:-?(?:го|м|й))?\s*(?:год|г\.|гг)", re.I)
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[—–-]\s*(?:19|20)\d\d")


@dataclass
class Figure:
    """A number with its unit, found between normalized-text offsets [start, stop)."""

    kind: str
    value: float
    unit: str
    qualifier: str | None
    year: int | None
    start: int
    stop: int


def _number(an: Analysis, i: int) -> tuple[float, int] | None:
    """The number starting at token i (digits or words) and the index after it."""
    t = an.tokens[i]
    m = DIGITS.match(t.text)
    if m:
        if i > 0 and an.tokens[i - 1].stop == t.start and an.tokens[i - 1].text in ("-", "—"):
            return None
        if re.search(r"-(й|го|м|я|е|ое|ый|ого|ом)$", t.text):
            return None
        value = float(m.group(1).replace(",", "."))
        j = i + 1
        if j < len(an.tokens) and an.tokens[j].start == t.stop and an.tokens[j].text[:1].isalpha():
            return None  # "3Com", "5G"
        while j < len(an.tokens) and re.fullmatch(r"\d{3}", an.tokens[j].text) and value < 1000 and \
                an.tokens[j].start - an.tokens[j - 1].stop == 1 and "," not in m.group(1):
            value = value * 1000 + float(an.tokens[j].text)
            j += 1
        return value, j
    if t.lemma in WORD_NUMBERS and t.pos in ("NUM", "ADJ", "NOUN", "X", "PROPN") and t.text.islower():
        value, j = 0.0, i
        while j < len(an.tokens) and an.tokens[j].lemma in WORD_NUMBERS and an.tokens[j].text.islower():
            value += WORD_NUMBERS[an.tokens[j].lemma]
            j += 1
        if value <= 2 and not (j < len(an.tokens) and an.tokens[j].lemma in MULTIPLIERS):
            return None  # "один", "два", "оба": referential ("двух стран"), not a reported figure
        return value, j
    return None


def _unit_lemma(t: Token) -> str:
    return t.lemma.rstrip(".") if t.text != "%" else "%"


def _qualifier(an: Analysis, i: int) -> str | None:
    k = i - 1
    while k >= 0 and an.tokens[k].text.lower() in ("на", "в", ",", "чем", "с", "уже"):
        k -= 1
    if k < 0 or an.tokens[k].sent != an.tokens[i].sent:
        return None
    word = an.tokens[k].low
    qual = QUALIFIERS.get(word)
    if qual == "up_to" and k != i - 1:
        return None
    if qual == "up_to":
        sent = an.sents[an.tokens[i].sent]
        if any(an.tokens[x].lemma in CHANGE_VERBS for x in range(sent.first, i)):
            return None
        if k > 0 and an.tokens[k - 1].text.lower() in ("с", "от"):
            return None
    if k > 0 and an.tokens[k - 1].low == "не" and qual:
        return {"более": "up_to", "менее": "more_than", "больше": "up_to", "меньше": "more_than"}.get(word, qual)
    return qual


def _year(an: Analysis, i: int, dateline: Dateline | None = None) -> int | None:
    """The year the figure's sentence names (the nearest before the figure), «в этом году» read with the
    dateline; a date with its day («12 марта 2020 года») and the dateline itself name no year."""
    sent = an.sents[an.tokens[i].sent]
    start = sent.start
    if dateline is not None and dateline.stop > start:
        start = min(max(start, dateline.stop), sent.stop)
    text = an.text[start:sent.stop]
    pos = an.tokens[i].start - start
    text_wo_ranges = YEAR_RANGE.sub(lambda m: " " * len(m.group(0)), text)
    years = [(m.start(), int(m.group(2))) for m in YEAR.finditer(text_wo_ranges) if not m.group(1)]
    years += relative_years(text, dateline.date.year if dateline else None)
    years.sort()
    if not years:
        return None
    if len({y for _, y in years}) == 1:
        return years[0][1]
    before = [y for p, y in years if p < pos]
    return before[-1] if before else years[0][1]


def find_figures(an: Analysis, dateline: Dateline | None = None) -> list[Figure]:
    """Every money / volume / percent / count figure in the text."""
    out: list[Figure] = []
    i = 0
    toks = an.tokens
    while i < len(toks):
        got = _number(an, i)
        if got is None:
            i += 1
            continue
        value, j = got
        if j < len(toks) and toks[j].text in (".", "-") and j + 1 < len(toks) and toks[j + 1].lemma in MONTHS:
            i = j
            continue
        mult = 1.0
        if j < len(toks) and toks[j].lemma.rstrip(".") in MULTIPLIERS:
            mult = MULTIPLIERS[toks[j].lemma.rstrip(".")]
            j += 1
            if j < len(toks) and toks[j].text == "." and toks[j].start == toks[j - 1].stop:
                j += 1
        fig = None
        if j < len(toks):
            unit = _unit_lemma(toks[j])
            if unit in CURRENCIES or toks[j].low in CURRENCIES:
                fig = ("money", CURRENCIES.get(unit) or CURRENCIES[toks[j].low])
            elif unit in PERCENT:
                fig = ("percent", "%")
            elif unit in VOLUMES and (unit != "т" or mult > 1 or j + 1 < len(toks)):
                fig = ("volume", VOLUMES[unit])
            else:
                fig = _count(an, i, j)
        if fig is None:
            i = j
            continue
        kind, unit = fig
        k = j + 1
        full = value * (mult if kind != "percent" else 1)
        out.append(Figure(kind, full, unit, _qualifier(an, i), _year(an, i, dateline), toks[i].start, toks[min(k, len(toks)) - 1]
                          .stop))
        i = k
    return out


def _count(an: Analysis, i: int, j: int) -> tuple[str, str] | None:
    """A count: the number followed by (adjectives and) the counted noun."""
    toks = an.tokens
    k = j
    while k < len(toks) and k - j < 4 and (toks[k].pos == "ADJ" or (toks[k].pos == "VERB" and
                                                                   toks[k].feats.get("VerbForm") == "Part")):
        k += 1
    if k >= len(toks) or toks[k].pos not in ("NOUN",) or toks[k].sent != toks[i].sent:
        return None
    lem = toks[k].lemma
    if lem in NOT_COUNTED or lem in MONTHS or not lem.isalpha():
        return None
    return "count", lem


def dedupe_figures(figures: list[Figure]) -> list[tuple[Figure, list[tuple[int, int]]]]:
    """One figure per (kind, value, unit, year); spans of repeats are kept together."""
    seen: dict[tuple, tuple[Figure, list]] = {}
    for f in figures:
        key = (f.kind, round(f.value, 3), f.unit, f.year)
        if key in seen:
            seen[key][1].append((f.start, f.stop))
        else:
            seen[key] = (f, [(f.start, f.stop)])
    return list(seen.values())

"""Food-belt supply: the tonnes and tenge a region delivered, sold or contracted, with the product and year.

«Заключены контракты на поставку 33 тысяч тонн картофеля», «на ярмарке реализовано более 300 тонн
продукции», «хозяйства области поставили в столицу мяса на 2 млрд тенге»: a volume or tenge figure in a
sentence about deliveries, sales or supply contracts. The supplier is the region the sentence names as the
source (not the one after «в»/«для» the produce goes to), else the region the text is about; the product is the
noun after the figure («тонн картофеля») or after «поставка»; a contract or a plan is a planned supply, a
delivery or a sale an actual one. Figures of one sentence make one supply item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..dateline import Dateline
from ..nlp import Analysis
from .common import Mention
from .figures import Figure

#: Words that make a figure's sentence one about supplying food.
SUPPLY_CUES = {"поставка", "поставить", "поставлять", "поставляться", "поставщик", "контракт", "реализовать",
               "реализоваться", "реализация", "продать", "продаваться", "продажа", "отгрузить", "отгружать",
               "отгрузка", "ярмарка", "закуп", "закупить", "закупка", "завезти", "ввезти"}
#: Words that make it a planned supply (contracted, agreed, intended) rather than a delivered one.
PLAN_CUES = {"контракт", "договор", "план", "планироваться", "планировать", "предусмотреть", "намерен",
             "намереваться", "договориться", "обязаться", "меморандум", "соглашение", "прогноз"}
#: Produce in general: no single product category.
GENERIC_PRODUCE = {"продукция", "сельхозпродукция", "продукт", "продовольствие", "товар", "сельхозпродукт", "груз",
                   "объем", "сумма"}
#: The cities of republican significance: they consume the food belt's produce.
CITIES = {"KZ-71", "KZ-75", "KZ-79"}
#: Produce (lemmas) → the food belt's product category slugs; another named good («цемента») is no food supply.
PRODUCT_CATEGORIES = {
    **dict.fromkeys(("мясо", "говядина", "баранина", "конина", "свинина", "фарш", "колбаса"), "meat"),
    **dict.fromkeys(("птица", "курица", "бройлер", "индейка"), "poultry"),
    **dict.fromkeys(("молоко", "сыр", "творог", "кефир", "сметана", "кумыс", "шубат", "молочный"), "dairy"),
    **dict.fromkeys(("яйцо",), "eggs"),
    **dict.fromkeys(("овощ", "капуста", "морковь", "лук", "свекла", "огурец", "помидор", "томат", "перец"),
                    "vegetables"),
    **dict.fromkeys(("картофель", "картошка"), "potatoes"),
    **dict.fromkeys(("фрукт", "яблоко", "ягода", "груша", "абрикос", "виноград", "бахчевые", "бахчевый", "бахчевой", "арбуз", "дыня"),
                    "fruit"),
    **dict.fromkeys(("зерно", "пшеница", "мука", "ячмень", "рис", "гречка", "крупа", "овес", "кукуруза"), "grain"),
    **dict.fromkeys(("рыба",), "fish"),
    **dict.fromkeys(("рапс", "подсолнечник", "лен", "сахар", "мед", "масло", "крупа"), "other"),
}


#: Prepositions before the region the produce goes to.
DESTINATION = {"в", "во", "для", "на"}


@dataclass
class Supply:
    """A supply figure of one sentence: volume (t) and/or value (KZT), region, product, year, plan or actual."""

    kind: str  # plan | actual
    region: str | None
    product: str | None
    year: int | None
    volume_tonnes: float | None = None
    value_tenge: float | None = None
    qualifier: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _token_at(an: Analysis, offset: int) -> int:
    return next(t.i for t in an.tokens if t.start >= offset)


def _product(an: Analysis, unit: int, sent_last: int) -> str | None:
    """The produce after the unit («тонн картофеля», «тонн свежих овощей») or after «поставка»."""
    toks = an.tokens
    for x in range(unit + 1, min(sent_last, unit + 4)):
        if toks[x].pos == "ADJ":
            continue
        if toks[x].pos == "NOUN" and toks[x].case == "gent" and toks[x].text.islower():
            return toks[x].lemma
        break
    return None


def _product_after_supply(an: Analysis, first: int, last: int) -> str | None:
    toks = an.tokens
    for x in range(first, last - 1):
        if toks[x].lemma in ("поставка", "поставить", "реализация", "продажа", "закуп"):
            for y in range(x + 1, min(last, x + 4)):
                if toks[y].pos == "ADJ":
                    continue
                if toks[y].pos == "NOUN" and toks[y].case == "gent" and toks[y].text.islower():
                    return toks[y].lemma
                break
    return None


def _supplier(an: Analysis, regions: list[Mention], first: int, last: int, fallback: str | None) -> str | None:
    """The source region of the sentence's produce: one named «из X» or without a preposition, else the text's
    supplying region, else one named «в X» (a venue or a place of harvest); never one the produce goes to."""
    toks = an.tokens
    ranked: list[tuple[int, str]] = []
    targets = set()
    for m in regions:
        if not first <= m.first < last:
            continue
        prep = toks[m.first - 1].low if m.first > first else ""
        if prep == "из":
            ranked.append((0, m.code))
        elif prep in DESTINATION and (prep not in ("в", "во") or toks[m.first].case != "loct"):
            targets.add(m.code)
        elif prep in ("в", "во"):
            ranked.append((2, m.code))
        else:
            ranked.append((0, m.code))
    if fallback and fallback not in targets:
        ranked.append((1, fallback))
    ranked = sorted((rank, code) for rank, code in ranked if code not in targets)
    return ranked[0][1] if ranked else None


def supplying_region(regions: list[Mention], home: str | None) -> str | None:
    """The region a text about supplies speaks for: the most named one that is not a consuming city."""
    counts = Counter(m.code for m in regions if m.code not in CITIES)
    return counts.most_common(1)[0][0] if counts else home


def _price(an: Analysis, unit: int) -> bool:
    """«по 145 тенге за килограмм»: a price, not a sum."""
    toks = an.tokens
    return unit + 1 < len(toks) and toks[unit + 1].low == "за"


def find_supplies(an: Analysis, figures: list[Figure], places: list[Mention], home: str | None,
                  dateline: Dateline | None = None) -> list[Supply]:
    """One supply item per sentence that reports tonnes or tenge of delivered, sold or contracted produce."""
    by_sent: dict[int, Supply] = {}
    toks = an.tokens
    body = dateline.stop if dateline else 0
    regions = [m for m in places if m.kind == "region" and m.code and m.code.startswith("KZ-") and m.start >= body]
    fallback = supplying_region(regions, home)
    for f in figures:
        if not ((f.kind == "volume" and f.unit == "t") or (f.kind == "money" and f.unit == "KZT")):
            continue
        i = _token_at(an, f.start)
        sent = an.sents[toks[i].sent]
        lemmas = {toks[x].lemma for x in range(sent.first, sent.last)}
        if not lemmas & SUPPLY_CUES:
            continue
        unit = max(x for x in range(i, sent.last) if toks[x].start < f.stop)
        if f.kind == "money" and _price(an, unit):
            continue
        item = by_sent.get(toks[i].sent)
        if item is None:
            future = any(toks[x].feats.get("Tense") == "Fut" for x in range(sent.first, sent.last))
            kind = "plan" if lemmas & PLAN_CUES or future else "actual"
            year = f.year or (dateline.date.year if dateline else None)
            item = by_sent[toks[i].sent] = Supply(kind, _supplier(an, regions, sent.first, sent.last, fallback), None,
                                                  year, qualifier=f.qualifier)
        product = _product(an, unit, sent.last) or _product_after_supply(an, sent.first, sent.last)
        if product and (item.product is None or item.product in GENERIC_PRODUCE):
            item.product = product
        if f.kind == "volume" and item.volume_tonnes is None:
            item.volume_tonnes = f.value
        elif f.kind == "money" and item.value_tenge is None:
            item.value_tenge = f.value
        item.spans.append((f.start, f.stop))
    out = []
    for item in by_sent.values():
        if item.product in GENERIC_PRODUCE:
            item.product = None
        if item.product is None or item.product in PRODUCT_CATEGORIES:
            out.append(item)
    return out

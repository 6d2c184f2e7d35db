"""Persons (Natasha PER spans and known names) grouped by surname, and the posts they hold."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..morph import parses, person_nominative
from ..nlp import Analysis, Token
from .common import Mention
from .places import adjective_stem

TITLES = {"аким", "заместитель", "замакима", "замминистра", "министр", "вице-министр", "президент",
          "вице-президент", "председатель", "зампред", "глава", "губернатор", "вице-губернатор", "мэр",
          "вице-мэр", "премьер-министр", "премьер", "посол", "полпред", "лидер", "директор", "руководитель",
          "начальник", "секретарь", "депутат", "сенатор", "советник", "помощник", "ректор", "спикер",
          "канцлер", "король", "управляющий", "заведующий", "уполномоченный", "омбудсмен", "прокурор",
          "судья", "командующий", "консул", "генконсул", "основатель", "владелец", "пресс-секретарь",
          "бургомистр", "атташе", "представитель", "замглавы", "председатель правления", "генсек",
          "генеральный секретарь", "вице-премьер", "президент-министр", "госсекретарь", "мажилисмен", "хоким",
          "вице-хоким", "полномочный представитель"}
#: Adjectives that belong to the post itself: «полномочный представитель», «первый заместитель».
TITLE_ADJECTIVES = {"полномочный": "полномочный", "полномочного": "полномочный"}
#: Posts of one country: a «хоким» is Uzbek, a «губернатор» Russian — the region of the post is that country's.
TITLE_COUNTRY = {"хоким": "UZ", "вице-хоким": "UZ", "губернатор": "RU", "вице-губернатор": "RU", "аким": "KZ"}
#: A body that is a region's own government: its head's post has the region and no organization.
REGIONAL_GOVERNMENTS = {"облисполком", "хокимият", "правительство", "акимат", "администрация", "мэрия",
                        "исполком", "полпредство"}
#: Generic words after a title that name a district, not a region: «глава района», «аким села».
DISTRICT_WORDS = {"район", "село", "поселок", "аул", "сельский", "округа"}
DEPUTY_HEADS = {"заместитель", "помощник", "советник"}
REGION_HEAD_WORDS = {"регион", "область", "край", "республика", "город", "округ"}
PATR = re.compile(r"(ович|евич|ьич|овна|евна|ична|инична)$", re.IGNORECASE)
STOP_POS = {"VERB", "AUX", "PRON", "SCONJ"}


@dataclass
class Person:
    """One person: the name to output, every mention, the post found for them."""

    first: str | None
    surname: str | None
    patronymic: str | None
    mentions: list[Mention] = field(default_factory=list)
    position: dict | None = None

    @property
    def name(self) -> str:
        """ "Имя Фамилия" (or what the text gives)."""
        parts = [p for p in (self.first, self.surname) if p]
        if not parts and self.patronymic:
            parts = [self.patronymic]
        if self.first and not self.surname and self.patronymic:
            parts = [self.first, self.patronymic]
        return " ".join(parts)


KAZAKH_PATRONYMIC = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:ұлы|улы|қызы|кызы)$")


def _patronymic_names(an: Analysis, found: list[Mention], place_tokens: set[int]) -> list[Mention]:
    """«Нұрланом Әбдіғалиұлы», «Әсел Серікқызы»: a first name and a Kazakh patronymic surname are a person even
    when Natasha missed them or called them an organization."""
    taken = {k for m in found for k in range(m.first, m.last)}
    out = []
    for k, t in enumerate(an.tokens):
        if k in taken or not KAZAKH_PATRONYMIC.match(t.text):
            continue
        first = k
        prev = an.tokens[k - 1] if k else None
        if prev is not None and prev.sent == t.sent and prev.text[:1].isupper() and prev.text.isalpha() and \
                k - 1 not in place_tokens and k - 1 not in taken and k - 1 != an.sents[t.sent].first:
            first = k - 1
        if first == k:
            continue
        name = person_nominative(an.span_text(first, k + 1), an.tokens[first].case)
        out.append(Mention("person", name, an.tokens[first].start, t.stop, first, k + 1, source="rule"))
    return out


def _word_role(word: str) -> str:
    """name / patr / surn / other for one capitalised word."""
    if PATR.search(word) and len(word) > 6:
        return "patr"
    for p in parses(word.lower())[:3]:
        if "Patr" in p.tag:
            return "patr"
        if "Name" in p.tag:
            return "name"
        if "Surn" in p.tag:
            return "surn"
    return "other"


def split_name(name: str) -> tuple[str | None, str | None, str | None]:
    """(first name, surname, patronymic) from a nominative name."""
    words = name.split()
    if len(words) == 1:
        role = _word_role(words[0])
        return (words[0], None, None) if role == "name" else (None, words[0], None)
    patr = None
    rest = []
    for k, w in enumerate(words):
        if k > 0 and _word_role(w) == "patr":
            patr = w
        else:
            rest.append(w)
    if len(rest) == 1:
        return rest[0], None, patr
    return " ".join(rest[:-1]), rest[-1], patr


def _key(word: str | None) -> str:
    return (word or "").lower().replace("ё", "е")[:5]


def group_persons(an: Analysis, extra: list[Mention], places: list[Mention] | None = None) -> list[Person]:
    """Natasha PER spans (plus known-name mentions) grouped into persons by surname and first name; a region's
    name that Natasha glued to the front of a name («области Жетісу Бауыржан …») is cut off."""
    mentions: list[Mention] = list(extra)
    place_tokens = {k for m in places or () for k in range(m.first, m.last)}
    for s in an.ner:
        if s.type != "PER":
            continue
        first = s.first
        while first < s.last and first in place_tokens:
            first += 1
        if first == s.last or any(m.first <= first < m.last for m in extra):
            continue
        text = an.span_text(first, s.last)
        case = an.tokens[s.last - 1].case
        name = person_nominative(text, case)
        mentions.append(Mention("person", name, an.tokens[first].start, s.stop, first, s.last, source="ner"))
    mentions += _patronymic_names(an, mentions, place_tokens)
    mentions.sort(key=lambda m: m.start)
    persons: list[Person] = []
    for m in mentions:
        first, surname, patr = split_name(m.name)
        target = None
        for p in persons:
            same_surname = surname and p.surname and _key(surname) == _key(p.surname)
            firsts_ok = not first or not p.first or _key(first) == _key(p.first)
            if same_surname and firsts_ok:
                target = p
                break
            if not surname and first and p.first and _key(first) == _key(p.first) and patr and \
                    _key(patr) == _key(p.patronymic):
                target = p
                break
            if surname and not first and not p.surname and p.first and _key(surname) == _key(p.first):
                target = p
                break
        if target is None:
            persons.append(Person(first, surname, patr, [m]))
            continue
        target.mentions.append(m)
        target.first = target.first or first
        target.surname = target.surname or surname
        target.patronymic = target.patronymic or patr
    return persons


def _title_at(an: Analysis, k: int) -> tuple[str, int] | None:
    """A post title starting at token k: (title, tokens used)."""
    t = an.tokens[k]
    if t.lemma in TITLE_ADJECTIVES and k + 1 < len(an.tokens) and an.tokens[k + 1].lemma == "представитель":
        return f"{TITLE_ADJECTIVES[t.lemma]} {an.tokens[k + 1].lemma}", 2
    if t.lemma not in TITLES or t.pos not in ("NOUN", "PROPN", "ADJ", "VERB"):
        return None
    if t.lemma == "глава" and k and an.tokens[k - 1].low == "во":
        return None  # «во главе с …» leads a delegation, it is no post
    if t.lemma in DEPUTY_HEADS and k + 1 < len(an.tokens) and an.tokens[k + 1].lemma in TITLES:
        return f"{t.lemma} {an.tokens[k + 1].text.lower()}", 2
    if t.lemma == "глава":
        j = k + 1
        while j < len(an.tokens) and j - k < 3 and an.tokens[j].pos == "ADJ":
            j += 1
        if j < len(an.tokens) and an.tokens[j].lemma == "государство":
            return "президент", 1
    return t.lemma, 1


def _scope(an: Analysis, lo: int, hi: int, places: dict[int, Mention], orgs: dict[int, Mention],
           adjectives: dict[str, str], ctx: dict) -> tuple[str | None, str | None]:
    """The region code and organization name that a post's words [lo, hi) point to."""
    region = org = None
    national = None
    for k in range(lo, hi):
        t = an.tokens[k]
        if k in places and places[k].kind == "region" and region is None:
            region = places[k].code
        elif k in orgs and org is None and national is None:
            body = orgs[k]
            if _regional_government(an, body):
                if body.code:
                    region = region or body.code
                else:
                    national = body.name  # «Правительства Кыргызской Республики в Таласской области»
                continue
            org = body.name
        elif t.lemma == "столица" and region is None:
            region = ctx.get("capital")
        elif t.lemma in REGION_HEAD_WORDS and t.feats.get("Case") == "Gen" and region is None and \
                (k + 1 >= hi or an.tokens[k + 1].pos not in ("ADJ", "PROPN")) and k not in places:
            region = _generic_region(an, k, places, ctx)
        elif t.pos in ("ADJ", "PROPN") and region is None and (t.lemma in adjectives or
                                                               adjective_stem(t.text) in adjectives):
            code = adjectives.get(t.lemma)
            if code is None and t.text[:1].isupper():
                code = adjectives[adjective_stem(t.text)]
            region = ctx.get("capital") if code == "capital" else code
    if org is None and region is None and national is not None:
        org = national
    return region, org


def _regional_government(an: Analysis, body: Mention) -> bool:
    """«Витебский облисполком», «Правительство Омской области», «народное правительство СУАР»."""
    return any(an.tokens[x].lemma in REGIONAL_GOVERNMENTS for x in range(body.first, min(body.last, body.first + 3)))


def _generic_region(an: Analysis, k: int, places: dict[int, Mention], ctx: dict) -> str | None:
    """«аким области», «глава региона»: the region named last before it in the sentence, else the text's own."""
    sent_first = an.sents[an.tokens[k].sent].first
    for x in range(k - 1, sent_first - 1, -1):
        m = places.get(x)
        if m is not None and m.kind == "region" and m.code:
            return m.code
    return ctx.get("home")


def _window_left(an: Analysis, m: Mention, places: dict | None = None) -> int:
    """First token of the noun phrase in apposition before a person mention."""
    k = m.first - 1
    lo = m.first
    sent_first = an.sents[an.tokens[m.first].sent].first
    commas = 0
    while k >= sent_first and m.first - k <= 14:
        t = an.tokens[k]
        if (t.ner == "PER" and k not in (places or {})) or t.pos in STOP_POS or t.text in (".", ":", ";", "—", "(", ")", "!", "?"):
            break
        if t.text == "," and not (k - 1 >= sent_first and an.tokens[k - 1].pos in ("NOUN", "PROPN", "ADJ")
                                  and _has_title_between(an, sent_first, k)):
            break
        if t.text == ",":
            commas += 1
            if commas > 1:
                break
        lo = k
        k -= 1
    return lo


def _has_title_between(an: Analysis, lo: int, hi: int) -> bool:
    return any(an.tokens[k].lemma in TITLES for k in range(max(lo, hi - 8), hi))


def _cases_agree(a: Token, b: Token) -> bool:
    ca, cb = a.feats.get("Case"), b.feats.get("Case")
    if cb == "Nom" and b.pos == "PROPN":
        cb = None  # Natasha calls unknown (e.g. Kazakh) names nominative whatever their case
    if not _known(b.low):
        cb = None  # nor does it know the case of a name it has never seen («Эрмеком», «Бахром»)
    if not _known(a.low):
        ca = None  # «хоким», «вице-хоким»
    na, nb = a.feats.get("Number"), b.feats.get("Number")
    return (not ca or not cb or ca == cb) and (not na or not nb or na == nb)


def _known(word: str) -> bool:
    return bool(parses(word)) and parses(word)[0].is_known


def assign_positions(an: Analysis, persons: list[Person], places: list[Mention], orgs: list[Mention],
                     adjectives: dict[str, str], ctx: dict) -> None:
    """Find each person's post: apposition before or after a mention, or a bare title as subject."""
    place_at = {k: m for m in places for k in range(m.first, m.last)}
    org_at = {k: m for m in orgs for k in range(m.first, m.last)}
    used_titles: set[int] = set()
    for p in persons:
        for m in p.mentions:
            if p.position:
                break
            lo = _window_left(an, m, place_at)
            consumed = -1
            for k in range(lo, m.first):
                found = _title_at(an, k)
                if found and found[1] > 1:
                    consumed = k + found[1] - 1
                if not found or k == consumed or not _cases_agree(an.tokens[k], an.tokens[m.first]):
                    continue
                title, n = found
                if k + n < m.first and an.tokens[k + n].lemma in DISTRICT_WORDS and k + n not in place_at:
                    p.position = _position(title, None, None, ctx)
                    used_titles.update(range(k, k + n))
                    break
                region, org = _scope(an, k + n, m.first, place_at, org_at, adjectives, ctx)
                pre_region, _ = _scope(an, lo, k, place_at, {}, adjectives, ctx)
                region = _country_region(title, region or pre_region, an, k, place_at)
                p.position = _position(title, region, org, ctx)
                used_titles.update(range(k, k + n))
                break
            if p.position is None:
                p.position = _right_apposition(an, m, place_at, org_at, adjectives, ctx, used_titles)
    _bare_titles(an, persons, place_at, org_at, adjectives, ctx, used_titles)


def _country_region(title: str, region: str | None, an: Analysis, k: int, places: dict[int, Mention]) -> str | None:
    """A хоким's region is Uzbek, a губернатор's Russian: a region of another country found for the post gives
    way to the nearest region of the post's own country named before it."""
    country = TITLE_COUNTRY.get(title.split()[-1]) or TITLE_COUNTRY.get(title)
    if country is None or region is None or region.startswith(country + "-"):
        return region
    for x in range(k - 1, -1, -1):
        m = places.get(x)
        if m is not None and m.kind == "region" and m.code and m.code.startswith(country + "-"):
            return m.code
    return region


def _position(title: str, region: str | None, org: str | None, ctx: dict) -> dict:
    if title == "глава" and region and region.startswith("KZ-") and not org:
        title = "аким"
    return {"title": title, "region": region, "organization": org}


def _right_apposition(an, m, place_at, org_at, adjectives, ctx, used) -> dict | None:
    """"Имя Фамилия, глава отдела …" — a title right after the name and a comma."""
    k = m.last
    if k + 1 >= len(an.tokens) or an.tokens[k].text != "," or an.tokens[k].sent != an.tokens[m.first].sent:
        return None
    j = k + 1
    while j < len(an.tokens) and j - k < 4 and an.tokens[j].pos == "ADJ":
        j += 1
    found = _title_at(an, j) if j < len(an.tokens) else None
    if not found or not _cases_agree(an.tokens[j], an.tokens[m.first]):
        return None
    title, n = found
    hi = j + n
    while hi < len(an.tokens) and hi - j < 12 and an.tokens[hi].text not in (",", ".", "—", ";", ":") and \
            an.tokens[hi].pos not in STOP_POS:
        hi += 1
    region, org = _scope(an, j + n, hi, place_at, org_at, adjectives, ctx)
    used.update(range(j, j + n))
    return _position(title, region, org, ctx)


def _bare_titles(an, persons, place_at, org_at, adjectives, ctx, used) -> None:
    """"Аким столицы ознакомился…", "— отметил глава региона": the title refers to the last person named."""
    starts = sorted(((m.start, p) for p in persons for m in p.mentions), key=lambda x: x[0])
    for k, t in enumerate(an.tokens):
        if k in used or t.rel != "nsubj" or t.lemma not in TITLES or t.ner:
            continue
        if k + 1 < len(an.tokens) and an.tokens[k + 1].ner == "PER":
            continue
        found = _title_at(an, k)
        if not found:
            continue
        title, n = found
        hi = k + n
        while hi < len(an.tokens) and an.tokens[hi].feats.get("Case") == "Gen" and hi - k < 6:
            hi += 1
        before = [p for s, p in starts if s < t.start]
        if not before:
            continue
        person = before[-1]
        if person.position is not None:
            continue
        region, org = _scope(an, k + n, hi, place_at, org_at, adjectives, ctx)
        person.position = _position(title, region, org, ctx)

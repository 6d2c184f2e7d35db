"""Organizations: legal-form names (yargy grammar), government bodies, «named» institutions, NER spans."""

from __future__ import annotations

import re
from functools import lru_cache

from yargy import Parser, forward, not_, or_, rule
from yargy.predicates import eq, in_, normalized
from yargy.predicates import type as ttype

from ..nlp import Analysis, Token
from .common import Mention, balance_quotes, capitalize, np_nominative, overlaps

LEGAL_FORMS = ("ТОО", "АО", "ОАО", "ЗАО", "ПАО", "НАО", "СПК", "ГУ", "КГУ", "РГУ", "КГП", "РГП", "ГКП", "ГККП",
               "КГКП", "РГКП", "КГКП", "ОО", "ОФ", "ОЮЛ", "ИП", "ООО", "ОДО", "ЧУ", "ПК", "ФГУП", "ГУП", "МУП",
               "АНО", "НП", "КХ", "ПТ", "ЧП", "ПКСК", "СХТ")
FULL_FORMS = {
    ("товарищество", "с", "ограниченный", "ответственность"): "ТОО",
    ("акционерный", "общество"): "АО",
    ("некоммерческий", "акционерный", "общество"): "НАО",
    ("открытый", "акционерный", "общество"): "ОАО",
    ("государственный", "учреждение"): "ГУ",
    ("коммунальный", "государственный", "учреждение"): "КГУ",
    ("коммунальный", "государственный", "предприятие"): "КГП",
    ("республиканский", "государственный", "предприятие"): "РГП",
    ("общественный", "объединение"): "ОО",
    ("общественный", "фонд"): "ОФ",
    ("индивидуальный", "предприниматель"): "ИП",
    ("социально-предпринимательский", "корпорация"): "СПК",
}
GOV_HEADS = {"акимат", "управление", "министерство", "департамент", "комитет", "аппарат", "маслихат", "отдел",
             "агентство", "правительство", "администрация", "мэрия", "прокуратура", "парламент", "совет",
             "палата", "дума", "госдума", "собрание", "пресс-служба", "фракция", "инспекция", "ведомство",
             "меджлис", "мажилис", "сенат", "кабинет", "секретариат", "представительство", "посольство",
             "консульство", "филиал", "мид", "мвд", "минобороны", "минфин", "минздрав", "облисполком",
             "райисполком", "горисполком", "исполком", "хокимият", "полпредство"}
GENERIC_ABBR = {"СМИ", "НКО", "ВУЗ", "ВВП", "ЖКХ", "ДТП", "ЧП", "ИТ", "IT", "ОПГ", "ЧС", "ПДД", "ЕС"}
NEEDS_CHAIN = {"управление", "отдел", "совет", "палата", "собрание", "пресс-служба", "комитет", "аппарат",
               "представительство", "филиал", "кабинет", "секретариат", "фракция", "администрация", "служба"}
NAMED_HEADS = {"центр", "завод", "компания", "корпорация", "холдинг", "банк", "фонд", "университет", "институт",
               "театр", "музей", "ансамбль", "бюро", "комбинат", "фабрика", "газета", "журнал", "телеканал",
               "агентство", "партия", "движение", "ассоциация", "союз", "клуб", "школа", "больница", "клиника",
               "фирма", "концерн", "группа", "организация", "общество", "объединение", "предприятие",
               "учреждение", "колледж", "академия", "библиотека", "отель", "гостиница", "аэропорт", "лицей",
               "гимназия", "издательство", "телекомпания", "радиостанция", "кооператив", "хозяйство", "кластер",
               "технопарк", "палата", "федерация", "лаборатория", "инкубатор", "акселератор", "комплекс",
               "бизнес-центр", "медцентр", "агрохолдинг", "птицефабрика", "агрофирма", "кооперация",
               "биржа", "госкорпорация", "нацкомпания", "производитель"}


@lru_cache(maxsize=1)
def _legal_parser() -> Parser:
    """yargy grammar: LEGAL_FORM («name» with nested quotes | Latin words) (и «name»)*."""
    quoted = forward()
    inner = or_(rule(not_(in_({"«", "»"}))), quoted)
    quoted.define(rule(eq("«"), inner.repeatable(max=15), eq("»")))
    full = or_(*[rule(*[normalized(w) if w != "с" else eq("с") for w in words]) for words in FULL_FORMS])
    form = or_(rule(in_(set(LEGAL_FORMS))), full)
    name = or_(quoted, rule(ttype("LATIN").repeatable(max=3)))
    org = rule(form, name, rule(in_({"и", ","}), quoted).optional().repeatable(max=6))
    return Parser(org)


def _form_of(words: list[str]) -> tuple[str, int]:
    """The abbreviation of the legal form at the start of the match and how many words it takes."""
    if words[0] in LEGAL_FORMS:
        return words[0], 1
    from ..morph import lemma

    lem = [lemma(w) for w in words]
    for full, abbr in sorted(FULL_FORMS.items(), key=lambda kv: -len(kv[0])):
        if tuple(lem[: len(full)]) == full:
            return abbr, len(full)
    return words[0], 1


FULL_FORM_TRIGGER = (r"товариществ\w*\s+с\s+ограниченн|акционерн\w*\s+обществ|государственн\w*\s+учрежден|"
                     r"государственн\w*\s+предприят|общественн\w*\s+(?:объединен|фонд)|"
                     r"индивидуальн\w*\s+предпринимател|социально-предпринимательск\w*\s+корпорац")


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern:
    forms = "|".join(sorted(set(LEGAL_FORMS), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?:{forms})\s*(?:«|[A-Za-z])|(?i:(?:\w+\s+)?(?:{FULL_FORM_TRIGGER})))")


class _Shifted:
    """A yargy match moved by `offset` characters (the parser ran on a window of the text)."""

    def __init__(self, match, offset: int) -> None:
        self.tokens = [_ShiftedToken(t, offset) for t in match.tokens]


class _ShiftedToken:
    def __init__(self, token, offset: int) -> None:
        self.value = token.value
        self.span = type("Span", (), {"start": token.span.start + offset, "stop": token.span.stop + offset})()


def _legal_matches(text: str) -> list[_Shifted]:
    """Run the yargy grammar only on windows that start at a legal form (fast on long texts)."""
    out, covered = [], 0
    parser = _legal_parser()
    for hit in _trigger_regex().finditer(text):
        start = hit.start()
        if start < covered:
            continue
        window = text[start:start + 250]
        for match in parser.findall(window):
            if match.span.start <= hit.end() - start:
                out.append(_Shifted(match, start))
                covered = start + match.span.stop
            break
    return out


def legal_orgs(an: Analysis) -> list[Mention]:
    """ТОО «…», АО «НК «…»», СПК «A» и «B», ТОО Maker — every organization with a legal form."""
    out: list[Mention] = []
    by_start = {t.start: t.i for t in an.tokens}
    by_stop = {t.stop: t.i for t in an.tokens}
    for match in _legal_matches(an.text):
        toks = match.tokens
        words = [t.value for t in toks]
        form, n = _form_of(words)
        groups: list[list] = [[]]
        depth = 0
        for t in toks[n:]:
            if depth == 0 and t.value in ("и", ","):
                groups.append([])
                continue
            depth += t.value == "«"
            depth -= t.value == "»"
            groups[-1].append(t)
        for gi, group in enumerate(groups):
            if not group:
                continue
            start = toks[0].span.start if gi == 0 else group[0].span.start
            stop = group[-1].span.stop
            inner = an.text[group[0].span.start:stop]
            if not inner.startswith("«"):
                inner = f"«{inner}»"
            name = f"{form} {inner}"
            first, last = by_start.get(start), by_stop.get(stop)
            if first is None or last is None:
                continue
            out.append(Mention("org", _fix_quotes(name), start, stop, first, last + 1, source="legal"))
    return out


def _fix_quotes(name: str) -> str:
    """Balance the quotes of a name made of a form and a «…» part."""
    form, _, rest = name.partition(" ")
    rest = balance_quotes(rest)
    if not rest.startswith("«") or not rest.endswith("»"):
        rest = f"«{rest}»"
    return f"{form} {rest}"


def _plural(t: Token) -> bool:
    """Plural by Natasha or, when every noun reading of the word is plural, by pymorphy3."""
    from ..morph import parses

    nouns = [p for p in parses(t.low) if p.tag.POS == "NOUN"]
    if t.feats.get("Number") == "Plur" or t.low.endswith(("ами", "ями")):
        return True
    gov = [p for p in nouns if p.normal_form in GOV_HEADS]
    if gov:
        return all("plur" in p.tag for p in gov)
    return bool(nouns) and all("plur" in p.tag for p in nouns)


def _is_gen(t: Token) -> bool:
    return t.feats.get("Case") == "Gen" and t.pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM")


def _is_abbr(t: Token) -> bool:
    return (t.text.isupper() and len(t.text) >= 2) or (t.text[:1].isascii() and t.text[:1].isalpha())


def _adjective_region(an: Analysis, first: int, head: int, adjectives: dict[str, str] | None) -> str | None:
    """«Витебский облисполком», «Тюменская областная дума»: the region named by an adjective before the head."""
    from .places import adjective_stem

    for k in range(first, head):
        code = (adjectives or {}).get(adjective_stem(an.tokens[k].text))
        if code and code != "capital":
            return code
    return None


def _gov_head(t: Token) -> bool:
    """A government body's head noun («акимат», «Акиматы» — Natasha may lemmatize a capitalized plural badly)."""
    from ..morph import parses

    if t.pos in ("NOUN", "PROPN") and t.lemma in GOV_HEADS:
        return True
    if t.pos not in ("NOUN", "PROPN", "ADJ"):
        return False
    return any(p.tag.POS == "NOUN" and p.normal_form in GOV_HEADS for p in parses(t.low))


def _gov_lemma(t: Token) -> str:
    from ..morph import parses

    for p in parses(t.low):
        if p.normal_form in GOV_HEADS:
            return p.normal_form
    return t.lemma


def gov_bodies(an: Analysis, places: list[Mention], adjectives: dict[str, str] | None = None) -> list[Mention]:
    """акимат / управление / министерство … + genitive chain (+ region); "акиматами A и B" gives two."""
    place_at = {m.first: m for m in places}
    out: list[Mention] = []
    toks = an.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if not _gov_head(t):
            i += 1
            continue
        first = i
        while first > 0 and toks[first - 1].pos == "ADJ" and toks[first - 1].sent == t.sent and \
                toks[first - 1].feats.get("Case") == t.feats.get("Case"):
            first -= 1
        j = i + 1
        regions: list[Mention] = []
        chain_end = i + 1
        while j < len(toks) and toks[j].sent == t.sent and j - i < 14:
            tj = toks[j]
            if j in place_at:
                regions.append(place_at[j])
                j = chain_end = place_at[j].last
                if j + 1 < len(toks) and toks[j].text == "и" and j + 1 in place_at and _plural(t):
                    j += 1
                    continue
                break
            if tj.ner == "PER":
                break
            if _is_gen(tj) or (_is_abbr(tj) and tj.text not in ("«", "»")):
                j = chain_end = j + 1
                continue
            if tj.text == "по" and j + 1 < len(toks) and toks[j + 1].feats.get("Case") == "Dat":
                j = chain_end = j + 2
                continue
            if tj.text in (",", "и") and j + 1 < len(toks) and _is_gen(toks[j + 1]) and \
                    toks[j + 1].pos in ("NOUN", "ADJ") and j + 1 not in place_at and toks[j + 1].ner != "PER":
                j += 1
                continue
            break
        if not regions and _plural(t):
            listed, close = _dash_list(an, chain_end, place_at)
            if len(listed) >= 2:
                regions, chain_end = listed, close
        has_adj_name = first < i and toks[first].text[:1].isupper() and first > an.sents[t.sent].first
        if chain_end == i + 1 and not has_adj_name and not t.text[:1].isupper():
            i += 1
            continue
        if chain_end == i + 1 and t.lemma in NEEDS_CHAIN and not has_adj_name:
            i += 1
            continue
        proper = regions or any(toks[x].text[:1].isupper() or _is_abbr(toks[x]) for x in range(i + 1, chain_end))
        if not proper and not has_adj_name and not t.text[:1].isupper():
            i += 1
            continue
        if _plural(t) and len(regions) > 1:
            head = capitalize(np_nominative(an, first, i + 1, singular=True)) if first < i else \
                capitalize(_gov_lemma(t))
            for r in regions:
                phrase = r.extra.get("phrase") or an.span_text(r.first, r.last)
                out.append(Mention("org", f"{head} {phrase}", toks[first].start, r.stop, first, r.last, code=r.code,
                                   source="gov", extra={"split": True}))
        else:
            name = capitalize(np_nominative(an, first, chain_end, singular=True))
            if (t.pos == "ADJ" or t.lemma not in GOV_HEADS) and first == i:  # «акиматом» lemmatized badly
                name = capitalize(_gov_lemma(t)) + an.text[t.stop:toks[chain_end - 1].stop]
            if regions and regions[0].extra.get("phrase") and regions[0].source == "coordinated":
                name = f"{capitalize(np_nominative(an, first, i + 1, singular=True))} {regions[0].extra['phrase']}"
            code = regions[0].code if regions else _adjective_region(an, first, i, adjectives)
            out.append(Mention("org", name, toks[first].start, toks[chain_end - 1].stop, first, chain_end,
                               code=code, source="gov"))
        i = chain_end
    return out


def _dash_list(an: Analysis, j: int, place_at: dict[int, Mention]) -> tuple[list[Mention], int]:
    """«Акиматы трёх мегаполисов — Астаны, Алматы и Шымкента —»: the places listed between dashes (or in
    brackets) right after a plural body, and the token index after the list."""
    toks = an.tokens
    if j >= len(toks) or toks[j].text not in ("—", "–", "("):
        return [], j
    found: list[Mention] = []
    k = j + 1
    while k < len(toks) and toks[k].sent == toks[j].sent:
        if k in place_at:
            found.append(place_at[k])
            k = place_at[k].last
        elif toks[k].text in (",", "и") and found:
            k += 1
        elif toks[k].text in ("—", "–", ")") and found:
            return found, k
        else:
            break
    return [], j


def named_orgs(an: Analysis) -> list[Mention]:
    """(adjectives) центр / завод / компания … «Name» — an institution named in quotes."""
    out: list[Mention] = []
    toks = an.tokens
    for i, t in enumerate(toks[:-2]):
        if t.lemma not in NAMED_HEADS or toks[i + 1].text != "«":
            continue
        depth, j = 0, i + 1
        while j < len(toks) and toks[j].sent == t.sent:
            depth += toks[j].text == "«"
            depth -= toks[j].text == "»"
            if depth == 0:
                break
            j += 1
        if j >= len(toks) or depth != 0 or j - i > 12:
            continue
        first = i
        while first > 0 and toks[first - 1].pos == "ADJ" and toks[first - 1].feats.get("Case") == t.feats.get("Case"):
            first -= 1
        head = capitalize(np_nominative(an, first, i + 1, singular=True)) if first < i else \
            np_nominative(an, first, i + 1, singular=True)
        quoted = balance_quotes(an.span_text(i + 1, j + 1))
        out.append(Mention("org", f"{head} «{quoted}»", toks[first].start, toks[j].stop, first, j + 1,
                           source="named", aliases=[quoted]))
    return out


#: Institutions named by a proper adjective without quotes: «Павлодарский аграрный колледж».
INSTITUTION_HEADS = {"колледж", "университет", "институт", "театр", "музей", "академия", "лицей", "гимназия",
                     "больница", "завод", "комбинат", "фабрика", "элеватор", "технопарк", "филармония",
                     "консерватория", "техникум", "библиотека", "цирк", "зоопарк", "училище"}


def adjective_orgs(an: Analysis) -> list[Mention]:
    """«Атырауский политехнический колледж», «Мангистауским колледжем сервиса»: a proper adjective (a place's),
    other adjectives, an institution's head noun and its lower-case genitive complement."""
    out: list[Mention] = []
    toks = an.tokens
    for i, t in enumerate(toks):
        if t.lemma not in INSTITUTION_HEADS or t.pos != "NOUN":
            continue
        first = i
        while first > 0 and i - first < 3 and toks[first - 1].pos in ("ADJ", "PROPN") and \
                toks[first - 1].sent == t.sent and re.search(r"(?:ий|ый|ой|ого|ому|им|ым|ом|ая|ой|ую|ое|ие|ые|ых|их|"
                                                              r"ими|ыми)$", toks[first - 1].low):
            first -= 1
        if first == i or not toks[first].text[:1].isupper() or toks[first].text.isupper():
            continue
        if first == an.sents[t.sent].first and _common_word(toks[first].low):
            continue
        last = i + 1
        while last < len(toks) and last - i <= 2 and toks[last].sent == t.sent and toks[last].pos == "NOUN" and \
                toks[last].case == "gent" and toks[last].text.islower():
            last += 1
        head = capitalize(np_nominative(an, first, i + 1, singular=True))
        tail = an.span_text(i + 1, last) if last > i + 1 else ""
        name = f"{head} {tail}".strip()
        out.append(Mention("org", name, toks[first].start, toks[last - 1].stop, first, last, source="adjective"))
    return out


def ner_orgs(an: Analysis, places: list[Mention], countries: set[str]) -> list[Mention]:
    """Natasha's ORG spans, adjacent parts merged, put into the nominative."""
    spans = [s for s in an.ner if s.type in ("ORG", "LOC", "PER")]
    out: list[Mention] = []
    k = 0
    while k < len(spans):
        s = spans[k]
        if s.type != "ORG":
            k += 1
            continue
        first, last = s.first, s.last
        while k + 1 < len(spans) and spans[k + 1].type in ("ORG", "LOC") and spans[k + 1].first == last and \
                an.tokens[spans[k + 1].first].feats.get("Case") in ("Gen", None) and \
                an.tokens[spans[k + 1].first].sent == an.tokens[first].sent:
            k += 1
            last = spans[k].last
        while first < last and an.tokens[first].text in "«»":
            first += 1
        if last < len(an.tokens) and an.tokens[last - 1].text != "»" and an.tokens[last].text == "»" and \
                "«" in an.span_text(first, last):
            last += 1
        k += 1
        if first >= last:
            continue
        text = an.span_text(first, last)
        if text.strip("«» ").lower() in countries or text.strip("«» ") in GENERIC_ABBR:
            continue
        if _region_with_common_words(an, first, last, places):
            continue
        if last - first <= 3 and re.search(r"(?:ұлы|улы|қызы|кызы)$", an.tokens[last - 1].text):
            continue  # «Беріком Әбдіғалиұлы» is a person
        aliases = []
        par = next((x for x in range(first + 1, last) if an.tokens[x].text == "("), None)
        if par is not None:
            close = next((x for x in range(par, last) if an.tokens[x].text == ")"), last)
            if close > par + 1:
                aliases.append(an.span_text(par + 1, close))
            last = par
        name = balance_quotes(np_nominative(an, first, last))
        if not name:
            continue
        out.append(Mention("org", name, an.tokens[first].start, an.tokens[last - 1].stop, first, last,
                           source="ner", aliases=aliases))
    return out


def _region_with_common_words(an: Analysis, first: int, last: int, places: list[Mention]) -> bool:
    """«ВКО», «Аграрии ВКО»: a region's name with nothing but common words around it is no organization."""
    inside = {k for m in places if m.kind == "region" and m.first >= first and m.last <= last
              for k in range(m.first, m.last)}
    if not inside:
        return False
    sent_first = an.sents[an.tokens[first].sent].first
    for k in range(first, last):
        t = an.tokens[k]
        if k in inside or t.pos == "PUNCT" and t.text not in "«»":
            continue
        if t.text in "«»" or _is_abbr(t) or t.lemma in GOV_HEADS or t.lemma in NAMED_HEADS:
            return False
        if t.text[:1].isupper() and not (k == sent_first and _common_word(t.low)):
            return False
    return True


def _common_word(word: str) -> bool:
    """pymorphy3 knows the word as a common noun, adjective or verb (not a name or a place)."""
    from ..morph import parses

    best = parses(word)[0]
    return best.is_known and not ({"Name", "Surn", "Geox", "Orgn", "Abbr"} & best.tag.grammemes)


def merge_orgs(groups: list[list[Mention]], an: Analysis) -> list[Mention]:
    """Keep the strongest non-overlapping mentions (earlier groups win); NER descriptors before a legal name
    become its aliases."""
    kept: list[Mention] = []
    for group in groups:
        for m in group:
            clash = [k for k in kept if overlaps(k, m) and not (k.extra.get("split") and m.extra.get("split")
                                                                and k.first == m.first)]
            if clash:
                continue
            if m.source in ("ner", "adjective"):
                nxt = [k for k in kept if k.source == "legal" and 0 <= k.start - m.stop <= 1]
                if nxt:
                    nxt[0].aliases.append(m.name)
                    continue
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _stems(name: str) -> frozenset[str]:
    return frozenset(w[:5] for w in re.findall(r"[0-9a-zа-яё]+", name.lower().replace("ё", "е")))


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-«»]+", name) if w and w.lower() not in ("and", "of", "the", "и")]
    return "".join(w[0] for w in words).upper()


def _core(name: str) -> str:
    """The first word of a name after its legal form."""
    words = re.findall(r"[0-9a-zа-яё]+", name.lower().replace("ё", "е"))
    while words and words[0].upper() in LEGAL_FORMS:
        words = words[1:]
    return words[0][:5] if words else ""


def _same_org(a: Mention, b: Mention) -> bool:
    """b names the same organization as a: a shorter form, an abbreviation, or a shared alias."""
    if a.extra.get("split") or b.extra.get("split"):
        return a.name == b.name
    sa, sb = _stems(a.name), _stems(b.name)
    if not sa or not sb:
        return False
    short, long_ = (a, b) if len(sa) <= len(sb) else (b, a)
    if _stems(short.name) <= _stems(long_.name) and _core(long_.name) in _stems(short.name):
        return True
    for x, y in ((a, b), (b, a)):
        abbr = y.name.strip("«»")
        if abbr.isupper() and 2 <= len(abbr) <= 6 and abbr.isalpha() and _initials(x.name) == abbr:
            return True
    names_a = {a.name.lower(), *(x.lower() for x in a.aliases)}
    names_b = {b.name.lower(), *(x.lower() for x in b.aliases)}
    return bool(names_a & names_b)


def cluster_orgs(orgs: list[Mention]) -> list[list[Mention]]:
    """Group the mentions of one organization; the group's first mention carries the fullest name."""
    groups: list[list[Mention]] = []
    for m in orgs:
        for g in groups:
            if any(_same_org(x, m) for x in g):
                g.append(m)
                if _stems(g[0].name) < _stems(m.name) and not m.name.isupper():
                    g.insert(0, g.pop())
                break
        else:
            groups.append([m])
    return groups


QUOTE_MARKS = {"«", "»", '"', "“", "”", "„"}
#: Generic nouns that say what kind of organization a proper name is: «компания Nokia», «мессенджер WhatsApp».
DESCRIPTORS = NAMED_HEADS | {"медиахолдинг", "инвестфонд", "издание", "канал", "сеть", "соцсеть", "мессенджер",
                             "сервис", "фракция", "авиакомпания", "автопроизводитель", "оператор", "ритейлер",
                             "галерея", "группировка", "портал", "студия", "киностудия", "лейбл", "гигант",
                             "монополист", "концерн", "коллектив", "команда", "ансамбль", "журнал", "газета",
                             "радиостанция", "телеканал", "агенство", "интернет-компания", "интернет-гигант",
                             "блог-сервис", "рок-группа", "панк-группа", "поисковик", "маркетплейс"}


def _descriptor(t: Token) -> bool:
    if not t.text.isalpha() and "-" not in t.text:
        return False
    return t.lemma in DESCRIPTORS or t.lemma.rsplit("-", 1)[-1] in DESCRIPTORS


def ner_extent(an: Analysis, m: Mention) -> tuple[int, int]:
    """Token range of an organization as a named-entity span: without the quote marks around the name, and
    with the generic noun (and its adjectives) naming its kind right before a proper name: «российской
    компании «Роснефть»» → «российской компании «Роснефть»; «мессенджер WhatsApp»."""
    toks = an.tokens
    first, last = m.first, m.last
    while last - first > 1 and toks[last - 1].text in QUOTE_MARKS:
        last -= 1
    while last - first > 1 and toks[first].text in QUOTE_MARKS:
        first += 1
    if not (toks[first].text[:1].isupper() or toks[first].text[:1].isdigit() or toks[first].text[:1].isascii()):
        return first, last
    k = first - 1
    if k >= 0 and toks[k].text in QUOTE_MARKS:
        k -= 1
    start = first
    sent = toks[first].sent
    while k >= 0 and toks[k].sent == sent and _descriptor(toks[k]) and \
            (toks[k].text.islower() or k == an.sents[sent].first):
        start = k
        k -= 1
        while k >= 0 and toks[k].sent == sent and toks[k].pos == "ADJ" and toks[k].text.islower() and \
                toks[k].case == toks[start].case:
            start = k
            k -= 1
    return start, last

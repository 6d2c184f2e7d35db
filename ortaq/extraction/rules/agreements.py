"""Agreements and their parties.

Parties come from, in this order: a colon list split by «;» («подписаны 3 меморандума: между A и B; C и D»),
«между X и Y», the subject of the signing verb (organizations, regions, or the signatories standing for their
regions), «с X» after the verb, and «стороны» / «регионы» read back as the two regions the text is about.
A document only discussed or planned («обсудили возможность подписания», «планируют подписать») is no agreement;
the press service or a news agency that reports the signing is never a party.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..nlp import Analysis, Token
from .common import Mention
from .figures import WORD_NUMBERS

KINDS = {"меморандум": "memorandum", "соглашение": "agreement", "договор": "contract", "контракт": "contract",
         "протокол": "other", "договоренность": "agreement", "сделка": "agreement"}
SIGN_VERBS = {"подписать", "заключить", "подписывать", "заключать", "парафировать", "подписаться", "утвердить",
              "утверждать", "скрепить", "поставить", "подписан", "заключен"}
#: Verbs that sign only with «подписи» beside them: «скрепили подписями», «поставили свои подписи».
SIGNATURE_VERBS = {"скрепить", "поставить"}
#: Words that make a document only planned or discussed when they govern it or stand in its sentence without
#: a signing verb.
PLANNED = {"возможность", "планировать", "намереваться", "намерен", "обсудить", "обсуждать", "обсуждаться",
           "предложить", "проект", "подготовка", "подписание", "разработка", "рассмотреть", "рассчитывать",
           "договориться", "готовить", "подготовить", "собираться"}
GENERIC_PARTIES = {"сторона", "страна", "регион", "государство", "область", "город", "район"}
#: Who reports the news is no party: press services, news agencies, correspondents.
REPORTERS = {"пресс-служба", "корреспондент", "агентство", "ИА", "МИА", "пресс-центр", "пресс-секретарь"}
#: A plan of joint actions is a roadmap: «план совместных мероприятий», «план действий».
PLAN_OBJECTS = {"мероприятие", "действие", "шаг"}


@dataclass
class Agreement:
    """An agreement: its kind, party names, and the normalized-text span."""

    kind: str
    parties: list[str]
    start: int
    stop: int
    party_mentions: list[Mention] = field(default_factory=list)


def _trigger_kind(an: Analysis, k: int) -> str | None:
    toks = an.tokens
    t = toks[k]
    if t.lemma == "карта" and k and toks[k - 1].lemma == "дорожный":
        return "roadmap"
    if t.lemma == "план" and any(toks[x].lemma in PLAN_OBJECTS for x in range(k + 1, min(len(toks), k + 3))):
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


def _sign_verb(t: Token, an: Analysis) -> bool:
    """A finite or participle signing verb (not an infinitive, not a future: those are plans)."""
    if t.lemma not in SIGN_VERBS or t.pos not in ("VERB", "AUX", "ADJ"):
        return False
    if t.feats.get("VerbForm") == "Inf" or t.feats.get("Tense") == "Fut":
        return False
    if t.lemma in SIGNATURE_VERBS:
        sent = an.sents[t.sent]
        return any(an.tokens[x].lemma == "подпись" for x in range(sent.first, sent.last))
    return True


def _signed(an: Analysis, k: int) -> tuple[bool, int | None]:
    """Whether the document at token k is reported signed, and the signing verb's index when there is one."""
    toks = an.tokens
    sent = an.sents[toks[k].sent]
    x, depth = toks[k].head, 0
    while x >= 0 and depth < 3:
        if toks[x].lemma in PLANNED or (toks[x].lemma in SIGN_VERBS and not _sign_verb(toks[x], an)):
            return False, None
        if _sign_verb(toks[x], an):
            return True, x
        x, depth = toks[x].head, depth + 1
    verbs = [x for x in range(sent.first, sent.last) if _sign_verb(toks[x], an)]
    if verbs:
        return True, min(verbs, key=lambda v: abs(v - k))
    planned = any(toks[x].lemma in PLANNED or (toks[x].lemma in SIGN_VERBS and toks[x].feats.get("VerbForm") == "Inf")
                  for x in range(sent.first, sent.last))
    return not planned, None


class Parties:
    """The candidate parties of a text: organizations, regions, countries and signatories, by token."""

    def __init__(self, an: Analysis, orgs: list[Mention], places: list[Mention], persons: list,
                 region_names: dict[str, str], districts: list[Mention] | None = None) -> None:
        self.an = an
        self.places = places
        self.region_names = region_names
        self.districts = [d for d in districts or [] if not any(o.first <= d.first < o.last for o in orgs)]
        # the region after a district («Уланский район ВКО») only says where the district is
        qualifiers = {d.last for d in self.districts}
        mentions = [o for o in orgs if not _reporter(an, o)]
        mentions += [p for p in places if not any(o.first <= p.first < o.last for o in orgs)
                     and p.first not in qualifiers]
        mentions += self.districts
        for person in persons:
            party = _signatory_party(person, region_names)
            for m in person.mentions:
                if party is not None:
                    mentions.append(Mention(party[0], party[1], m.start, m.stop, m.first, m.last, code=party[2],
                                            source="signatory"))
        self.mentions = sorted(mentions, key=lambda m: (m.first, -m.last))

    def within(self, lo: int, hi: int) -> list[Mention]:
        """Party mentions inside tokens [lo, hi), left to right, one per name (signatories after the others)."""
        found = [m for m in self.mentions if m.first >= lo and m.last <= hi]
        direct = [m for m in found if m.source != "signatory"]
        covered = {k for m in direct for k in range(m.first, m.last)}
        codes = {m.code for m in direct if m.code}
        found = direct + [m for m in found if m.source == "signatory" and m.first not in covered
                          and m.code not in codes]
        return _unique(sorted(found, key=lambda m: m.first))

    def chain_before(self, end: int, lo: int) -> list[Mention]:
        """«ТОО «A» и ООО «B» заключили»: the coordinated mentions that end right before token `end`."""
        toks = self.an.tokens
        out: list[Mention] = []
        j = end - 1
        while j >= lo:
            m = next((m for m in self.mentions if m.last == j + 1 and m.first >= lo and m.source != "signatory"),
                     None)
            if m is not None:
                # bodies split from one phrase («акиматы Атырауской и Мангистауской областей») share a first token
                twins = [x for x in self.mentions if x.extra.get("split") and x.first == m.first and x is not m]
                out[:0] = [*twins, m]
                j = m.first - 1
            elif out and toks[j].text in ("и", ",", "—"):
                j -= 1
            elif not out and toks[j].pos in ("ADV", "PART"):
                j -= 1  # «… и ООО «B» уже заключили»
            else:
                break
        return _unique(sorted(out, key=lambda m: (m.first, m.last)))

    def after(self, start: int, hi: int) -> list[Mention]:
        """«подписали акиматы X и Y», «подписали аким X … и губернатор Y …»: the subject after the verb, up to
        the first preposition or punctuation outside a name («в ходе ярмарки», «, сообщает …»)."""
        toks = self.an.tokens
        inside = {k for m in self.mentions for k in range(m.first, m.last)}
        stop = start
        while stop < hi and (stop in inside or (toks[stop].pos not in ("ADP", "PUNCT", "VERB", "SCONJ")
                                                or toks[stop].text in ("«", "»"))):
            stop += 1
        return self.within(start, stop)

    def main_regions(self, before: int) -> list[Mention]:
        """«Стороны», «регионы»: the two regions (else countries) the text names most up to token `before`; the
        two districts when the text is about districts («делегация … района посетила … район», «районы»)."""
        districts = [m for m in self.districts if m.first < before]
        regions = [m for m in self.places if m.kind == "region" and m.first < before]
        if len({m.name for m in districts}) >= 2 and len(districts) >= len(regions):
            counts = Counter(m.name for m in districts)
            return [next(m for m in districts if m.name == n) for n, _ in counts.most_common(2)]
        for kinds in (("region",), ("country",)):
            seen = [m for m in self.places if m.kind in kinds and m.first < before]
            counts = Counter(m.name for m in seen)
            top = [n for n, _ in counts.most_common(2)]
            if len(top) == 2:
                return [next(m for m in seen if m.name == n) for n in top]
        return []


def _reporter(an: Analysis, m: Mention) -> bool:
    words = m.name.replace("«", " ").split()
    return bool(words) and (words[0] in REPORTERS or words[0].lower() in REPORTERS or
                            an.tokens[m.first].lemma in REPORTERS)


def _signatory_party(person, region_names: dict[str, str]) -> tuple[str, str, str | None] | None:
    """A signatory stands for the organization or region of their post."""
    pos = person.position or {}
    if pos.get("organization"):
        return "org", pos["organization"], pos.get("region")
    if pos.get("region") and pos.get("title") not in (None, "президент", "министр", "премьер-министр"):
        return "region", region_names.get(pos["region"], pos["region"]), pos["region"]
    return None


def _unique(mentions: list[Mention]) -> list[Mention]:
    out, names, codes = [], set(), set()
    for m in mentions:
        key_code = m.code if m.kind == "region" or m.source == "signatory" else None
        if m.name in names or (key_code and key_code in codes):
            continue
        out.append(m)
        names.add(m.name)
        if key_code:
            codes.add(key_code)
    return out


def _clean(parties: list[Mention], an: Analysis) -> list[Mention]:
    """Countries named beside regions or organizations, and bodies named without a proper name, drop out."""
    concrete = [m for m in parties if m.kind not in ("country", "district")]
    if len(concrete) >= 2:
        parties = concrete
    named = [m for m in parties if m.kind != "org" or m.code or m.source in ("legal", "named", "adjective", "gazetteer")
             or any(an.tokens[x].text[:1].isupper() or an.tokens[x].text == "«" for x in range(m.first + 1, m.last))]
    if len(named) >= 2:
        parties = named
    return _unique(parties)


def _subject_verb(an: Analysis, verb: int) -> int:
    """The verb whose subject the signing verb shares: «Стороны обсудили … и подписали …» → «обсудили»."""
    toks = an.tokens
    sent = an.sents[toks[verb].sent]
    own = any(toks[x].head == verb and toks[x].rel.startswith("nsubj") for x in range(sent.first, sent.last))
    head = toks[verb].head
    if not own and toks[verb].rel == "conj" and head >= 0 and toks[head].pos == "VERB":
        return head
    return verb


def _subject(an: Analysis, verb: int) -> tuple[int, int] | None:
    """Token range of the signing verb's subject subtree (a coordinated verb's shared subject included)."""
    toks = an.tokens
    sent = an.sents[toks[verb].sent]
    verb = _subject_verb(an, verb)
    subj = [x for x in range(sent.first, sent.last) if toks[x].head == verb and toks[x].rel in ("nsubj", "nsubj:pass")]
    if not subj:
        return None
    members = set(subj)
    changed = True
    while changed:
        changed = False
        for x in range(sent.first, sent.last):
            if x not in members and toks[x].head in members and x != verb:
                members.add(x)
                changed = True
    return min(members), max(members) + 1


def _with_parties(an: Analysis, parties: Parties, k: int, verb: int | None) -> list[Mention]:
    """«заключил с ТОО «B» договор», «подписал меморандумы … с акиматами X и Y»: the parties after «с»."""
    toks = an.tokens
    sent = an.sents[toks[k].sent]
    lo = min(k, verb) if verb is not None else k
    for x in range(lo, sent.last - 1):
        if toks[x].low == "с" and toks[x + 1].case in ("ablt", None):
            found = [m for m in parties.mentions if m.first == x + 1 and m.source != "signatory"]
            if found:
                chain = [found[0]]
                j = found[0].last
                while j + 1 < sent.last and toks[j].text in ("и", ","):
                    nxt = [m for m in parties.mentions if m.first == j + 1 and m.source != "signatory"]
                    if not nxt:
                        break
                    chain.append(nxt[0])
                    j = nxt[0].last
                # split bodies («акиматами Туркестанской и Жамбылской областей») share their first token
                chain += [m for m in parties.mentions if m.extra.get("split") and m.first == x + 1
                          and m not in chain]
                return _unique(chain)
    return []


def _generic_subject(an: Analysis, verb: int) -> bool:
    toks = an.tokens
    sent = an.sents[toks[verb].sent]
    verb = _subject_verb(an, verb)
    return any(toks[x].lemma in GENERIC_PARTIES and toks[x].head == verb and toks[x].rel.startswith("nsubj")
               for x in range(sent.first, sent.last))


def _colon_list(an: Analysis, parties: Parties, k: int, kind: str) -> list[Agreement] | None:
    """«Подписаны 3 меморандума: между A и B; C и D — о …»: one agreement per «;»-separated item."""
    toks = an.tokens
    t = toks[k]
    sent = an.sents[t.sent]
    colon = next((x for x in range(k + 1, sent.last) if toks[x].text == ":"), None)
    if colon is None or colon - k >= 4:
        return None
    items, lo = [], colon + 1
    last = sent.last
    while toks[last - 1].text == ";" and last < len(toks) and toks[last].sent != t.sent and \
            toks[last].text not in ("—", "-"):
        last = an.sents[toks[last].sent].last
    for x in range(colon + 1, last + 1):
        if x == last or toks[x].text == ";" or (x == last - 1 and toks[x].text == "."):
            items.append((lo, x))
            lo = x + 1
    out = []
    for lo, hi in items:
        dash = next((x for x in range(lo + 1, hi) if toks[x].text == "—"), hi)
        found = _clean(parties.within(lo, dash), an)
        if len(found) >= 2:
            out.append(Agreement(kind, [m.name for m in found], toks[lo].start, toks[hi - 1].stop, found))
    return out


def _between(an: Analysis, parties: Parties, k: int) -> list[Mention]:
    toks = an.tokens
    sent = an.sents[toks[k].sent]
    between = next((x for x in range(k + 1, min(sent.last, k + 20)) if toks[x].lemma == "между"), None)
    if between is None:
        between = next((x for x in range(max(sent.first, k - 8), k) if toks[x].lemma == "между"), None)
    if between is None:
        return []
    end = next((x for x in range(between + 1, sent.last) if toks[x].text in (";", ".", ":", "—")), sent.last)
    found = _clean(parties.within(between + 1, end), an)
    if len(found) < 2 and between + 2 < sent.last and toks[between + 1].lemma in GENERIC_PARTIES | {"два", "оба"} \
            or (between + 2 < sent.last and toks[between + 2].lemma in GENERIC_PARTIES):
        return parties.main_regions(k) if len(found) < 2 else found
    return found


def find_agreements(an: Analysis, orgs: list[Mention], places: list[Mention], persons: list,
                    region_names: dict[str, str] | None = None,
                    districts: list[Mention] | None = None) -> list[Agreement]:
    """Agreements with at least two parties, from every signed document the text reports."""
    parties = Parties(an, orgs, places, persons, region_names or {}, districts)
    out: list[Agreement] = []
    toks = an.tokens
    for k, t in enumerate(toks):
        kind = _trigger_kind(an, k)
        if kind is None:
            continue
        signed, verb = _signed(an, k)
        listed = _colon_list(an, parties, k, kind)
        if listed is not None:
            if signed:
                out += listed
            continue
        if _aggregate(an, k) or not signed:
            continue
        found = _between(an, parties, k)
        if len(found) < 2 and verb is not None:
            found, partners = _by_verb(an, parties, k, verb, t)
            if len(found) < 2:
                continue
            if partners and len(found) > 2 and _plural_trigger(t):
                # «подписал меморандумы … с акиматами X и Y»: one bilateral document per partner
                for other in found[1:]:
                    out.append(Agreement(_kind_for(kind, t, [found[0], other]), [found[0].name, other.name],
                                         t.start, t.stop, [found[0], other]))
                continue
        if len(found) >= 2:
            out.append(Agreement(_kind_for(kind, t, found), [m.name for m in found], t.start, t.stop, found))
    return _dedupe(out)


def _by_verb(an: Analysis, parties: Parties, k: int, verb: int, t: Token) -> tuple[list[Mention], bool]:
    """Parties from the signing verb: its subject (or the mentions right before it), then «с X»; and whether
    the partners came after «с» (one signer, several partners)."""
    sent = an.sents[t.sent]
    span = _subject(an, verb)
    found: list[Mention] = []
    if span is not None and not (span[0] <= k < span[1]):
        found = _clean(parties.within(*span), an)
    if len(found) < 2:
        before = parties.chain_before(verb, sent.first)
        if len(before) > len(found):
            found = _clean(before, an)
    if len(found) < 2 and k < verb:
        after = _clean(parties.after(verb + 1, sent.last), an)
        if len(after) >= 2:
            found = after
    if len(found) < 2:
        with_ = _with_parties(an, parties, k, verb)
        if with_ and found:
            return _clean(found[:1] + with_, an), True
        found = found or with_
    if len(found) < 2 and _generic_subject(an, verb):
        found = parties.main_regions(k)
    return found, False


def _plural_trigger(t: Token) -> bool:
    return t.feats.get("Number") == "Plur"


def _kind_for(kind: str, t: Token, found: list[Mention]) -> str:
    if kind == "contract" and t.lemma == "договор" and all(p.kind in ("region", "country") for p in found):
        return "agreement"
    return kind


#: Bodies that stand for their region as a party: its government, administration, akimat.
REGION_BODIES = {"акимат", "правительство", "облисполком", "хокимият", "администрация", "мэрия", "исполком"}


def _stands_for_region(m: Mention) -> bool:
    first = m.name.split()[0].lower() if m.name else ""
    second = m.name.split()[1].lower() if len(m.name.split()) > 1 else ""
    return m.kind == "region" or m.source == "signatory" or first in REGION_BODIES or second in REGION_BODIES


def _dedupe(items: list[Agreement]) -> list[Agreement]:
    """One agreement per set of parties; a headline and its report («Акмолинская и Минская области подписали
    соглашение» … «подписи под соглашением поставили председатель Минского облисполкома и аким …») name the
    same document of the same kind with the same regions."""
    seen, out = set(), []
    for a in items:
        keys = {frozenset(a.parties)}
        if a.party_mentions and all(m.code and _stands_for_region(m) for m in a.party_mentions):
            keys.add((a.kind, frozenset(m.code for m in a.party_mentions)))
        if keys & seen:
            continue
        seen |= keys
        out.append(a)
    return out

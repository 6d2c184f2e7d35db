"""Finding the registry record a proposal already describes, so accepting links instead of duplicating.

Names are compared as sets of lemmas (case, word forms, quotes and ё ignored): the score is their
Jaccard similarity, and a record is proposed as a match from LINK_THRESHOLD up.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict

from django.db.models import Q

from ortaq.core.search import fold, lemma, words_of

LINK_THRESHOLD = 0.67
# Words too common to find candidates by (every akimat, every region has them).
COMMON = {"акимат", "область", "город", "тоо", "ао", "гу", "управление", "г", "и", "по", "республика"}


def name_key(name: str) -> frozenset[str]:
    """The lemmas of a name's words."""
    return frozenset(lemma(word) for word in words_of(name))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


#: Bodies that stand for their region as an agreement party when the registry has no record of them.
REGION_GOVERNMENTS = {"акимат", "правительство", "облисполком", "хокимият", "администрация", "мэрия"}


class NameIndex:
    """Names (and aliases) of records by their lemma sets, for fast best-match look-ups."""

    def __init__(self, rows) -> None:
        self.keys: dict[int, list[frozenset[str]]] = defaultdict(list)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        for pk, names in rows:
            for name in names:
                key = name_key(name)
                if key:
                    self.keys[pk].append(key)
                    for word in key:
                        self.by_word[word].add(pk)

    def best(self, name: str) -> tuple[int | None, float]:
        """The id of the best-matching record and its score (None, 0 when nothing reaches the threshold)."""
        key = name_key(name)
        words = [w for w in key if w not in COMMON] or list(key)
        candidates = set().union(*(self.by_word.get(w, set()) for w in words)) if words else set()
        best_pk, best_score = None, 0.0
        for pk in candidates:
            score = max(jaccard(key, other) for other in self.keys[pk])
            if score > best_score or (score == best_score and best_pk is not None and pk < best_pk):
                best_pk, best_score = pk, score
        return (best_pk, round(best_score, 2)) if best_score >= LINK_THRESHOLD else (None, 0.0)


class Matcher:
    """Matches proposals against the registry; built once per request or per ingest run."""

    def __init__(self, cached: bool = False) -> None:
        from ortaq.directory.models import Organization
        from ortaq.regions.models import Region

        self.organizations = NameIndex(
            (pk, [name, short, *(aliases or [])])
            for pk, name, short, aliases in Organization.objects.values_list("pk", "name", "short_name", "aliases")
        )
        self.regions = NameIndex(
            (pk, [name, *(historic or [])])
            for pk, name, historic in Region.objects.values_list("pk", "name_ru", "historic_names")
        )
        self.region_ids = dict(Region.objects.values_list("code", "pk"))
        # A bulk run writes no registry records, so a payload's match can be remembered for the whole run.
        self.cache: dict | None = {} if cached else None
        self._by_surname: dict | None = None
        self.akimat_regions = dict(
            Organization.objects.filter(kind=Organization.Kind.AKIMAT, region__isnull=False)
            .values_list("pk", "region_id")
        )

    # -- one kind each -------------------------------------------------------------------------------------
    def region(self, code: str | None):
        from ortaq.regions.models import Region

        pk = self.region_ids.get(code or "")
        return (Region.objects.get(pk=pk), 1.0) if pk else (None, 0.0)

    def organization(self, name: str):
        from ortaq.directory.models import Organization

        pk, score = self.organizations.best(name or "")
        return (Organization.objects.get(pk=pk), score) if pk else (None, 0.0)

    def _people(self, last_name: str) -> list:
        """People with this surname (all people are loaded once per matcher: one query, not one per name)."""
        from ortaq.directory.models import Person

        if self._by_surname is None:
            self._by_surname = defaultdict(list)
            for person in Person.objects.order_by("pk"):
                self._by_surname[fold(person.last_name)].append(person)
        return self._by_surname.get(fold(last_name), [])

    def person(self, name: str):
        words = (name or "").split()
        if not words:
            return None, 0.0
        for person in self._people(words[-1]):
            first = person.first_name.lower().replace("ё", "е")
            given = words[0].lower().replace("ё", "е").rstrip(".") if len(words) > 1 else ""
            if not given or not first:
                return person, 0.7
            if first == given or (len(given) == 1 and first.startswith(given)):
                return person, 1.0
        return None, 0.0

    def resolve_party(self, name: str) -> tuple[str, int] | None:
        """('organization', id) or ('region', id): the registry record an agreement party names."""
        org_pk, org_score = self.organizations.best(name)
        region_pk, region_score = self.regions.best(name)
        if region_pk and region_score >= org_score:
            return ("region", region_pk)
        if org_pk:
            return ("organization", org_pk)
        head, _space, rest = name.partition(" ")
        if rest and lemma(head) in REGION_GOVERNMENTS:
            # «Акимат Павлодарской области», «Правительство Омской области» not in the registry: the region itself
            region_pk, _score = self.regions.best(rest)
            if region_pk:
                return ("region", region_pk)
        return None

    def party(self, name: str) -> tuple[str, int] | None:
        """A party's comparison key: ('org', id) or ('region', id); an akimat stands for its region."""
        resolved = self.resolve_party(name)
        if resolved is None:
            return None
        what, pk = resolved
        return self._party_key(pk, None) if what == "organization" else ("region", pk)

    def agreement(self, kind: str, parties: list[str]):
        """An agreement of the same kind with the same set of parties."""
        from ortaq.agreements.models import Agreement

        wanted = [self.party(name) for name in parties]
        if len(wanted) < 2 or None in wanted:
            return None, 0.0
        wanted_set = set(wanted)
        first_kind, first_pk = wanted[0]
        candidates = Agreement.objects.filter(kind=kind)
        if first_kind == "region":
            akimats = [pk for pk, region in self.akimat_regions.items() if region == first_pk]
            candidates = candidates.filter(Q(parties__region_id=first_pk) | Q(parties__organization_id__in=akimats))
        else:
            candidates = candidates.filter(parties__organization_id=first_pk)
        for agreement in candidates.distinct().prefetch_related("parties").order_by("pk"):
            have = {self._party_key(p.organization_id, p.region_id) for p in agreement.parties.all()}
            if have == wanted_set:
                return agreement, 1.0
        return None, 0.0

    def _party_key(self, organization_id: int | None, region_id: int | None) -> tuple[str, int]:
        if organization_id:
            if organization_id in self.akimat_regions:
                return ("region", self.akimat_regions[organization_id])
            return ("org", organization_id)
        return ("region", region_id)

    def event(self, kind: str, region_code: str | None, title: str | None, day: datetime.date | None):
        """An event of the same kind in the same region on the same day (or with a similar title)."""
        from ortaq.events.models import Event

        candidates = Event.objects.filter(kind=kind, region_id=self.region_ids.get(region_code or ""))
        if day:
            found = candidates.filter(start_date=day).order_by("pk").first()
            return (found, 1.0) if found else (None, 0.0)
        if title:
            key = name_key(title)
            for event in candidates.order_by("pk")[:200]:
                score = jaccard(key, name_key(event.title))
                if score >= LINK_THRESHOLD:
                    return event, round(score, 2)
        return None, 0.0

    def match(self, kind: str, payload: dict, day: datetime.date | None = None):
        """The matching record of a proposal's payload and the score, or (None, 0)."""
        if self.cache is None:
            return self._match(kind, payload, day)
        key = (kind, json.dumps(payload, sort_keys=True, ensure_ascii=False), day)
        if key not in self.cache:
            self.cache[key] = self._match(kind, payload, day)
        return self.cache[key]

    def _match(self, kind: str, payload: dict, day: datetime.date | None):
        if kind == "region":
            return self.region(payload.get("code"))
        if kind == "organization":
            return self.organization(payload.get("name"))
        if kind == "person":
            return self.person(payload.get("name"))
        if kind == "agreement":
            return self.agreement(payload.get("kind") or "memorandum", payload.get("parties") or [])
        if kind == "event":
            return self.event(payload.get("kind") or "other", payload.get("region"), payload.get("title"), day)
        return None, 0.0

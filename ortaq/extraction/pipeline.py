"""The press-release pipeline: normalize → Natasha → gazetteer and rules → SCHEMA.md JSON."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .dateline import find_dateline
from .gazetteer import Gazetteer, PhraseMatcher
from .geo import region_entries
from .io import MAX_TEXT_CHARS, ExtractionInputError
from .kazakh import NameFinder, is_kazakh
from .morph import analyzer
from .nlp import Analysis, NatashaModels
from .normalize import Normalized, normalize
from .rules.agreements import find_agreements
from .rules.commitments import find_commitments
from .rules.common import Mention, overlaps
from .rules.events import dedupe_events, find_events
from .rules.figures import dedupe_figures, find_figures
from .rules.orgs import (
    adjective_orgs,
    cluster_orgs,
    gov_bodies,
    legal_orgs,
    merge_orgs,
    named_orgs,
    ner_extent,
    ner_orgs,
)
from .rules.persons import assign_positions, group_persons
from .rules.places import PlaceFinder, capital_code, doc_country, find_districts, home_region
from .rules.supply import find_supplies


@dataclass
class EntityMention:
    """A typed entity mention (PER / ORG / LOC) with its [start, end) span in the original text."""

    type: str
    start: int
    end: int
    text: str


class Pipeline:
    """Loads the models once; `extract(text, doc_id)` returns one SCHEMA.md document object."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        t0 = time.perf_counter()
        self.models = NatashaModels()
        analyzer()
        self.gazetteer = gazetteer or Gazetteer()
        self.places = PlaceFinder(self.gazetteer)
        self.known_orgs = PhraseMatcher()
        for org in self.gazetteer.organizations:
            self.known_orgs.add_all((org.name, *org.aliases), org)
        self.known_persons = PhraseMatcher()
        for person in self.gazetteer.persons:
            self.known_persons.add_all((person.name, *person.aliases), person)
        self.kazakh_names = NameFinder()
        for code, name, names in region_entries():
            self.kazakh_names.add_all(names, ("region", code, name))
        for extra in self.gazetteer.regions:
            self.kazakh_names.add_all((extra.name, *extra.aliases), ("region", extra.code, extra.name))
        for org in self.gazetteer.organizations:
            self.kazakh_names.add_all((org.name, *org.aliases), ("org", org))
        for person in self.gazetteer.persons:
            self.kazakh_names.add_all((person.name, *person.aliases), ("person", person))
        self.load_seconds = time.perf_counter() - t0

    # -- stages -------------------------------------------------------------------------------------------
    def analyse(self, text: str) -> tuple[Normalized, Analysis]:
        """Normalize the text and run Natasha over it."""
        if not text or not text.strip():
            raise ExtractionInputError("empty text: there is nothing to extract from")
        if len(text) > MAX_TEXT_CHARS:
            raise ExtractionInputError(f"text too long: {len(text)} characters, the limit is {MAX_TEXT_CHARS}")
        norm = normalize(text)
        return norm, self.models.analyse(norm.text)

    def _known_orgs(self, an: Analysis) -> list[Mention]:
        out = []
        for m in self.known_orgs.find(an.tokens):
            org = m.payload
            out.append(Mention("org", org.name, an.tokens[m.first].start, an.tokens[m.last - 1].stop, m.first,
                               m.last, code=org.region, source="gazetteer"))
        return out

    def _known_persons(self, an: Analysis) -> list[Mention]:
        out = []
        for m in self.known_persons.find(an.tokens):
            p = m.payload
            out.append(Mention("person", p.name, an.tokens[m.first].start, an.tokens[m.last - 1].stop, m.first,
                               m.last, source="gazetteer", extra={"known": p}))
        return out

    def organizations(self, an: Analysis, places: list[Mention], districts: list[Mention] | None = None) -> list[Mention]:
        """All organization mentions, strongest rule first («акиматы A и B районов» split like regions)."""
        countries = self.places.countries
        if districts is None:
            districts = find_districts(an, places)
        split = places + [d for d in districts if d.source == "coordinated"]
        return merge_orgs([self._known_orgs(an), legal_orgs(an), named_orgs(an), adjective_orgs(an),
                           gov_bodies(an, split, self.places.adjectives),
                           ner_orgs(an, places, countries)], an)

    def extract(self, text: str, doc_id: str) -> dict[str, Any]:
        """Extract regions, persons, organizations, agreements, events and figures from one text.

        A Kazakh-language text says so (`"language": "kk"`) and gets only the registry's known names."""
        if text and text.strip() and len(text) <= MAX_TEXT_CHARS and is_kazakh(text):
            return self.extract_kazakh(text, doc_id)
        norm, an = self.analyse(text)
        places = self.places.find(an)
        districts = find_districts(an, places)
        orgs = self.organizations(an, places, districts)
        places = [p for p in places if not any(o.source in ("legal", "named") and overlaps(o, p) for o in orgs)]
        districts = [d for d in districts if not any(o.source in ("legal", "named") and overlaps(o, d) for o in orgs)]
        ctx = {"country": doc_country(places), "capital": capital_code(places), "home": home_region(an, places)}
        known = self._known_persons(an)
        persons = group_persons(an, known, places)
        for p in persons:
            for m in p.mentions:
                kp = m.extra.get("known")
                if kp and kp.title and not p.position:
                    p.position = {"title": kp.title, "region": kp.region, "organization": kp.organization}
        assign_positions(an, persons, places, orgs, self.places.adjectives, ctx)
        agreements = find_agreements(an, orgs, places, persons, self.places.names, districts)
        events = dedupe_events(find_events(an, places, orgs, ctx["home"]))
        dateline = find_dateline(an.text)
        found_figures = find_figures(an, dateline)
        figures = dedupe_figures(found_figures)
        commitments = find_commitments(an, agreements, dateline)
        supplies = find_supplies(an, found_figures, places, ctx["home"], dateline)

        def spans(pairs) -> list[list[int]]:
            return [list(norm.to_original(s, e)) for s, e in pairs]

        regions: dict[str, dict] = {}
        for p in places:
            if p.kind != "region" or not p.code:
                continue
            item = regions.setdefault(p.code, {"code": p.code, "name": self.places.names.get(p.code, p.name),
                                               "spans": []})
            item["spans"] += spans([(p.start, p.stop)])
        org_items = []
        for group in cluster_orgs(orgs):
            head = group[0]
            org_items.append({"name": head.name, "region": next((o.code for o in group if o.code), None),
                              "spans": spans([(o.start, o.stop) for o in group])})
        return {
            "id": doc_id,
            "regions": list(regions.values()),
            "persons": [{"name": p.name, "position": p.position,
                         "spans": spans([(m.start, m.stop) for m in p.mentions])} for p in persons if p.name],
            "organizations": org_items,
            "agreements": [{"kind": a.kind, "parties": a.parties, "spans": spans([(a.start, a.stop)])}
                           for a in agreements],
            "events": [{"kind": e.kind, "title": e.title, "region": e.region, "spans": spans(s)} for e, s in events],
            "figures": [{"kind": f.kind, "value": _num(f.value), "unit": f.unit, "qualifier": f.qualifier,
                         "year": f.year, "spans": spans(s)} for f, s in figures],
            "commitments": [{"text": c.text, "agreement": c.agreement, "due_year": c.due_year,
                             "due_date": c.due_date.isoformat() if c.due_date else None,
                             "spans": spans([(c.start, c.stop)])} for c in commitments],
            "supplies": [{"kind": s.kind, "region": s.region, "product": s.product, "year": s.year,
                          "volume_tonnes": _num(round(s.volume_tonnes, 3)) if s.volume_tonnes is not None else None,
                          "value_tenge": _num(round(s.value_tenge, 2)) if s.value_tenge is not None else None,
                          "qualifier": s.qualifier, "spans": spans(s.spans)} for s in supplies],
        }

    def extract_kazakh(self, text: str, doc_id: str) -> dict[str, Any]:
        """Regions, organizations and people the registry knows, found by their names with Kazakh endings."""
        regions: dict[str, dict] = {}
        orgs: dict[str, dict] = {}
        persons: dict[str, dict] = {}
        for start, end, payload in self.kazakh_names.find(text):
            if payload[0] == "region" and payload[1]:
                item = regions.setdefault(payload[1], {"code": payload[1], "name": payload[2], "spans": []})
            elif payload[0] == "org":
                org = payload[1]
                item = orgs.setdefault(org.name, {"name": org.name, "region": org.region, "spans": []})
            elif payload[0] == "person":
                known = payload[1]
                position = {"title": known.title, "region": known.region, "organization": known.organization} \
                    if known.title else None
                item = persons.setdefault(known.name, {"name": known.name, "position": position, "spans": []})
            else:
                continue
            item["spans"].append([start, end])
        return {"id": doc_id, "language": "kk", "regions": list(regions.values()), "persons": list(persons.values()),
                "organizations": list(orgs.values()), "agreements": [], "events": [], "figures": [],
                "commitments": [], "supplies": []}

    def entity_mentions(self, text: str) -> list[EntityMention]:
        """Typed PER / ORG / LOC mentions (Natasha + organization rules + gazetteer), spans in the original."""
        norm, an = self.analyse(text)
        places = self.places.find(an)
        orgs = self.organizations(an, places)
        out: list[EntityMention] = []
        for o in orgs:
            first, last = ner_extent(an, o)
            s, e = norm.to_original(an.tokens[first].start, an.tokens[last - 1].stop)
            out.append(EntityMention("ORG", s, e, text[s:e]))
        taken = {(m.start, m.end) for m in out}
        for span in an.ner:
            if span.type == "ORG":
                continue
            s, e = norm.to_original(span.start, span.stop)
            if (s, e) in taken:
                continue
            taken.add((s, e))
            out.append(EntityMention(span.type, s, e, text[s:e]))
        locs = [(m.start, m.end) for m in out if m.type == "LOC"]
        for p in places:
            s, e = norm.to_original(p.start, p.stop)
            if not any(s < b and a < e for a, b in locs) and (s, e) not in taken:
                out.append(EntityMention("LOC", s, e, text[s:e]))
        return sorted(out, key=lambda m: m.start)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value

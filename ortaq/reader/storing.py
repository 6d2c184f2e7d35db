"""Turning an extraction result into a stored document with its proposals, all or nothing.

Confidence of a proposal (0–1), a simple additive score:
  0.6 for being found by the rules at all,
  +0.1 when the text mentions it more than once,
  +0.1 when it is complete (a person with a post, an organization with a region, an event with a title,
       a figure with a year, a commitment with its due year, a supply figure with its region and year;
       an agreement needs two parties, otherwise −0.3),
  +0.15 × the match score when the registry already has it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext
from razdel import sentenize

from ortaq.reader.matching import Matcher
from ortaq.reader.models import Proposal, Reading
from ortaq.sources.models import Document, text_digest

KINDS = [("regions", "region"), ("persons", "person"), ("organizations", "organization"),
         ("agreements", "agreement"), ("events", "event"), ("figures", "figure"),
         ("commitments", "commitment"), ("supplies", "supply")]


@dataclass
class Stored:
    """What storing a text did: the document, whether it was new, whether it was read this time."""

    document: Document
    created: bool
    read: bool
    proposals: int = 0
    notes: list[str] = field(default_factory=list)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, stop) of every sentence (razdel, never across a line break: a headline is its own sentence).

    Computed by ingest workers to spare the writing process.
    """
    bounds = [(line.start() + s.start, line.start() + s.stop)
              for line in re.finditer(r"[^\n]+", text) for s in sentenize(line.group())]
    return bounds or [(0, len(text))]


class Sentences:
    """Sentence boundaries of a text, to find the sentence around a mention."""

    def __init__(self, text: str, bounds: list | None = None) -> None:
        self.bounds = [tuple(b) for b in bounds] if bounds else sentence_bounds(text)
        self.starts = [start for start, _stop in self.bounds]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        first, last = self.bounds[i]
        j = i
        while last < end and j + 1 < len(self.bounds):
            j += 1
            last = self.bounds[j][1]
        return first, max(last, end)


def confidence(kind: str, payload: dict, spans: list, match_score: float) -> float:
    """The additive score described in the module docstring."""
    score = 0.6
    if len(spans) > 1:
        score += 0.1
    complete = {
        "region": True,
        "person": bool(payload.get("position")),
        "organization": bool(payload.get("region")),
        "agreement": len(payload.get("parties") or []) >= 2,
        "event": bool(payload.get("title")),
        "figure": payload.get("year") is not None,
        "commitment": payload.get("due_year") is not None,
        "supply": bool(payload.get("region")) and payload.get("year") is not None,
    }[kind]
    if complete:
        score += 0.1
    elif kind == "agreement":
        score -= 0.3
    score += 0.15 * match_score
    return round(min(max(score, 0.05), 0.99), 2)


def build_proposals(document: Document, result: dict, matcher: Matcher,
                    sentences: list | None = None) -> list[Proposal]:
    """Unsaved proposals for every item of an extraction result."""
    bounds = Sentences(document.text, sentences)
    proposals = []
    for key, kind in KINDS:
        for ordinal, item in enumerate(result.get(key) or []):
            spans = [list(span) for span in item.get("spans") or []] or [[0, 0]]
            payload = {k: v for k, v in item.items() if k != "spans"}
            record, score = matcher.match(kind, payload, document.published_on)
            start, end = bounds.around(*spans[0])
            proposals.append(Proposal(
                document=document, kind=kind, ordinal=ordinal, payload=payload, spans=spans,
                sentence_start=start, sentence_end=end, confidence=confidence(kind, payload, spans, score),
                matched_type=ContentType.objects.get_for_model(type(record)) if record else None,
                matched_id=record.pk if record else None, match_score=score if record else None,
            ))
    return proposals


def title_of(text: str, file_name: str = "") -> str:
    """The first line of the text (shortened), or the file name."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > 200:
        first = first[:200].rsplit(" ", 1)[0] + "…"
    return first or file_name or "Без названия"


def language_notes(result: dict) -> list[str]:
    """What the reader says about the text's language: a Kazakh text gets only the registry's known names."""
    if result.get("language") == "kk":
        return [gettext("Текст на казахском языке: в нём найдены только регионы, организации и люди, уже "
                        "известные реестру, по их казахским названиям; остальное не предлагается.")]
    return []


def find_read(text: str) -> Document | None:
    """The document with this text when it has already been read, else None."""
    return Document.objects.filter(sha256=text_digest(text), reading__isnull=False).first()


def store_reading(text: str, result: dict, *, matcher: Matcher, file_name: str = "", user=None, run=None,
                  notes: list[str] | None = None, sentences: list | None = None) -> Stored:
    """Store the document once (same text → same document) and its proposals, in one transaction.

    A document already read is left as it is: its proposals are not created twice.
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(sha256=text_digest(text)).first()
        created = document is None
        if created:
            document = Document.objects.create(title=title_of(text, file_name), text=text, file_name=file_name,
                                               uploaded_by=user if getattr(user, "pk", None) else None)
        elif Reading.objects.filter(document=document).exists():
            return Stored(document, created=False, read=False)
        notes = [*(notes or []), *language_notes(result)]
        Reading.objects.create(document=document, run=run, read_by=user if getattr(user, "pk", None) else None,
                               notes=notes)
        proposals = Proposal.objects.bulk_create(build_proposals(document, result, matcher, sentences))
    return Stored(document, created=created, read=True, proposals=len(proposals), notes=notes)

"""The document text cut into segments, each marked with the proposals whose mentions cover it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    kinds: str = ""
    ids: str = ""


def marked_segments(text: str, proposals) -> list[Segment]:
    """Plain and marked pieces of the text, in order; overlapping mentions share a segment."""
    bounds = {0, len(text)}
    covering: list[tuple[int, int, object]] = []
    for proposal in proposals:
        for start, end in proposal.spans:
            if 0 <= start < end <= len(text):
                bounds.update((start, end))
                covering.append((start, end, proposal))
    cuts = sorted(bounds)
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        over = [p for s, e, p in covering if s <= start and end <= e]
        if over:
            kinds = " ".join(sorted({f"k-{p.kind}" for p in over}))
            ids = " ".join(sorted({f"p{p.pk}" for p in over}))
            segments.append(Segment(text[start:end], kinds, ids))
        elif segments and not segments[-1].ids:
            segments[-1].text += text[start:end]
        else:
            segments.append(Segment(text[start:end]))
    return segments

"""What the apps' demo loaders share: the seed press release, stored once as a Document, and `DemoContext`,
which cites it as the source of each demo record (ortaq.portal.demo runs the loaders)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from ortaq.sources.models import Document, Source, add_source, text_digest

SEED_NAME = "000_683f0acee2067f07.txt"
SEED_TITLE = "Астана и Карагандинская область укрепляют межрегиональную кооперацию"
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[»\"]?|$)")


def seed_path() -> Path | None:
    """Where the seed press release is: ORTAQ_SEED_PATH, or ../shared/seeds beside the checkout."""
    candidates = [os.environ.get("ORTAQ_SEED_PATH", ""), str(settings.BASE_DIR.parent / "shared" / "seeds" / SEED_NAME)]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@dataclass
class DemoContext:
    """What demo loaders share: the seed document (when available) and a way to cite it."""

    document: object | None

    def cite(self, record, *mentions: str) -> None:
        """Attach the seed as the record's source, with the sentences that mention it."""
        if self.document is None:
            add_source(record, Source.Kind.DEMO, note="демонстрационные данные по пресс-релизу")
            return
        spans = [span for mention in mentions for span in sentence_spans(self.document.text, mention)]
        source = add_source(record, Source.Kind.DOCUMENT, document=self.document)
        if source.spans != spans:
            source.spans = spans
            source.save(update_fields=["spans"])


def sentence_spans(text: str, mention: str) -> list[list[int]]:
    """Spans of the sentences of a text that contain the mention (first match only)."""
    position = text.find(mention)
    if position < 0:
        return []
    for match in SENTENCE_RE.finditer(text):
        if match.start() <= position < match.end():
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            return [[start, match.end()]]
    return []


def seed_document():
    """The seed press release stored once as a Document, or None when the file is not present."""
    path = seed_path()
    if path is None:
        return None
    text = path.read_text(encoding="utf-8")
    document = Document.objects.filter(sha256=text_digest(text)).first()
    return document or Document.objects.create(title=SEED_TITLE, text=text, file_name=path.name)

"""Loading reference and demo data: each app contributes a `demo` module, run in INSTALLED_APPS order.

An app's `demo.py` may define `load_reference()` (facts every deployment needs, e.g. the regions) and
`load_demo(context)` (the seed press release's facts). Both must be idempotent: running twice creates
nothing twice.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings

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
        from ortaq.sources.models import Source, add_source

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
    from ortaq.sources.models import Document, text_digest

    path = seed_path()
    if path is None:
        return None
    text = path.read_text(encoding="utf-8")
    document = Document.objects.filter(sha256=text_digest(text)).first()
    return document or Document.objects.create(title=SEED_TITLE, text=text, file_name=path.name)


def app_demo_modules() -> list:
    modules = []
    for config in apps.get_app_configs():
        if config.name == "ortaq.core":
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
    return modules


def load_all_reference() -> None:
    for module in app_demo_modules():
        if hasattr(module, "load_reference"):
            module.load_reference()


def load_all_demo() -> DemoContext:
    context = DemoContext(document=seed_document())
    for module in app_demo_modules():
        if hasattr(module, "load_demo"):
            module.load_demo(context)
    return context

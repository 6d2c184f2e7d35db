"""Search over every kind of record, understanding Russian word forms through pymorphy3 lemmas."""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

WORD_RE = re.compile(r"[\wәғқңөұүһі]+", re.IGNORECASE)
CYRILLIC_RE = re.compile(r"[а-яё]")
KAZAKH_LETTERS = set("әғқңөұүһі")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def fold(text: str) -> str:
    """Lower-case and replace ё with е, the way Russian readers treat them."""
    return text.lower().replace("ё", "е")


def words_of(text: str) -> list[str]:
    """Split text into folded words."""
    return WORD_RE.findall(fold(text))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word; other words (Latin, Kazakh, numbers) stay as they are."""
    if not CYRILLIC_RE.search(word) or KAZAKH_LETTERS & set(word):
        return word
    return fold(_morph().parse(word)[0].normal_form)


def lemmas_of(text: str) -> list[str]:
    """Lemmas of every word of a text."""
    return [lemma(word) for word in words_of(text)]


def index_text(text: str) -> str:
    """The stored form of a record's words: lemmas and the words themselves, space-delimited."""
    words = words_of(text)
    unique = OrderedDict.fromkeys([*(lemma(word) for word in words), *words])
    return " " + " ".join(unique) + " "


def update_index(instance) -> None:
    """Create or refresh the search entry of one record."""
    from ortaq.core.models import SearchEntry

    text = instance.search_text()
    SearchEntry.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=instance.pk,
        defaults={"title": str(instance)[:500], "lemmas": index_text(text), "words": " ".join(words_of(text))},
    )


def remove_from_index(instance) -> None:
    """Delete the search entry of a deleted record."""
    from ortaq.core.models import SearchEntry

    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    ).delete()


def query_filter(query: str) -> Q | None:
    """A filter matching entries that contain every word of the query (as a lemma or a word prefix)."""
    condition = Q()
    terms = words_of(query)
    if not terms:
        return None
    for word in terms:
        condition &= Q(lemmas__contains=f" {lemma(word)} ") | Q(lemmas__contains=f" {word}")
    return condition


def search(query: str, limit: int = 100) -> list[dict]:
    """Records matching the query, grouped by kind: [{"kind": verbose name, "records": [...]}]."""
    from ortaq.core.models import SearchEntry

    condition = query_filter(query)
    if condition is None:
        return []
    entries = SearchEntry.objects.filter(condition).select_related("content_type").order_by("title")[:limit]
    groups: dict[int, dict] = {}
    for entry in entries:
        model = entry.content_type.model_class()
        if model is None:
            continue
        group = groups.setdefault(
            entry.content_type_id, {"kind": model._meta.verbose_name_plural, "model": model, "entries": []}
        )
        group["entries"].append(entry)
    return [_with_records(group) for group in groups.values()]


def _with_records(group: dict) -> dict:
    model = group["model"]
    by_pk = model._default_manager.in_bulk([entry.object_id for entry in group["entries"]])
    group["records"] = [by_pk[entry.object_id] for entry in group["entries"] if entry.object_id in by_pk]
    return group

"""Search over every kind of record, understanding Russian word forms through pymorphy3 lemmas.

Kazakh letters are folded to their Russian look-alikes in the index and in the query alike (ә→а, ө→о, ү/ұ→у,
қ→к, ғ→г, ң→н, һ→х, і→и), so «Қарағанды», «Караганды» and «Караганда» find the same region whichever keyboard
typed them; English names are indexed beside the Russian and Kazakh ones."""

from __future__ import annotations

import re
from collections import OrderedDict
from contextlib import contextmanager
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

WORD_RE = re.compile(r"[\wәғқңөұүһі]+", re.IGNORECASE)
CYRILLIC_RE = re.compile(r"[а-яё]")
KAZAKH_LETTERS = set("әғқңөұүһі")
KAZAKH_FOLD = str.maketrans("әөүұқғңһі", "аоуукгнхи")


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def fold(text: str) -> str:
    """Lower-case and replace ё with е, the way Russian readers treat them."""
    return text.lower().replace("ё", "е")


def fold_kazakh(text: str) -> str:
    """Kazakh letters replaced by the Russian letters people type for them: «қарағанды» → «караганды»."""
    return text.translate(KAZAKH_FOLD)


def search_words(text: str) -> list[str]:
    """The folded words of a text as the index stores them (Kazakh letters folded too)."""
    return [fold_kazakh(word) for word in words_of(text)]


def search_lemma(word: str) -> str:
    """A word's lemma as the index stores it: pymorphy3's for Russian, Kazakh words as they are, then folded."""
    return fold_kazakh(lemma(word))


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
    unique = OrderedDict.fromkeys([*(search_lemma(word) for word in words), *(fold_kazakh(word) for word in words)])
    return " " + " ".join(unique) + " "


def update_index(instance) -> bool:
    """Create or refresh the search entry of one record; True when its title is new or changed."""
    from ortaq.core.models import SearchEntry

    text = instance.search_text()
    title = str(instance)[:500]
    content_type = ContentType.objects.get_for_model(type(instance))
    before = SearchEntry.objects.filter(content_type=content_type, object_id=instance.pk).values_list(
        "title", flat=True).first()
    SearchEntry.objects.update_or_create(
        content_type=content_type, object_id=instance.pk,
        defaults={"title": title, "lemmas": index_text(text), "words": " ".join(search_words(text))},
    )
    return before != title


def remove_from_index(instance) -> None:
    """Delete the search entry of a deleted record."""
    from ortaq.core.models import SearchEntry

    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    ).delete()


def query_filter(query: str) -> Q | None:
    """A filter matching entries that contain every word of the query (as a lemma or a word prefix).

    The portable scan, used when the database offers no full-text index."""
    condition = Q()
    terms = words_of(query)
    if not terms:
        return None
    for word in terms:
        condition &= Q(lemmas__contains=f" {search_lemma(word)} ") | Q(lemmas__contains=f" {fold_kazakh(word)}")
    return condition


RUSSIAN = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
ALPHABETS = {"cyrillic": RUSSIAN + "".join(sorted(KAZAKH_LETTERS)), "latin": "abcdefghijklmnopqrstuvwxyz"}
TYPO_MIN_LENGTH = 5
PER_KIND = 20
# A word as common as "меморандум" matches tens of thousands of records: the page groups and sorts at most
# this many candidates, so its time does not grow with the registry (counts beyond it show as "N+").
CANDIDATES = 3000


def one_letter_typos(word: str) -> set[str]:
    """Every word one edit away (a letter dropped, changed, added, or two swapped), in the word's alphabet."""
    letters = ALPHABETS["cyrillic" if CYRILLIC_RE.search(word) or KAZAKH_LETTERS & set(word) else "latin"]
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in letters}
    variants |= {a + c + b for a, b in splits for c in letters}
    variants.discard(word)
    return {variant for variant in variants if len(variant) >= TYPO_MIN_LENGTH - 1}


def _terms(query: str, typos: bool) -> list[tuple[str, set[str], set[str]]]:
    """For each query word: (word, exact alternatives, prefixes)."""
    terms = []
    for word in words_of(query):
        folded = fold_kazakh(word)
        exact = {search_lemma(word)}
        if typos and len(word) >= TYPO_MIN_LENGTH and not word.isdigit():
            exact |= one_letter_typos(folded)
        terms.append((folded, exact, {folded}))
    return terms


def _fts5_query(terms) -> str:
    quote = lambda text: '"' + text.replace('"', "") + '"'  # noqa: E731
    return " AND ".join("(" + " OR ".join([*(quote(t) for t in sorted(exact)), *(quote(p) + "*" for p in prefixes)])
                        + ")" for _word, exact, prefixes in terms)


def _tsquery(terms) -> str:
    clean = lambda text: re.sub(r"[^\wәғқңөұүһі]", "", text)  # noqa: E731
    return " & ".join("(" + " | ".join([*(clean(t) for t in sorted(exact) if clean(t)),
                                        *(clean(p) + ":*" for p in prefixes if clean(p))]) + ")"
                      for _word, exact, prefixes in terms)


def _has_fts5() -> bool:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'analytics_search_fts'")
        return cursor.fetchone() is not None


def matching_entries(query: str, typos: bool = False):
    """SearchEntry rows matching every word: full-text index on PostgreSQL (russian) and SQLite (FTS5)."""
    from django.db import connection
    from django.db.models.expressions import RawSQL

    from ortaq.core.models import SearchEntry

    terms = _terms(query, typos)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        return SearchEntry.objects.filter(pk__in=RawSQL(
            "SELECT id FROM core_searchentry WHERE to_tsvector('russian', lemmas) @@ to_tsquery('russian', %s) "
            "LIMIT %s", [_tsquery(terms), CANDIDATES]))
    if connection.vendor == "sqlite" and _has_fts5():
        return SearchEntry.objects.filter(pk__in=RawSQL(
            "SELECT rowid FROM analytics_search_fts WHERE analytics_search_fts MATCH %s LIMIT %s",
            [_fts5_query(terms), CANDIDATES]))
    condition = Q()
    for word, exact, _prefixes in terms:
        alternatives = Q(lemmas__contains=f" {word}")
        for term in exact:
            alternatives |= Q(lemmas__contains=f" {term} ")
        condition &= alternatives
    return SearchEntry.objects.filter(pk__in=SearchEntry.objects.filter(condition).values("pk")[:CANDIDATES])


@contextmanager
def _index_only():
    """On PostgreSQL, forbid sequential scans for the search queries: a tsquery of many alternatives (the
    one-letter typos) looks unselective to the planner, which then reads every row (40 s instead of 15 ms)."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def search(query: str, limit: int = PER_KIND) -> list[dict]:
    """Records matching the query, grouped by kind, at most `limit` per kind, matched words highlighted:
    [{"kind", "model", "count", "records", "items": [{"record", "title"}]}]. A query with no result is
    retried tolerating one wrong letter per word."""
    from django.db.models import Count, F, Window
    from django.db.models.functions import RowNumber

    for typos in (False, True):
        entries = matching_entries(query, typos)
        if entries is None:
            return []
        # One pass over the matches: each kind's first rows, and (on each row) how many the kind has.
        ranked = (entries.annotate(place=Window(RowNumber(), partition_by=[F("content_type_id")],
                                                order_by=[F("title").asc(), F("pk").asc()]),
                                   kind_count=Window(Count("pk"), partition_by=[F("content_type_id")]))
                  .filter(place__lte=limit).select_related("content_type").order_by("content_type_id", "place"))
        with _index_only():
            rows = list(ranked)
        counts = {entry.content_type_id: entry.kind_count for entry in rows}
        if rows:
            break
    else:
        return []
    groups: dict[int, dict] = {}
    for entry in rows:
        model = entry.content_type.model_class()
        if model is None:
            continue
        group = groups.setdefault(entry.content_type_id, {"kind": model._meta.verbose_name_plural, "model": model,
                                                          "entries": [], "count": counts.get(entry.content_type_id),
                                                          "more": len(counts) and sum(counts.values()) >= CANDIDATES})
        group["entries"].append(entry)
    marks = _terms(query, typos)
    result = [_with_records(group, marks) for group in groups.values()]
    return sorted(result, key=lambda group: str(group["kind"]))


def highlight(text: str, terms) -> str:
    """The text, HTML-escaped, with the words matching the query wrapped in <mark>."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    def matches(word: str) -> bool:
        folded = fold(word)
        searched = fold_kazakh(folded)
        return any(searched.startswith(prefix) or search_lemma(folded) in exact or searched in exact
                   for _word, exact, prefixes in terms for prefix in prefixes)

    parts, position = [], 0
    for match in WORD_RE.finditer(text):
        parts.append(escape(text[position:match.start()]))
        word = match.group()
        parts.append(f"<mark>{escape(word)}</mark>" if matches(word) else escape(word))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def _with_records(group: dict, terms) -> dict:
    model = group["model"]
    by_pk = model._default_manager.in_bulk([entry.object_id for entry in group["entries"]])
    group["records"] = [by_pk[entry.object_id] for entry in group["entries"] if entry.object_id in by_pk]
    group["items"] = [{"record": record, "title": highlight(str(record), terms)} for record in group["records"]]
    return group


def rebuild_index(stdout=None, missing_only: bool = True) -> int:
    """Index, in bulk, every searchable record (only those without an entry, by default); the number added."""
    from django.apps import apps

    from ortaq.core.models import RegistryModel, SearchEntry

    added = 0
    for model in apps.get_models():
        if not issubclass(model, RegistryModel) or not model.searchable:
            continue
        content_type = ContentType.objects.get_for_model(model)
        records = model._default_manager.order_by("pk")
        if missing_only:
            records = records.exclude(pk__in=SearchEntry.objects.filter(content_type=content_type)
                                      .values("object_id"))
        batch = []
        for record in records.iterator(chunk_size=2000):
            text = record.search_text()
            batch.append(SearchEntry(content_type=content_type, object_id=record.pk, title=str(record)[:500],
                                     lemmas=index_text(text), words=" ".join(search_words(text))))
            if len(batch) >= 5000:
                SearchEntry.objects.bulk_create(batch, ignore_conflicts=True)
                added += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch, ignore_conflicts=True)
        added += len(batch)
        if stdout is not None:
            stdout.write(f"индекс поиска: {model._meta.verbose_name_plural} готово")
    return added


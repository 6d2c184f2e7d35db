"""Natasha wrapper: loads the models once and turns a text into sentences of annotated tokens."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from .morph import CASES, parses

POS_MAP = {"NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJF", "VERB": "VERB", "NUM": "NUMR", "DET": "ADJF",
           "PRON": "NPRO", "ADV": "ADVB", "AUX": "VERB"}


@dataclass
class Token:
    """One token of the normalized text with Natasha's morphology and syntax."""

    i: int  # index in the document
    text: str
    start: int
    stop: int
    pos: str
    feats: dict
    sent: int
    head: int = -1  # document index of the syntactic head, -1 for the root
    rel: str = ""
    ner: str = ""  # PER / ORG / LOC when inside a Natasha span
    lemma: str = ""

    @property
    def case(self) -> str | None:
        """pymorphy case code of the token (gent, datv...) from Natasha's Case feature."""
        return CASES.get(self.feats.get("Case", ""))

    @property
    def low(self) -> str:
        """Lower-cased text with ё→е."""
        return self.text.lower().replace("ё", "е")


@dataclass
class Sentence:
    """A sentence: its span and its tokens (document indices)."""

    start: int
    stop: int
    first: int
    last: int  # exclusive


@dataclass
class NerSpan:
    """A Natasha named-entity span, by token indices [first, last)."""

    type: str
    start: int
    stop: int
    first: int
    last: int


@dataclass
class Analysis:
    """The whole analysed document."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    sents: list[Sentence] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)

    def span_text(self, first: int, last: int) -> str:
        """The text between the start of token `first` and the end of token `last - 1`."""
        return self.text[self.tokens[first].start:self.tokens[last - 1].stop]


@lru_cache(maxsize=200_000)
def choose_lemma(word: str, pos: str, case: str | None) -> str:
    """The pymorphy3 normal form that agrees with Natasha's part of speech and case."""
    low = word.lower().replace("ё", "е")
    if not low[:1].isalpha() or not ("а" <= low[:1] <= "я" or low[:1] == "ё"):
        return low
    want = POS_MAP.get(pos)
    cands = parses(low)
    for p in cands:
        if want and p.tag.POS == want and (case is None or p.tag.case == case):
            return p.normal_form.replace("ё", "е")
    for p in cands:
        if want and p.tag.POS == want:
            return p.normal_form.replace("ё", "е")
    return cands[0].normal_form.replace("ё", "е")


#: Longer "sentences" (lists, tables, texts without full stops) are cut into parts of this many tokens:
#: the syntax parser's memory grows with the square of a sentence's length (16k tokens took 7 GB).
MAX_SENT_TOKENS = 150


def split_long_sents(doc) -> None:
    """Cut every sentence longer than MAX_SENT_TOKENS tokens into consecutive parts."""
    from natasha.doc import DocSent

    out = []
    for sent in doc.sents:
        tokens = sent.tokens or []
        if len(tokens) <= MAX_SENT_TOKENS:
            out.append(sent)
            continue
        for i in range(0, len(tokens), MAX_SENT_TOKENS):
            part = tokens[i:i + MAX_SENT_TOKENS]
            start, stop = part[0].start, part[-1].stop
            out.append(DocSent(start, stop, doc.text[start:stop], tokens=part))
    doc.sents = out


class NatashaModels:
    """Natasha's segmenter, embedding, morphology, syntax and NER taggers, loaded once."""

    def __init__(self) -> None:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        self.segmenter = Segmenter()
        emb = NewsEmbedding()
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        self.ner = NewsNERTagger(emb)

    def raw(self, text: str):
        """Run Natasha alone (segment, morphology, syntax, NER) and return its Doc."""
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        split_long_sents(doc)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        return doc

    def analyse(self, text: str) -> Analysis:
        """Run Natasha and convert its Doc into an Analysis with lemmas."""
        doc = self.raw(text)
        out = Analysis(text)
        for si, sent in enumerate(doc.sents):
            first = len(out.tokens)
            local: dict[str, int] = {}
            for tok in sent.tokens:
                idx = len(out.tokens)
                local[tok.id] = idx
                out.tokens.append(Token(idx, tok.text, tok.start, tok.stop, tok.pos or "X", dict(tok.feats or {}),
                                        si, -1, tok.rel or ""))
            for tok in sent.tokens:
                if tok.head_id in local:
                    out.tokens[local[tok.id]].head = local[tok.head_id]
            out.sents.append(Sentence(sent.start, sent.stop, first, len(out.tokens)))
        by_start = {t.start: t.i for t in out.tokens}
        by_stop = {t.stop: t.i for t in out.tokens}
        for span in doc.spans:
            first, last = by_start.get(span.start), by_stop.get(span.stop)
            if first is None or last is None:
                continue
            out.ner.append(NerSpan(span.type, span.start, span.stop, first, last + 1))
            for k in range(first, last + 1):
                out.tokens[k].ner = span.type
        for t in out.tokens:
            t.lemma = choose_lemma(t.text, t.pos, t.case)
        return out

"""The review queue: a document's reading, the proposals extracted from it, and bulk ingest runs."""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class IngestRun(models.Model):
    """One `ortaq ingest` over a folder: what it read, skipped and could not read."""

    folder = models.CharField(_("папка"), max_length=1000)
    workers = models.PositiveSmallIntegerField(_("процессов"), default=1)
    started_at = models.DateTimeField(_("начат"), auto_now_add=True)
    finished_at = models.DateTimeField(_("завершён"), null=True, blank=True)
    files = models.PositiveIntegerField(_("файлов"), default=0)
    stored = models.PositiveIntegerField(_("прочитано"), default=0)
    skipped = models.PositiveIntegerField(_("пропущено (уже были)"), default=0)
    failed = models.PositiveIntegerField(_("не прочитано"), default=0)
    interrupted = models.BooleanField(_("прерван"), default=False)

    class Meta:
        verbose_name = _("пакетная загрузка")
        verbose_name_plural = _("пакетные загрузки")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.folder} ({self.started_at:%d.%m.%Y %H:%M})"


class ReadingQuerySet(models.QuerySet):
    def with_counts(self) -> ReadingQuerySet:
        return self.annotate(
            pending=Count("document__proposals", filter=Q(document__proposals__status="pending")),
            accepted=Count("document__proposals", filter=Q(document__proposals__status="accepted")),
            rejected=Count("document__proposals", filter=Q(document__proposals__status="rejected")),
        )


class Reading(models.Model):
    """A document that went through the pipeline once; its proposals wait in the review queue."""

    document = models.OneToOneField("sources.Document", on_delete=models.CASCADE, related_name="reading",
                                    verbose_name=_("документ"))
    run = models.ForeignKey(IngestRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="readings",
                            verbose_name=_("пакетная загрузка"))
    read_at = models.DateTimeField(_("прочитан"), auto_now_add=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                verbose_name=_("кто загрузил"))
    notes = models.JSONField(_("замечания о входе"), default=list, blank=True)

    objects = ReadingQuerySet.as_manager()

    class Meta:
        verbose_name = _("прочтение документа")
        verbose_name_plural = _("прочтения документов")
        ordering = ["-read_at"]

    def __str__(self) -> str:
        return str(self.document)

    def get_absolute_url(self) -> str:
        return reverse("reader:document_review", args=[self.document_id])


def region_name(code: str | None) -> str:
    """The Russian name of a region code (Kazakhstan's or a foreign partner's), '' when unknown."""
    return _region_names().get(code or "", "")


@functools.lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    from ortaq.extraction.geo import region_entries

    return {code: name for code, name, _names in region_entries()}


def supply_label(payload: dict, first: dict) -> str:
    """«33000 т, 450000000 ₸ — Костанайская область, 2025»: a supply proposal's figures, region and year."""
    figures = []
    for key, unit in (("volume_tonnes", "т"), ("value_tenge", "₸")):
        value = payload.get(key) if payload.get(key) is not None else first.get(key)
        if value is not None:
            figures.append(f"{value} {unit}")
    region = region_name(payload.get("region") or first.get("region"))
    year = payload.get("year") or first.get("year")
    where = ", ".join(str(x) for x in (region, year) if x)
    return " — ".join(x for x in (", ".join(figures), where) if x)


class Proposal(models.Model):
    """One fact the pipeline proposes (a SCHEMA.md item), with its spans, sentence, match and decision."""

    class Kind(models.TextChoices):
        REGION = "region", _("регион")
        PERSON = "person", _("персона")
        ORGANIZATION = "organization", _("организация")
        AGREEMENT = "agreement", _("соглашение")
        EVENT = "event", _("событие")
        FIGURE = "figure", _("показатель")
        COMMITMENT = "commitment", _("обязательство")
        SUPPLY = "supply", _("поставки")

    class Status(models.TextChoices):
        PENDING = "pending", _("ждёт решения")
        ACCEPTED = "accepted", _("принято")
        REJECTED = "rejected", _("отклонено")

    document = models.ForeignKey("sources.Document", on_delete=models.CASCADE, related_name="proposals",
                                 verbose_name=_("документ"))
    kind = models.CharField(_("вид"), max_length=16, choices=Kind.choices)
    ordinal = models.PositiveSmallIntegerField(_("номер"))
    # The SCHEMA.md item without its spans; the reviewer may edit it before accepting.
    payload = models.JSONField(_("предложение"))
    spans = models.JSONField(_("упоминания"), default=list)
    sentence_start = models.PositiveIntegerField(_("начало предложения"))
    sentence_end = models.PositiveIntegerField(_("конец предложения"))
    confidence = models.FloatField(_("уверенность"))
    status = models.CharField(_("статус"), max_length=16, choices=Status.choices, default=Status.PENDING)
    matched_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="+")
    matched_id = models.PositiveBigIntegerField(null=True, blank=True)
    matched = GenericForeignKey("matched_type", "matched_id")
    match_score = models.FloatField(_("сходство с записью"), null=True, blank=True)
    record_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="+")
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   verbose_name=_("кто решил"))
    decided_at = models.DateTimeField(_("когда решено"), null=True, blank=True)

    class Meta:
        verbose_name = _("предложение")
        verbose_name_plural = _("предложения")
        ordering = ["document", "sentence_start", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["document", "kind", "ordinal"], name="proposal_once_per_document"),
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1),
                                   name="proposal_confidence_unit"),
            models.CheckConstraint(condition=Q(sentence_end__gte=models.F("sentence_start")),
                                   name="proposal_sentence_ordered"),
            models.CheckConstraint(condition=~Q(status="accepted") | Q(record_id__isnull=False),
                                   name="proposal_accepted_has_record"),
        ]
        indexes = [models.Index(fields=["status", "kind"], name="proposal_status_kind_idx"),
                   models.Index(fields=["record_type", "record_id"], name="proposal_record_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def label(self) -> str:
        """A short human name of the proposed fact."""
        p = self.payload
        first = p.get("proposed") or {}  # after a decision the payload holds the reviewed fields
        if self.kind == self.Kind.AGREEMENT:
            return " — ".join(p.get("parties") or first.get("parties") or []) or str(p.get("kind"))
        if self.kind == self.Kind.EVENT:
            return p.get("title") or first.get("title") or p.get("kind") or ""
        if self.kind == self.Kind.COMMITMENT:
            return p.get("text") or first.get("text") or ""
        if self.kind == self.Kind.SUPPLY:
            return supply_label(p, first)
        if self.kind == self.Kind.FIGURE:
            return f"{p.get('value')} {p.get('unit') or first.get('unit') or ''}".strip()
        if self.kind == self.Kind.PERSON and p.get("last_name"):
            return f"{p.get('first_name') or ''} {p['last_name']}".strip()
        if self.kind == self.Kind.REGION:
            return p.get("name") or first.get("name") or region_name(p.get("code")) or p.get("code") or ""
        return p.get("name") or first.get("name") or p.get("code") or ""

    @property
    def sentence(self) -> str:
        return self.document.text[self.sentence_start:self.sentence_end]

    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence cut around its first mention: (before, mention, after)."""
        text, start, end = self.document.text, self.sentence_start, self.sentence_end
        inside = [(s, e) for s, e in self.spans if start <= s < e <= end]
        if not inside:
            return text[start:end], "", ""
        s, e = inside[0]
        return text[start:s], text[s:e], text[e:end]

    @property
    def confidence_percent(self) -> int:
        return round(self.confidence * 100)

    def get_absolute_url(self) -> str:
        return reverse("reader:document_review", args=[self.document_id]) + f"#proposal-{self.pk}"

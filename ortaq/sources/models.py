"""Provenance: the documents facts come from, and the source attached to any record."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def text_digest(text: str) -> str:
    """The SHA-256 of a text, which identifies a document (same text → same document)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Document(models.Model):
    """A text the facts came from: a press release, a report, an imported file's description."""

    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("пресс-релиз")
        REPORT = "report", _("отчёт")
        OTHER = "other", _("другое")

    title = models.CharField(_("заголовок"), max_length=500)
    kind = models.CharField(_("вид"), max_length=32, choices=Kind.choices, default=Kind.PRESS_RELEASE)
    text = models.TextField(_("текст"))
    sha256 = models.CharField(_("контрольная сумма"), max_length=64, unique=True, editable=False)
    file_name = models.CharField(_("имя файла"), max_length=255, blank=True)
    url = models.URLField(_("адрес"), blank=True)
    published_on = models.DateField(_("дата публикации"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("загрузил")
    )
    uploaded_at = models.DateTimeField(_("загружен"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("документ")
        verbose_name_plural = _("документы")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.sha256 = text_digest(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("sources:document_detail", args=[self.pk])


class Source(models.Model):
    """Where one record came from: a person's entry, an imported file, or spans of a document."""

    class Kind(models.TextChoices):
        MANUAL = "manual", _("введено вручную")
        IMPORT = "import", _("импорт файла")
        DOCUMENT = "document", _("из документа")
        DEMO = "demo", _("демонстрационные данные")
        SYNTHETIC = "synthetic", _("синтетические данные")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("вид"), max_length=16, choices=Kind.choices)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="sources",
        verbose_name=_("документ"),
    )
    # [[start, end], ...] character offsets into the document's text.
    spans = models.JSONField(_("фрагменты"), default=list, blank=True)
    file_name = models.CharField(_("файл"), max_length=255, blank=True)
    row_number = models.PositiveIntegerField(_("строка файла"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("кто внёс")
    )
    note = models.CharField(_("примечание"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("когда"), auto_now_add=True)

    class Meta:
        verbose_name = _("источник")
        verbose_name_plural = _("источники")
        indexes = [models.Index(fields=["content_type", "object_id"], name="source_record_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="document") | models.Q(document__isnull=False),
                name="source_document_kind_has_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.document or self.file_name or self.entered_by or ''}"

    def fragments(self) -> list[str]:
        """The quoted text of each span, for display beside the record."""
        if not self.document:
            return []
        text = self.document.text
        return [text[start:end] for start, end in self.spans if 0 <= start < end <= len(text)]


def sources_for(record) -> models.QuerySet[Source]:
    """All sources of a record."""
    return Source.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
    ).select_related("document", "entered_by")


def add_source(record, kind: str, **fields) -> Source:
    """Attach a source to a record, once (the same kind, document and file are not repeated)."""
    content_type = ContentType.objects.get_for_model(type(record))
    source, _created = Source.objects.get_or_create(
        content_type=content_type,
        object_id=record.pk,
        kind=kind,
        document=fields.pop("document", None),
        file_name=fields.pop("file_name", ""),
        defaults=fields,
    )
    return source

"""Shared model parts: the registry base class, scopes and the search index."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ortaq.core.writes import RegistryQuerySet


@dataclass
class Scope:
    """The regions and organizations a record belongs to, for editors' permissions."""

    region_ids: set[int] = field(default_factory=set)
    organization_ids: set[int] = field(default_factory=set)

    def add_organization(self, organization) -> None:
        if organization is None:
            return
        self.organization_ids.add(organization.pk)
        if organization.region_id:
            self.region_ids.add(organization.region_id)

    def add_region(self, region_id: int | None) -> None:
        if region_id:
            self.region_ids.add(region_id)

    def merge(self, other: Scope) -> None:
        self.region_ids |= other.region_ids
        self.organization_ids |= other.organization_ids


@lru_cache(maxsize=1024)
def choice_labels(field, language: str | None) -> dict:
    """{value: label} of a field's choices in a language (choices are fixed in code)."""
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


class StaleRecord(Exception):
    """A save of a version someone else has saved over since it was loaded; args[0] is the stored version."""


class RegistryModel(models.Model):
    """Base of every registry record: timestamps, an edit version, a URL and a scope."""

    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)
    # Incremented on every save: a form loaded at version N is refused once the record is at N+1.
    version = models.PositiveIntegerField(_("версия"), default=1, editable=False)
    # Whether the search box lists this kind of record (parts such as parties are found through their whole).
    searchable: ClassVar[bool] = True
    # Foreign keys to the records this one hangs from: writing it needs the right to change each of them,
    # as they are and as they will be (ortaq.core.permissions.WriteCheck).
    scope_parents: ClassVar[tuple[str, ...]] = ()
    # Required foreign keys to scoped records that are links between two owners, not parents (either side's
    # editor may write the record): declared so the permission matrix knows the choice was made.
    scope_links: ClassVar[tuple[str, ...]] = ()
    # Whether an editor may leave this kind of record with no region or organization (nobody's record).
    scope_may_be_empty: ClassVar[bool] = False
    # Fields only the server writes: read-only in the API whatever a client sends.
    server_fields: ClassVar[tuple[str, ...]] = ("id", "version", "created_at", "updated_at")
    # Counters the model keeps itself: a bulk update of only these reaches no derived store.
    bookkeeping_fields: ClassVar[tuple[str, ...]] = ()

    objects = RegistryQuerySet.as_manager()

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field) -> str:
        """get_<field>_display() from labels translated once per field and language: Django's own version
        translates every choice of the field on each call, a third of a long list's rendering time."""
        value = getattr(self, field.attname)
        return choice_labels(field, get_language()).get(make_hashable(value), value)

    def save(self, *args, **kwargs) -> None:
        """Insert, or update under a lock on the stored row: the version grows by one and, when the caller
        set `expected_version` (the version a form or API client loaded), a record saved by someone else
        since is refused with StaleRecord. The lock is held to the end of the caller's transaction, so two
        saves of the same version never both win (PostgreSQL: SELECT … FOR UPDATE; SQLite: the write
        transaction begins IMMEDIATE, one writer at a time)."""
        if self.pk is None or kwargs.get("force_insert"):
            super().save(*args, **kwargs)
            return
        with transaction.atomic():
            current = (type(self)._default_manager.select_for_update().filter(pk=self.pk)
                       .values_list("version", flat=True).first())
            expected = getattr(self, "expected_version", None)
            if current is not None and expected is not None and current != expected:
                raise StaleRecord(current)
            if current is not None:
                self.version = current + 1
            super().save(*args, **kwargs)
        self.expected_version = None

    @classmethod
    def url_name(cls, action: str) -> str:
        return f"{cls._meta.app_label}:{cls._meta.model_name}_{action}"

    def get_absolute_url(self) -> str:
        return reverse(self.url_name("detail"), args=[self.pk])

    def get_edit_url(self) -> str:
        return reverse(self.url_name("edit"), args=[self.pk])

    def get_delete_url(self) -> str:
        return reverse(self.url_name("delete"), args=[self.pk])

    def get_history_url(self) -> str:
        return reverse("core:history", args=[self._meta.label_lower, self.pk])

    def scope(self) -> Scope:
        """Regions and organizations whose editors may change this record."""
        return Scope()

    def search_text(self) -> str:
        """Words by which the search box finds this record."""
        return str(self)

    def search_dependents(self) -> Iterable[RegistryModel]:
        """Searchable records whose words include this one's name (an agreement names its parties): they are
        re-indexed when this record is renamed, added or removed."""
        return ()


class SearchEntry(models.Model):
    """One searchable record: its title and its words reduced to lemmas, kept fresh on every save."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    title = models.CharField(max_length=500)
    # " lemma lemma … " with spaces around, so a containment test matches whole words or prefixes.
    lemmas = models.TextField()
    # The words folded (lower case, ё→е, Kazakh letters kept) for typo-tolerant matching of names.
    words = models.TextField(default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="searchentry_one_per_record")
        ]
        verbose_name = _("запись поиска")
        verbose_name_plural = _("индекс поиска")

    def __str__(self) -> str:
        return self.title


class StaleStore(models.Model):
    """A derived store that a bulk write made stale as a whole (ortaq.core.derived): the next refresh task
    rebuilds it from the registry and removes the mark."""

    name = models.CharField(max_length=40, primary_key=True)
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("устаревшее производное хранилище")
        verbose_name_plural = _("устаревшие производные хранилища")

    def __str__(self) -> str:
        return self.name

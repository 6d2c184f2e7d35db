"""Agreements and memoranda, their parties, the commitments inside them and progress on those."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ortaq.core.languages import localized_name
from ortaq.core.models import RegistryModel, Scope
from ortaq.core.uploads import AllowedContent
from ortaq.core.writes import RegistryQuerySet
from ortaq.directory.models import Organization

# An agreement's scan or file and a report's evidence: checked by their bytes, whatever they are named.
DOCUMENT_CONTENT = AllowedContent("pdf", "docx", "xlsx", "png", "jpeg")

DUE_SOON_DAYS = 30
PARTY_BATCH: ContextVar[bool] = ContextVar("party_batch", default=False)


class Area(RegistryModel):
    """An area of cooperation: tourism, Smart City, education, …"""

    slug = models.SlugField(_("код"), max_length=64, unique=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=200)
    name_kk = models.CharField(_("название (каз.)"), max_length=200, blank=True)
    name_en = models.CharField(_("название (англ.)"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("сфера сотрудничества")
        verbose_name_plural = _("сферы сотрудничества")
        ordering = ["name_ru"]

    def __str__(self) -> str:
        return localized_name(self)

    def search_text(self) -> str:
        return f"{self.name_ru} {self.name_kk} {self.name_en}"

    def get_absolute_url(self) -> str:
        """Its own page when there is one, else the commitments of this area (never a link to nothing)."""
        try:
            return super().get_absolute_url()
        except NoReverseMatch:
            return f"{reverse('agreements:commitment_list')}?area={self.pk}"


class AgreementQuerySet(RegistryQuerySet):
    def in_force(self) -> AgreementQuerySet:
        return self.filter(status=Agreement.Status.IN_FORCE)

    def for_region(self, region) -> AgreementQuerySet:
        """Agreements where the region, or an organization of the region, is a party."""
        # Two indexed subqueries rather than an OR across a join with DISTINCT: fast at 100,000 agreements.
        as_region = Party.objects.filter(region=region).values("agreement_id")
        through_organizations = Party.objects.filter(
            organization_id__in=Organization.objects.filter(region=region).values("pk")).values("agreement_id")
        return self.filter(Q(pk__in=as_region) | Q(pk__in=through_organizations))

    def between(self, region_a, region_b) -> AgreementQuerySet:
        return self.for_region(region_a).filter(pk__in=self.for_region(region_b).values("pk"))


class Agreement(RegistryModel):
    class Kind(models.TextChoices):
        MEMORANDUM = "memorandum", _("меморандум")
        AGREEMENT = "agreement", _("соглашение")
        CONTRACT = "contract", _("договор")
        ROADMAP = "roadmap", _("дорожная карта")
        OTHER = "other", _("другое")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("статус соглашения", "проект")  # «жоба» / "draft", not a joint project
        SIGNED = "signed", _("подписано")
        IN_FORCE = "in_force", _("действует")
        FULFILLED = "fulfilled", _("исполнено")
        EXPIRED = "expired", _("истёк срок")
        TERMINATED = "terminated", _("расторгнуто")

    # The lifecycle: which status may follow which.
    TRANSITIONS = {
        Status.DRAFT: {Status.SIGNED, Status.TERMINATED},
        Status.SIGNED: {Status.IN_FORCE, Status.TERMINATED, Status.EXPIRED, Status.FULFILLED},
        Status.IN_FORCE: {Status.FULFILLED, Status.EXPIRED, Status.TERMINATED},
        Status.FULFILLED: set(),
        Status.EXPIRED: {Status.IN_FORCE},
        Status.TERMINATED: set(),
    }

    kind = models.CharField(_("вид"), max_length=16, choices=Kind.choices, default=Kind.MEMORANDUM)
    title = models.CharField(_("название"), max_length=500)
    number = models.CharField(_("номер"), max_length=100, blank=True)
    signed_on = models.DateField(_("дата подписания"), null=True, blank=True)
    signing_event = models.ForeignKey("events.Event", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="agreements", verbose_name=_("подписано на событии"))
    status = models.CharField(_("статус"), max_length=16, choices=Status.choices, default=Status.SIGNED)
    valid_from = models.DateField(_("действует с"), null=True, blank=True)
    valid_until = models.DateField(_("действует до"), null=True, blank=True)
    areas = models.ManyToManyField(Area, blank=True, related_name="agreements",
                                   verbose_name=_("сферы сотрудничества"))
    document_file = models.FileField(_("файл документа"), upload_to="agreements/%Y/", blank=True,
                                     validators=[DOCUMENT_CONTENT],
                                     help_text=_("PDF, Word (.docx), Excel (.xlsx) или изображение (PNG, JPEG)"))
    note = models.TextField(_("примечание"), blank=True)
    # Kept equal to the number of Party rows on every write; the check constraint below refuses
    # an agreement left with fewer than two parties.
    party_count = models.PositiveSmallIntegerField(_("число сторон"), default=2, editable=False)
    bookkeeping_fields = ("party_count",)
    history = HistoricalRecords(m2m_fields=[areas])

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("соглашение")
        verbose_name_plural = _("соглашения")
        ordering = ["-signed_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(party_count__gte=2), name="agreement_has_two_parties"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_until__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="agreement_term_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "signed", "in_force", "fulfilled", "expired", "terminated"]),
                name="agreement_status_known",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="agreement_status_idx"),
                   models.Index(fields=["signed_on"], name="agreement_signed_idx")]

    def __str__(self) -> str:
        return self.title

    def scope(self) -> Scope:
        scope = Scope()
        for party in self.parties.select_related("organization"):
            scope.add_region(party.region_id)
            scope.add_organization(party.organization)
        return scope

    def search_text(self) -> str:
        parties = " ".join(str(party) for party in self.parties.select_related("organization", "region"))
        return f"{self.title} {self.number} {self.get_kind_display()} {parties}"

    def can_move_to(self, status: str) -> bool:
        return status == self.status or status in self.TRANSITIONS.get(self.status, set())

    def refresh_party_count(self) -> None:
        """Store the real number of parties; the database refuses it when below two."""
        Agreement.objects.filter(pk=self.pk).update(party_count=self.parties.count())

    def commitment_summary(self) -> dict[str, int]:
        return self.commitments.aggregate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=Commitment.Status.DONE)),
            overdue=Count("pk", filter=Commitment.overdue_condition()),
        )


class Party(RegistryModel):
    """A side of an agreement: an organization or a region, with whoever signed for it."""
    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("agreement",)


    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties",
                                  verbose_name=_("соглашение"))
    organization = models.ForeignKey("directory.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="agreement_parties", verbose_name=_("организация"))
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="agreement_parties", verbose_name=_("регион"))
    signatory = models.ForeignKey("directory.Person", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="signed_parties", verbose_name=_("подписант"))
    signatory_title = models.CharField(_("должность подписанта"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("сторона соглашения")
        verbose_name_plural = _("стороны соглашения")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(organization__isnull=False) | Q(region__isnull=False),
                                   name="party_is_organization_or_region"),
            models.UniqueConstraint(fields=["agreement", "organization"], condition=Q(organization__isnull=False),
                                    name="party_organization_once"),
            models.UniqueConstraint(fields=["agreement", "region"],
                                    condition=Q(region__isnull=False, organization__isnull=True),
                                    name="party_region_once"),
        ]

    def __str__(self) -> str:
        return str(self.organization or self.region)

    def search_dependents(self) -> list[Agreement]:
        return list(Agreement.objects.filter(pk=self.agreement_id))

    def party_region_id(self) -> int | None:
        if self.organization_id:
            return self.organization.region_id
        return self.region_id

    def scope(self) -> Scope:
        return self.agreement.scope()

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        if not PARTY_BATCH.get():
            self.agreement.refresh_party_count()
        return result


@contextmanager
def editing_parties(agreement: Agreement) -> Iterator[None]:
    """Add and remove parties freely inside; on leaving, the count is stored and checked by the database."""
    token = PARTY_BATCH.set(True)
    try:
        yield
    finally:
        PARTY_BATCH.reset(token)
    agreement.refresh_party_count()


class CommitmentQuerySet(RegistryQuerySet):
    def overdue(self) -> CommitmentQuerySet:
        return self.filter(Commitment.overdue_condition())

    def due_soon(self, days: int = DUE_SOON_DAYS) -> CommitmentQuerySet:
        today = timezone.localdate()
        return self.open().filter(due_date__gte=today, due_date__lte=today + datetime.timedelta(days=days))

    def open(self) -> CommitmentQuerySet:
        return self.exclude(status__in=[Commitment.Status.DONE, Commitment.Status.CANCELLED])

    def for_region(self, region) -> CommitmentQuerySet:
        return self.filter(Q(owner__region=region) | Q(agreement__parties__region=region)
                           | Q(agreement__parties__organization__region=region)).distinct()


class Commitment(RegistryModel):
    scope_parents: ClassVar[tuple[str, ...]] = ("agreement",)

    class Status(models.TextChoices):
        OPEN = "open", _("не начато")
        IN_PROGRESS = "in_progress", _("выполняется")
        DONE = "done", _("выполнено")
        CANCELLED = "cancelled", _("отменено")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="commitments",
                                  verbose_name=_("соглашение"))
    text = models.TextField(_("обязательство"))
    owner = models.ForeignKey("directory.Organization", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="commitments", verbose_name=_("ответственный"))
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments",
                             verbose_name=_("сфера"))
    due_date = models.DateField(_("срок"), null=True, blank=True)
    indicator = models.CharField(_("показатель"), max_length=300, blank=True)
    unit = models.CharField(_("единица"), max_length=50, blank=True)
    baseline = models.DecimalField(_("базовое значение"), max_digits=20, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("целевое значение"), max_digits=20, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("фактическое значение"), max_digits=20, decimal_places=2, null=True,
                                 blank=True)
    status = models.CharField(_("статус"), max_length=16, choices=Status.choices, default=Status.OPEN)
    history = HistoricalRecords()

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("обязательство")
        verbose_name_plural = _("обязательства")
        ordering = ["due_date", "pk"]
        # No (status, due_date) index: without statistics SQLite takes it for "status IN (…) ORDER BY due_date"
        # and sorts every open commitment; (due_date, id) serves those lists in order, the partial ones count.
        indexes = [models.Index(fields=["due_date", "id"], name="commitment_due_idx"),
                   # Open commitments only (the tracker and its backlog): by owner, by due date, by agreement.
                   # Status is carried as well, so that SQLite counts from the index without reading rows.
                   models.Index(fields=["owner", "due_date", "status"], name="commitment_open_owner_idx",
                                condition=Q(status__in=["open", "in_progress"])),
                   models.Index(fields=["due_date", "owner", "status"], name="commitment_open_due_idx",
                                condition=Q(status__in=["open", "in_progress"])),
                   models.Index(fields=["agreement", "due_date", "owner", "status"],
                                name="commitment_open_agreement_idx", condition=Q(status__in=["open", "in_progress"])),
                   # Every commitment by agreement and by owner with its month and status: a region's rollup
                   # refresh (analytics) counts them from these indexes without reading rows.
                   models.Index(fields=["agreement", "status", "due_date"], name="commitment_agreement_idx"),
                   models.Index(fields=["owner", "status", "due_date"], name="commitment_owner_idx")]

    def __str__(self) -> str:
        return self.text[:120]

    @staticmethod
    def overdue_condition() -> Q:
        return Q(due_date__lt=timezone.localdate()) & ~Q(status__in=["done", "cancelled"])

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_date and self.due_date < timezone.localdate()
                    and self.status not in (self.Status.DONE, self.Status.CANCELLED))

    @property
    def fulfilment_percent(self) -> float | None:
        """Progress from baseline to target, in percent."""
        if self.target is None or self.actual is None:
            return None
        start = self.baseline or 0
        if self.target == start:
            return 100.0 if self.actual >= self.target else 0.0
        return round(float((self.actual - start) / (self.target - start) * 100), 1)

    def scope(self) -> Scope:
        scope = self.agreement.scope()
        scope.add_organization(self.owner)
        return scope


class ProgressReport(RegistryModel):
    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("commitment",)

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="reports",
                                   verbose_name=_("обязательство"))
    date = models.DateField(_("дата"))
    value = models.DecimalField(_("достигнутое значение"), max_digits=20, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("что сделано"), blank=True)
    evidence = models.FileField(_("подтверждающий документ"), upload_to="evidence/%Y/", blank=True,
                                validators=[DOCUMENT_CONTENT],
                                help_text=_("PDF, Word (.docx), Excel (.xlsx) или изображение (PNG, JPEG)"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    verbose_name=_("кто сообщил"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("отчёт о ходе исполнения")
        verbose_name_plural = _("отчёты о ходе исполнения")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date}: {self.note[:80]}"

    def scope(self) -> Scope:
        return self.commitment.scope()


class OwnerBacklog(models.Model):
    """Derived, never edited: per owner organization, its open commitments due before `due_before` (the first
    day of the month they were counted in). Kept exact on every commitment write by `ortaq.analytics.tracker`;
    owner_key 0 stands for commitments without an owner, -1 for the stamp row (month and last commitment id)."""

    owner_key = models.BigIntegerField(primary_key=True)
    due_before = models.DateField()
    open_count = models.IntegerField(default=0)
    last_commitment_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("просроченные обязательства организации (итог)")
        verbose_name_plural = _("просроченные обязательства организаций (итоги)")

    def __str__(self) -> str:
        return f"{self.owner_key}: {self.open_count} < {self.due_before}"


class RegionBacklog(models.Model):
    """Derived, never edited: `OwnerBacklog` for the commitments touching one region (its organizations own them
    or its agreements hold them). Kept exact on commitment writes; a party or organization write, a new month or
    a bulk load drops a region's stamp (owner_key -1) and the next reader recounts that region."""

    region_id = models.BigIntegerField()
    owner_key = models.BigIntegerField()
    due_before = models.DateField()
    open_count = models.IntegerField(default=0)
    last_commitment_id = models.BigIntegerField(default=0)
    last_party_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("просроченные обязательства организации в регионе (итог)")
        verbose_name_plural = _("просроченные обязательства организаций в регионах (итоги)")
        constraints = [models.UniqueConstraint(fields=["region_id", "owner_key"], name="regionbacklog_once")]

    def __str__(self) -> str:
        return f"{self.region_id}/{self.owner_key}: {self.open_count} < {self.due_before}"

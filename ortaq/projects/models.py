"""Joint projects of regions and their milestones."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortaq.core.models import RegistryModel, Scope
from ortaq.core.writes import RegistryQuerySet


class JointProjectQuerySet(RegistryQuerySet):
    def for_region(self, region) -> JointProjectQuerySet:
        return self.filter(Q(regions=region) | Q(partners__region=region)).distinct()


class JointProject(RegistryModel):
    class Kind(models.TextChoices):
        INFRASTRUCTURE = "infrastructure", _("инфраструктура")
        DIGITAL = "digital", _("цифровизация")
        TOURISM = "tourism", _("туризм")
        ECONOMY = "economy", _("экономика и предпринимательство")
        AGRICULTURE = "agriculture", _("сельское хозяйство")
        SOCIAL = "social", _("социальная сфера")
        CULTURE = "culture", _("культура")
        OTHER = "other", _("другое")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("предложен")
        PLANNED = "planned", _("запланирован")
        IN_PROGRESS = "in_progress", _("реализуется")
        COMPLETED = "completed", _("завершён")
        SUSPENDED = "suspended", _("приостановлен")
        CANCELLED = "cancelled", _("отменён")

    title = models.CharField(_("название"), max_length=500)
    kind = models.CharField(_("вид"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    status = models.CharField(_("статус"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    regions = models.ManyToManyField("regions.Region", related_name="joint_projects", verbose_name=_("регионы"))
    partners = models.ManyToManyField("directory.Organization", blank=True, related_name="joint_projects",
                                      verbose_name=_("партнёры"))
    areas = models.ManyToManyField("agreements.Area", blank=True, related_name="joint_projects",
                                   verbose_name=_("сферы сотрудничества"))
    agreements = models.ManyToManyField("agreements.Agreement", blank=True, related_name="joint_projects",
                                        verbose_name=_("связанные соглашения"))
    start_year = models.PositiveSmallIntegerField(_("год начала"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("год окончания"), null=True, blank=True)
    budget = models.DecimalField(_("бюджет"), max_digits=20, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("валюта"), max_length=3, default="KZT")
    description = models.TextField(_("описание"), blank=True)
    history = HistoricalRecords(m2m_fields=[regions, partners, areas, agreements])

    objects = JointProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("совместный проект")
        verbose_name_plural = _("совместные проекты")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True) | Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                name="jointproject_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(budget__isnull=True) | Q(budget__gte=0),
                                   name="jointproject_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return self.title

    def scope(self) -> Scope:
        if self.pk is None:
            return Scope()
        scope = Scope(region_ids=set(self.regions.values_list("pk", flat=True)))
        for partner in self.partners.all():
            scope.add_organization(partner)
        return scope

    def search_text(self) -> str:
        return f"{self.title} {self.description[:500]}"


class Milestone(RegistryModel):
    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("project",)

    class Status(models.TextChoices):
        PLANNED = "planned", _("запланирован")
        DONE = "done", _("достигнут")
        MISSED = "missed", _("сорван")

    project = models.ForeignKey(JointProject, on_delete=models.CASCADE, related_name="milestones",
                                verbose_name=_("проект"))
    title = models.CharField(_("этап"), max_length=300)
    due_date = models.DateField(_("срок"), null=True, blank=True)
    done_on = models.DateField(_("достигнут"), null=True, blank=True)
    status = models.CharField(_("статус"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("этап проекта")
        verbose_name_plural = _("этапы проекта")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(status="done") | Q(done_on__isnull=False),
                                   name="milestone_done_has_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def scope(self) -> Scope:
        return self.project.scope()

    def get_absolute_url(self) -> str:
        return self.project.get_absolute_url()

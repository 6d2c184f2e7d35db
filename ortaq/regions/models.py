"""Regions (first-level units of Kazakhstan and foreign regions) and their settlements."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortaq.core.languages import localized_name
from ortaq.core.models import RegistryModel, Scope
from ortaq.core.writes import RegistryQuerySet


class RegionQuerySet(RegistryQuerySet):
    def of_kazakhstan(self) -> RegionQuerySet:
        return self.filter(country="KZ")

    def by_code(self, code: str) -> Region | None:
        return self.filter(code=code).first()


class Region(RegistryModel):
    class Kind(models.TextChoices):
        OBLAST = "oblast", _("область")
        CITY = "city", _("город республиканского значения")
        FOREIGN = "foreign", _("зарубежный регион")

    code = models.CharField(_("код ISO 3166-2"), max_length=10, unique=True, help_text=_("например KZ-35"))
    kato = models.CharField(_("КАТО"), max_length=12, null=True, blank=True, unique=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=200)
    name_kk = models.CharField(_("название (каз.)"), max_length=200, blank=True)
    name_en = models.CharField(_("название (англ.)"), max_length=200, blank=True)
    kind = models.CharField(_("вид"), max_length=16, choices=Kind.choices, default=Kind.OBLAST)
    country = models.CharField(_("страна (ISO 3166-1)"), max_length=2, default="KZ")
    centre = models.CharField(_("центр"), max_length=200, blank=True)
    latitude = models.FloatField(_("широта центра"), null=True, blank=True)
    longitude = models.FloatField(_("долгота центра"), null=True, blank=True)
    historic_names = models.JSONField(_("прежние названия"), default=list, blank=True)
    established_year = models.PositiveSmallIntegerField(_("образован (год)"), null=True, blank=True)
    history = HistoricalRecords()

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("регион")
        verbose_name_plural = _("регионы")
        ordering = ["name_ru"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="region_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="region_longitude_range",
            ),
            models.CheckConstraint(condition=~Q(name_ru=""), name="region_name_required"),
        ]

    def __str__(self) -> str:
        return localized_name(self)

    def scope(self) -> Scope:
        return Scope(region_ids={self.pk})

    def search_text(self) -> str:
        return " ".join([self.name_ru, self.name_kk, self.name_en, self.code, self.centre, *self.historic_names])

    def search_dependents(self) -> list:
        """Agreements naming this region as a party."""
        return [party.agreement for party in self.agreement_parties.filter(organization=None)
                .select_related("agreement")]


class Settlement(RegistryModel):
    class Kind(models.TextChoices):
        CITY = "city", _("город")
        TOWN = "town", _("посёлок")
        VILLAGE = "village", _("село")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="settlements",
                               verbose_name=_("регион"))
    name_ru = models.CharField(_("название (рус.)"), max_length=200)
    name_kk = models.CharField(_("название (каз.)"), max_length=200, blank=True)
    name_en = models.CharField(_("название (англ.)"), max_length=200, blank=True)
    kind = models.CharField(_("вид"), max_length=16, choices=Kind.choices, default=Kind.CITY)
    kato = models.CharField(_("КАТО"), max_length=12, blank=True)
    latitude = models.FloatField(_("широта"), null=True, blank=True)
    longitude = models.FloatField(_("долгота"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("населённый пункт")
        verbose_name_plural = _("населённые пункты")
        ordering = ["name_ru"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name_ru"], name="settlement_unique_name_in_region"),
        ]

    def __str__(self) -> str:
        return localized_name(self)

    def scope(self) -> Scope:
        return Scope(region_ids={self.region_id})

    def search_text(self) -> str:
        return " ".join([self.name_ru, self.name_kk, self.name_en])

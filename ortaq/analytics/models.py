"""Rollups behind the dashboard, region and pair pages: counts per region pair and year, tallies per region.

They are derived data, rebuilt from the registry by `ortaq.analytics.rollups`; never edited by hand.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PairYear(models.Model):
    """What two regions did together in one year (region_a has the smaller id; year 0 = undated)."""

    region_a = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    region_b = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    agreements = models.PositiveIntegerField(default=0)
    events = models.PositiveIntegerField(default=0)
    projects = models.PositiveIntegerField(default=0)
    supply_tenge = models.DecimalField(max_digits=22, decimal_places=2, default=Decimal(0))
    supply_tonnes = models.DecimalField(max_digits=18, decimal_places=3, default=Decimal(0))

    class Meta:
        verbose_name = _("связи пары регионов за год")
        verbose_name_plural = _("связи пар регионов по годам")
        constraints = [
            models.UniqueConstraint(fields=["region_a", "region_b", "year"], name="pairyear_unique"),
            models.CheckConstraint(condition=Q(region_a__lt=models.F("region_b")), name="pairyear_ordered"),
        ]
        indexes = [models.Index(fields=["region_b", "year"], name="pairyear_b_idx")]

    def __str__(self) -> str:
        return f"{self.region_a_id}↔{self.region_b_id} {self.year}"


class Tally(models.Model):
    """A count for one region (or the whole registry when region is empty), one measure, key and period.

    `period` is a year (e.g. 2018) or, for commitments, a month as yyyymm (201807); 0 = undated.
    """

    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+")
    measure = models.CharField(max_length=32)
    key = models.CharField(max_length=64, blank=True)
    period = models.PositiveIntegerField()
    value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("итог")
        verbose_name_plural = _("итоги")
        indexes = [models.Index(fields=["region", "measure", "period"], name="tally_region_measure_idx")]

    def __str__(self) -> str:
        return f"{self.region_id} {self.measure} {self.key} {self.period}: {self.value}"


class StaleRegion(models.Model):
    """A region whose rollups a write has made stale; region_id 0 stands for the whole-registry rows."""

    region_id = models.BigIntegerField(primary_key=True)
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("устаревшие итоги региона")
        verbose_name_plural = _("устаревшие итоги регионов")

    def __str__(self) -> str:
        return str(self.region_id)


class Touch(models.Model):
    """One record touching one region (see `membership`), with the record's date: the index behind every
    "records of a region" and "records of a pair of regions" list. Kept exact on write (`touches`)."""

    class Kind(models.IntegerChoices):
        AGREEMENT = 1, _("соглашение")
        EVENT = 2, _("событие")
        PROJECT = 3, _("совместный проект")

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    record_id = models.BigIntegerField()
    # The record's date (signed, started, first year); undated records carry UNDATED so they sort last.
    day = models.DateField()

    class Meta:
        verbose_name = _("связь записи с регионом")
        verbose_name_plural = _("связи записей с регионами")
        constraints = [models.UniqueConstraint(fields=["kind", "record_id", "region"], name="touch_once")]
        indexes = [models.Index(fields=["region", "kind", "day", "record_id"], name="touch_region_day_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.record_id} → {self.region_id}"

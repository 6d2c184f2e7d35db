"""The food belt: supply programs, suppliers, yearly plans, deliveries, reported totals and their rollups."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortaq.core.languages import localized_name
from ortaq.core.models import RegistryModel, Scope
from ortaq.core.writes import RegistryQuerySet

TENGE = {"max_digits": 18, "decimal_places": 2}
TONNES = {"max_digits": 14, "decimal_places": 3}
PERCENT = {"max_digits": 7, "decimal_places": 2}
# Deliveries older than this are typing mistakes (the program started in the 2010s).
DELIVERY_DATE_MIN = datetime.date(2000, 1, 1)
SUPPLIER_KINDS = ("agricultural_producer", "processor", "cooperative")


class Qualifier(models.TextChoices):
    """How a quoted figure is hedged: «более 2000», «почти 40 %», «около 25 млрд»."""

    MORE_THAN = "more_than", _("более")
    AT_LEAST = "at_least", _("не менее")
    ABOUT = "about", _("около")
    ALMOST = "almost", _("почти")
    LESS_THAN = "less_than", _("менее")
    UP_TO = "up_to", _("до")


class ProductCategory(RegistryModel):
    """A product category of the food belt (meat, milk, vegetables, …); editable reference data."""

    searchable = False
    slug = models.SlugField(_("код"), max_length=32, unique=True)
    name_ru = models.CharField(_("название (рус.)"), max_length=100)
    name_kk = models.CharField(_("название (каз.)"), max_length=100, blank=True)
    name_en = models.CharField(_("название (англ.)"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("категория продукции")
        verbose_name_plural = _("категории продукции")
        ordering = ["sort_order", "name_ru"]
        constraints = [models.CheckConstraint(condition=~Q(name_ru=""), name="productcategory_name_required")]

    def __str__(self) -> str:
        return localized_name(self)


class SupplyProgram(RegistryModel):
    """A food-belt program: the regions that supply one consuming city over some years."""

    name = models.CharField(_("название"), max_length=300)
    consumer_region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="supply_programs",
                                        verbose_name=_("город-потребитель"))
    regions = models.ManyToManyField("regions.Region", blank=True, related_name="supplying_programs",
                                     verbose_name=_("регионы-участники"))
    start_year = models.PositiveSmallIntegerField(_("с года"))
    end_year = models.PositiveSmallIntegerField(_("по год"), null=True, blank=True)
    description = models.TextField(_("описание"), blank=True)
    synthetic = models.BooleanField(_("синтетические данные"), default=False)
    history = HistoricalRecords(m2m_fields=[regions])

    class Meta:
        verbose_name = _("программа продовольственного пояса")
        verbose_name_plural = _("программы продовольственного пояса")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                                   name="supplyprogram_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.name

    def scope(self) -> Scope:
        return Scope(region_ids={self.consumer_region_id})

    def covers(self, year: int) -> bool:
        return self.start_year <= year and (self.end_year is None or year <= self.end_year)


class Supplier(RegistryModel):
    """A registry organization (farm, processor, cooperative) that supplies food; its region is the organization's."""

    searchable = False  # found through its organization
    # Search-as-you-type (core.pages.autocomplete) finds a supplier through its organization's search entry.
    autocomplete_through: ClassVar[str] = "organization"
    scope_parents: ClassVar[tuple[str, ...]] = ("organization",)
    organization = models.OneToOneField("directory.Organization", on_delete=models.PROTECT,
                                        related_name="supplier", verbose_name=_("организация"))
    categories = models.ManyToManyField(ProductCategory, blank=True, related_name="suppliers",
                                        verbose_name=_("категории продукции"))
    active = models.BooleanField(_("поставляет"), default=True)
    note = models.TextField(_("примечание"), blank=True)
    synthetic = models.BooleanField(_("синтетические данные"), default=False)
    history = HistoricalRecords(m2m_fields=[categories])

    class Meta:
        verbose_name = _("поставщик")
        verbose_name_plural = _("поставщики")
        ordering = ["organization__name"]

    def __str__(self) -> str:
        return str(self.organization)

    @property
    def region(self):
        return self.organization.region

    def scope(self) -> Scope:
        return self.organization.scope()


class PlanQuerySet(RegistryQuerySet):
    def totals(self) -> PlanQuerySet:
        """Plans for a region's whole supply (no category)."""
        return self.filter(category__isnull=True)


class SupplyPlan(RegistryModel):
    """What a region plans to supply within a program in a year, in total or for one category."""

    searchable = False
    # A plan belongs to its supplying region as much as to the program's consumer: either's editor writes it.
    scope_links: ClassVar[tuple[str, ...]] = ("program",)
    program = models.ForeignKey(SupplyProgram, on_delete=models.CASCADE, related_name="plans",
                                verbose_name=_("программа"))
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="supply_plans",
                               verbose_name=_("регион-поставщик"))
    year = models.PositiveSmallIntegerField(_("год"))
    category = models.ForeignKey(ProductCategory, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="plans", verbose_name=_("категория (пусто — всего)"))
    value_tenge = models.DecimalField(_("сумма, тенге"), null=True, blank=True,
                                      validators=[MinValueValidator(Decimal(0))], **TENGE)
    volume_tonnes = models.DecimalField(_("объём, т"), null=True, blank=True,
                                        validators=[MinValueValidator(Decimal(0))], **TONNES)
    suppliers_count = models.PositiveIntegerField(_("число поставщиков"), null=True, blank=True)
    growth_percent = models.DecimalField(_("рост к прошлому году, %"), null=True, blank=True, **PERCENT)
    note = models.CharField(_("примечание"), max_length=500, blank=True)
    synthetic = models.BooleanField(_("синтетические данные"), default=False)
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("план поставок")
        verbose_name_plural = _("планы поставок")
        ordering = ["-year", "region__name_ru", "category__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["program", "region", "year", "category"],
                                    condition=Q(category__isnull=False), name="supplyplan_one_per_category"),
            models.UniqueConstraint(fields=["program", "region", "year"], condition=Q(category__isnull=True),
                                    name="supplyplan_one_total"),
            models.CheckConstraint(condition=Q(value_tenge__isnull=True) | Q(value_tenge__gte=0),
                                   name="supplyplan_value_not_negative"),
            models.CheckConstraint(condition=Q(volume_tonnes__isnull=True) | Q(volume_tonnes__gte=0),
                                   name="supplyplan_volume_not_negative"),
        ]

    def __str__(self) -> str:
        what = self.category or _("всего")
        return f"{self.region} → {self.program.consumer_region}, {self.year}: {what}"

    def scope(self) -> Scope:
        return Scope(region_ids={self.region_id, self.program.consumer_region_id})


class ReportedSupplyTotal(RegistryModel):
    """A region-year food-belt figure quoted by the press or a report, kept beside the computed totals.

    Fields: `program`; `region` (the supplying region); `year`; `kind` ("actual" for a reported result,
    "plan" for a reported intention); `category` (null = all products); `value_tenge` (Decimal tenge, e.g.
    25 000 000 000 for «25 млрд тенге»); `volume_tonnes` (Decimal tonnes, «66 тыс. тонн» → 66000);
    `suppliers_count` (integer); `growth_percent` (Decimal % over the previous year, «на 40%» → 40);
    `qualifier` (hedge of the money/volume/growth figures: "more_than", "at_least", "about", "almost",
    "less_than", "up_to", or null when exact); `suppliers_qualifier` (the same for the supplier count);
    `as_of` (date of the statement); `note`. Where it came from is a `sources.Source` (kind "document" with
    the character spans of the sentence), attached with `ortaq.sources.models.add_source`.
    """
    # A plan belongs to its supplying region as much as to the program's consumer: either's editor writes it.
    scope_links: ClassVar[tuple[str, ...]] = ("program",)

    searchable = False

    class Kind(models.TextChoices):
        ACTUAL = "actual", _("факт")
        PLAN = "plan", _("план")

    program = models.ForeignKey(SupplyProgram, on_delete=models.CASCADE, related_name="reported_totals",
                                verbose_name=_("программа"))
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="reported_supply_totals",
                               verbose_name=_("регион-поставщик"))
    year = models.PositiveSmallIntegerField(_("год"))
    kind = models.CharField(_("вид"), max_length=8, choices=Kind.choices, default=Kind.ACTUAL)
    category = models.ForeignKey(ProductCategory, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="reported_totals", verbose_name=_("категория (пусто — всего)"))
    value_tenge = models.DecimalField(_("сумма, тенге"), null=True, blank=True, **TENGE)
    volume_tonnes = models.DecimalField(_("объём, т"), null=True, blank=True, **TONNES)
    suppliers_count = models.PositiveIntegerField(_("число поставщиков"), null=True, blank=True)
    growth_percent = models.DecimalField(_("рост к прошлому году, %"), null=True, blank=True, **PERCENT)
    qualifier = models.CharField(_("оговорка к сумме и объёму"), max_length=16, choices=Qualifier.choices,
                                 null=True, blank=True)
    suppliers_qualifier = models.CharField(_("оговорка к числу поставщиков"), max_length=16,
                                           choices=Qualifier.choices, null=True, blank=True)
    as_of = models.DateField(_("на дату"), null=True, blank=True)
    note = models.CharField(_("примечание"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("заявленный итог поставок")
        verbose_name_plural = _("заявленные итоги поставок")
        ordering = ["-year", "region__name_ru"]
        constraints = [
            models.CheckConstraint(condition=Q(value_tenge__isnull=True) | Q(value_tenge__gte=0),
                                   name="reportedsupplytotal_value_not_negative"),
            models.CheckConstraint(condition=Q(volume_tonnes__isnull=True) | Q(volume_tonnes__gte=0),
                                   name="reportedsupplytotal_volume_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.region}, {self.year} ({self.get_kind_display()})"

    def scope(self) -> Scope:
        return Scope(region_ids={self.region_id, self.program.consumer_region_id})


class DeliveryImport(models.Model):
    """One imported file (or generated batch): its digest, who loaded it and what it added."""

    file_name = models.CharField(_("файл"), max_length=255)
    sha256 = models.CharField(_("контрольная сумма"), max_length=64, db_index=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    verbose_name=_("загрузил"))
    imported_at = models.DateTimeField(_("когда"), auto_now_add=True)
    rows_total = models.PositiveIntegerField(_("строк в файле"), default=0)
    rows_added = models.PositiveIntegerField(_("добавлено"), default=0)
    rows_skipped = models.PositiveIntegerField(_("уже были в реестре"), default=0)
    synthetic = models.BooleanField(_("синтетические данные"), default=False)

    class Meta:
        verbose_name = _("импорт поставок")
        verbose_name_plural = _("импорты поставок")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%d.%m.%Y %H:%M})" if self.imported_at else self.file_name


class Delivery(RegistryModel):
    """One delivery of one category of produce by a supplier to a consuming city, by a numbered document."""

    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("supplier",)
    # Foreign keys covered by the composite indexes below get no index of their own: fewer indexes to keep
    # up to date when a million rows are imported.
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="deliveries", db_index=False,
                                 verbose_name=_("поставщик"))
    category = models.ForeignKey(ProductCategory, on_delete=models.PROTECT, related_name="deliveries",
                                 db_index=False, verbose_name=_("категория"))
    date = models.DateField(_("дата"))
    volume_tonnes = models.DecimalField(_("объём, т"), **TONNES)
    value_tenge = models.DecimalField(_("сумма, тенге"), **TENGE)
    consumer_region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="deliveries_in",
                                        db_index=False, verbose_name=_("регион-потребитель"))
    consumer = models.CharField(_("получатель"), max_length=300, blank=True)
    document_number = models.CharField(_("номер документа"), max_length=64)
    # Provenance only: no database constraint, so a million imported rows do not each queue a foreign-key check.
    batch = models.ForeignKey(DeliveryImport, null=True, blank=True, on_delete=models.SET_NULL, db_index=False,
                              db_constraint=False, related_name="deliveries", verbose_name=_("импорт"))
    source_row = models.PositiveIntegerField(_("строка файла"), null=True, blank=True)
    synthetic = models.BooleanField(_("синтетические данные"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("поставка")
        verbose_name_plural = _("поставки")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["document_number", "supplier"], name="delivery_document_once"),
            models.CheckConstraint(condition=Q(volume_tonnes__gt=0), name="delivery_volume_positive"),
            models.CheckConstraint(condition=Q(value_tenge__gte=0), name="delivery_value_not_negative"),
            models.CheckConstraint(condition=~Q(document_number=""), name="delivery_document_required"),
        ]
        indexes = [
            models.Index(fields=["supplier", "date"], name="delivery_supplier_date_idx"),
            models.Index(fields=["consumer_region", "date"], name="delivery_consumer_date_idx"),
        ]

    def __str__(self) -> str:
        return f"№ {self.document_number} от {self.date:%d.%m.%Y}" if self.date else self.document_number

    def scope(self) -> Scope:
        return self.supplier.scope()


class DeliveryRollup(models.Model):
    """Deliveries summed per supplying region, consuming region, category and month; kept fresh on write."""

    supplier_region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+",
                                        db_index=False)
    consumer_region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(ProductCategory, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    value_tenge = models.DecimalField(default=0, **TENGE)
    volume_tonnes = models.DecimalField(default=0, **TONNES)
    deliveries = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["supplier_region", "consumer_region", "category", "year", "month"], name="deliveryrollup_cell")]

    def __str__(self) -> str:
        return f"{self.supplier_region_id}→{self.consumer_region_id} {self.category_id} {self.year}-{self.month:02d}"


class SupplierYear(models.Model):
    """Deliveries summed per supplier, consuming region and year: supplier counts and the top suppliers."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="years", db_index=False)
    supplier_region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    consumer_region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    value_tenge = models.DecimalField(default=0, **TENGE)
    volume_tonnes = models.DecimalField(default=0, **TONNES)
    deliveries = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["supplier", "consumer_region", "year"],
                                               name="supplieryear_cell")]
        indexes = [models.Index(fields=["consumer_region", "year", "value_tenge"], name="supplieryear_top_idx")]

    def __str__(self) -> str:
        return f"{self.supplier_id}→{self.consumer_region_id} {self.year}"

"""Organizations, people and the posts people hold."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortaq.core.languages import in_language, localized_name
from ortaq.core.models import RegistryModel, Scope
from ortaq.core.writes import RegistryQuerySet
from ortaq.directory.validators import validate_bin


class OrganizationQuerySet(RegistryQuerySet):
    def in_region(self, region) -> OrganizationQuerySet:
        return self.filter(region=region)


class Organization(RegistryModel):
    class Kind(models.TextChoices):
        AKIMAT = "akimat", _("акимат")
        GOVERNMENT_BODY = "government_body", _("государственный орган")
        NATIONAL_COMPANY = "national_company", _("национальная компания")
        SEC = "sec", _("социально-предпринимательская корпорация")
        COMPANY = "company", _("предприятие")
        AGRICULTURAL_PRODUCER = "agricultural_producer", _("сельхозпроизводитель")
        PROCESSOR = "processor", _("перерабатывающее предприятие")
        COOPERATIVE = "cooperative", _("кооператив")
        EDUCATION = "education", _("образование")
        HEALTHCARE = "healthcare", _("здравоохранение")
        CULTURE = "culture", _("культура")
        NGO = "ngo", _("общественная организация")
        OTHER = "other", _("другое")

    class LegalForm(models.TextChoices):
        NONE = "", _("—")
        GU = "ГУ", _("ГУ — государственное учреждение")
        TOO = "ТОО", _("ТОО — товарищество с ограниченной ответственностью")
        AO = "АО", _("АО — акционерное общество")
        NAO = "НАО", _("НАО — некоммерческое акционерное общество")
        KGP = "КГП", _("КГП — коммунальное государственное предприятие")
        RGP = "РГП", _("РГП — республиканское государственное предприятие")
        SPK = "СПК", _("СПК — социально-предпринимательская корпорация")
        PK = "ПК", _("ПК — производственный кооператив")
        KH = "КХ", _("КХ — крестьянское хозяйство")
        IP = "ИП", _("ИП — индивидуальный предприниматель")
        OO = "ОО", _("ОО — общественное объединение")
        OF = "ОФ", _("ОФ — общественный фонд")
        U = "У", _("У — учреждение")

    name = models.CharField(_("название"), max_length=500)
    # Shown in the Kazakh interface when filled (ortaq.core.languages).
    name_kk = models.CharField(_("название (каз.)"), max_length=500, blank=True)
    short_name = models.CharField(_("краткое название"), max_length=200, blank=True)
    kind = models.CharField(_("вид"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    legal_form = models.CharField(_("организационно-правовая форма"), max_length=8,
                                  choices=LegalForm.choices, blank=True)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="organizations", verbose_name=_("регион"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="children", verbose_name=_("вышестоящая организация"))
    bin = models.CharField(_("БИН"), max_length=12, null=True, blank=True, validators=[validate_bin])
    aliases = models.JSONField(_("другие названия"), default=list, blank=True)
    website = models.URLField(_("сайт"), blank=True)
    note = models.TextField(_("примечание"), blank=True)
    history = HistoricalRecords()

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("организация")
        verbose_name_plural = _("организации")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["bin"], condition=Q(bin__isnull=False), name="organization_bin_unique"),
            models.CheckConstraint(condition=Q(bin__isnull=True) | Q(bin__regex=r"^[0-9]{12}$"),
                                   name="organization_bin_twelve_digits"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="organization_not_own_parent"),
            models.CheckConstraint(condition=~Q(name=""), name="organization_name_required"),
        ]

    def __str__(self) -> str:
        return localized_name(self)

    def scope(self) -> Scope:
        scope = Scope()
        scope.add_organization(self)
        if self.parent_id:
            scope.organization_ids.add(self.parent_id)
        return scope

    def search_text(self) -> str:
        return " ".join([self.name, self.name_kk, self.short_name, self.bin or "", *self.aliases])

    def search_dependents(self) -> list:
        """Agreements naming this organization as a party."""
        return [party.agreement for party in self.agreement_parties.select_related("agreement")]


class Person(RegistryModel):
    # A person belongs to the regions of the posts they hold: a new person has none yet.
    scope_may_be_empty: ClassVar[bool] = True

    last_name = models.CharField(_("фамилия"), max_length=100)
    first_name = models.CharField(_("имя"), max_length=100)
    patronymic = models.CharField(_("отчество"), max_length=100, blank=True)
    name_kk = models.CharField(_("имя (каз.)"), max_length=300, blank=True)
    note = models.TextField(_("примечание"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("персона")
        verbose_name_plural = _("люди")
        ordering = ["last_name", "first_name"]
        constraints = [models.CheckConstraint(condition=~Q(last_name=""), name="person_last_name_required")]

    def __str__(self) -> str:
        russian = " ".join(part for part in (self.first_name, self.last_name) if part)
        return in_language(russian, self.name_kk)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)

    def scope(self) -> Scope:
        scope = Scope()
        for position in self.positions.select_related("organization"):
            scope.merge(position.scope())
        return scope

    def search_text(self) -> str:
        return " ".join([self.first_name, self.last_name, self.patronymic, self.name_kk])

    def search_dependents(self) -> list[Position]:
        return list(self.positions.select_related("person"))


class PositionQuerySet(RegistryQuerySet):
    def current(self, on=None) -> PositionQuerySet:
        day = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=day)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class Position(RegistryModel):
    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("person",)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions",
                               verbose_name=_("персона"))
    title = models.CharField(_("должность"), max_length=300, help_text=_("например «аким», «заместитель акима»"))
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="positions", verbose_name=_("регион"))
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="positions", verbose_name=_("организация"))
    start_date = models.DateField(_("с"), null=True, blank=True)
    end_date = models.DateField(_("по"), null=True, blank=True)
    history = HistoricalRecords()

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("должность")
        verbose_name_plural = _("должности")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="position_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(region__isnull=False) | Q(organization__isnull=False),
                                   name="position_has_region_or_organization"),
        ]

    def __str__(self) -> str:
        place = self.organization or self.region
        return f"{self.person}: {self.title}" + (f", {place}" if place else "")

    def scope(self) -> Scope:
        scope = Scope()
        scope.add_region(self.region_id)
        scope.add_organization(self.organization)
        return scope

    def search_text(self) -> str:
        return f"{self.person} {self.title}"

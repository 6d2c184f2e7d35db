"""Programs (campaigns such as a Days of Culture tour), events and who took part in them."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortaq.core.languages import localized_name
from ortaq.core.models import RegistryModel, Scope
from ortaq.core.writes import RegistryQuerySet

ENDS_AFTER_START = Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date"))


class Program(RegistryModel):
    class Kind(models.TextChoices):
        CULTURE_DAYS = "culture_days", _("дни культуры")
        FORUM_SERIES = "forum_series", _("серия форумов")
        SUPPLY = "supply", _("программа поставок")
        OTHER = "other", _("другое")

    name = models.CharField(_("название"), max_length=300)
    # Shown in the Kazakh interface when filled (ortaq.core.languages).
    name_kk = models.CharField(_("название (каз.)"), max_length=300, blank=True)
    kind = models.CharField(_("вид"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    host_region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="hosted_programs", verbose_name=_("регион-организатор"))
    organizer = models.ForeignKey("directory.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="programs", verbose_name=_("организатор"))
    start_date = models.DateField(_("начало"), null=True, blank=True)
    end_date = models.DateField(_("окончание"), null=True, blank=True)
    description = models.TextField(_("описание"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("программа")
        verbose_name_plural = _("программы")
        ordering = ["-start_date", "name"]
        constraints = [models.CheckConstraint(condition=ENDS_AFTER_START, name="program_ends_after_start")]

    def __str__(self) -> str:
        return localized_name(self)

    def scope(self) -> Scope:
        scope = Scope()
        scope.add_region(self.host_region_id)
        scope.add_organization(self.organizer)
        return scope

    def computed_figures(self) -> dict[str, int]:
        """Figures counted from records: regions visited, events, agreements and memoranda signed."""
        visited = self.events.exclude(region_id=self.host_region_id).exclude(region__isnull=True)
        # Through the agreements' `signing_event` relation, read from this side (events does not import agreements).
        agreements = self.events.aggregate(
            total=Count("agreements"), memoranda=Count("agreements", filter=Q(agreements__kind="memorandum"))
        )
        return {
            "regions_visited": visited.values("region_id").distinct().count(),
            "events_held": self.events.count(),
            "agreements_signed": agreements["total"],
            "memoranda_signed": agreements["memoranda"],
        }

    def figures_side_by_side(self) -> list[dict]:
        """Each reported figure beside the one computed from records, flagging differences."""
        computed = self.computed_figures()
        rows = []
        for reported in self.reported_figures.all():
            value = computed.get(reported.metric)
            rows.append({"reported": reported, "computed": value,
                         "differs": value is not None and value != reported.value})
        return rows


class ReportedFigure(RegistryModel):
    """A figure quoted by the press or a report ("8 regions visited"), kept beside the computed one."""
    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("program",)


    class Metric(models.TextChoices):
        REGIONS_VISITED = "regions_visited", _("регионов посещено")
        MEMORANDA_SIGNED = "memoranda_signed", _("меморандумов подписано")
        AGREEMENTS_SIGNED = "agreements_signed", _("соглашений подписано")
        EVENTS_HELD = "events_held", _("мероприятий проведено")
        OTHER = "other", _("другое")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="reported_figures",
                                verbose_name=_("программа"))
    metric = models.CharField(_("показатель"), max_length=32, choices=Metric.choices)
    value = models.DecimalField(_("значение"), max_digits=20, decimal_places=2)
    as_of = models.DateField(_("на дату"), null=True, blank=True)
    note = models.CharField(_("примечание"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("заявленный показатель")
        verbose_name_plural = _("заявленные показатели")
        constraints = [models.CheckConstraint(condition=Q(value__gte=0), name="reportedfigure_not_negative")]

    def __str__(self) -> str:
        return f"{self.get_metric_display()}: {Decimal(str(self.value)).normalize():f}"

    def scope(self) -> Scope:
        return self.program.scope()

    def get_absolute_url(self) -> str:
        return self.program.get_absolute_url()


class EventQuerySet(RegistryQuerySet):
    def in_year(self, year: int) -> EventQuerySet:
        return self.filter(start_date__year=year)

    def in_region(self, region) -> EventQuerySet:
        """Events held in the region or with its delegation (an indexed subquery, no DISTINCT)."""
        delegations = Participation.objects.filter(region=region).values("event_id")
        return self.filter(Q(region=region) | Q(pk__in=delegations))


class Event(RegistryModel):
    class Kind(models.TextChoices):
        CULTURE_DAYS = "culture_days", _("дни культуры")
        BUSINESS_FORUM = "business_forum", _("бизнес-форум")
        OFFICIAL_VISIT = "official_visit", _("официальный визит")
        WORKING_TRIP = "working_trip", _("рабочая поездка")
        SITE_VISIT = "site_visit", _("посещение объекта")
        EXHIBITION = "exhibition", _("выставка")
        MEETING = "meeting", _("встреча")
        OTHER = "other", _("другое")

    title = models.CharField(_("название"), max_length=500)
    kind = models.CharField(_("вид"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    program = models.ForeignKey(Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
                                verbose_name=_("программа"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children",
                               verbose_name=_("в рамках события"))
    start_date = models.DateField(_("начало"))
    end_date = models.DateField(_("окончание"), null=True, blank=True)
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="events", verbose_name=_("регион"))
    settlement = models.ForeignKey("regions.Settlement", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="events", verbose_name=_("населённый пункт"))
    host = models.ForeignKey("directory.Organization", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="hosted_events", verbose_name=_("принимающая сторона"))
    venue = models.CharField(_("место"), max_length=300, blank=True)
    description = models.TextField(_("описание"), blank=True)
    history = HistoricalRecords()

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("событие")
        verbose_name_plural = _("события")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(condition=ENDS_AFTER_START, name="event_ends_after_start"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="event_not_own_parent"),
        ]
        indexes = [models.Index(fields=["start_date"], name="event_start_idx")]

    def __str__(self) -> str:
        return self.title

    def scope(self) -> Scope:
        scope = Scope()
        scope.add_region(self.region_id)
        scope.add_organization(self.host)
        for participation in self.participations.select_related("organization"):
            scope.add_region(participation.region_id)
            scope.add_organization(participation.organization)
        return scope

    def search_text(self) -> str:
        return f"{self.title} {self.venue} {self.get_kind_display()}"


class Participation(RegistryModel):
    searchable = False
    scope_parents: ClassVar[tuple[str, ...]] = ("event",)

    class Role(models.TextChoices):
        HOST = "host", _("принимающая сторона")
        GUEST = "guest", _("гость")
        DELEGATION_HEAD = "delegation_head", _("глава делегации")
        DELEGATION = "delegation", _("делегация")
        SPEAKER = "speaker", _("выступающий")
        PARTICIPANT = "participant", _("участник")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations",
                              verbose_name=_("событие"))
    person = models.ForeignKey("directory.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="participations", verbose_name=_("персона"))
    organization = models.ForeignKey("directory.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="participations", verbose_name=_("организация"))
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="participations", verbose_name=_("регион (делегация)"))
    role = models.CharField(_("роль"), max_length=32, choices=Role.choices, default=Role.PARTICIPANT)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("участие")
        verbose_name_plural = _("участники")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organization__isnull=False) | Q(region__isnull=False),
                name="participation_names_someone",
            ),
        ]

    def __str__(self) -> str:
        who = self.person or self.organization or self.region
        return f"{who} — {self.get_role_display()}"

    def scope(self) -> Scope:
        return self.event.scope()

    def get_absolute_url(self) -> str:
        return self.event.get_absolute_url()

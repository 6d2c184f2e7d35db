"""The figures on the home page, read from the analytics rollups in a constant number of queries."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ortaq.agreements.models import Agreement, Area
from ortaq.analytics import charts, geo, services, supply
from ortaq.analytics.charts import MAP_MEASURES, map_figure
from ortaq.analytics.intensity import FORMULA
from ortaq.events.models import Event
from ortaq.regions.models import Region


def dashboard_context(measure: str = "intensity") -> dict:
    year = timezone.localdate().year
    services.ensure_fresh()
    kinds = services.tallies(None, "agreement_kind")
    statuses = services.by_key(services.tallies(None, "agreement_status"))
    event_kinds = services.tallies(None, "event_kind")
    areas = services.by_key(services.tallies(None, "agreement_area"))
    agreements = {"total": sum(statuses.values()), "in_force": statuses.get("in_force", 0),
                  "signed": statuses.get("signed", 0),
                  "this_year": sum(value for (_key, period), value in kinds.items() if period == year),
                  "by_status": [(Agreement.Status(key).label if key in Agreement.Status.values else key, value)
                                for key, value in statuses.items()]}
    regions = list(Region.objects.of_kazakhstan())
    pairs = services.pair_totals()
    measure = measure if measure in MAP_MEASURES else "intensity"
    area_names = {area.pk: str(area) for area in Area.objects.all()}  # in the interface language
    kind_labels = dict(Agreement.Kind.choices)
    event_labels = dict(Event.Kind.choices)
    home = Region.objects.by_code(settings.ORTAQ_HOME_REGION)
    return {
        "year": year,
        "agreements": agreements,
        "commitments": services.commitment_figures(),
        "events_this_year": sum(value for (_key, period), value in event_kinds.items() if period == year),
        "events_total": sum(event_kinds.values()),
        "regions": sum(1 for region in regions),
        "food_belt": supply.region_summary(home) if home else None,
        "home_region": home,
        "recent_agreements": Agreement.objects.order_by("-signed_on", "-pk")[:8],
        "recent_events": Event.objects.select_related("region").order_by("-start_date", "-pk")[:8],
        "measure": measure,
        "map_measures": MAP_MEASURES,
        "has_boundaries": bool(geo.boundaries()),
        "map_credit": geo.CREDIT,
        "formula": FORMULA,
        "strongest_pairs": _named(pairs[:10], regions),
        "charts": {
            "map": map_figure(regions, pairs, measure),
            "by_year": charts.bars_by_year({_("соглашения"): services.by_period(kinds),
                                            _("события"): services.by_period(event_kinds)}, _("По годам")),
            "by_area": charts.horizontal_bars([area_names.get(int(key), key) for key in list(areas)[:12]],
                                              list(areas.values())[:12], _("Соглашения по сферам")),
            "by_kind": charts.horizontal_bars(
                [f"{_('Соглашения')}: {kind_labels.get(key, key)}" for key in services.by_key(kinds)]
                + [f"{_('События')}: {event_labels.get(key, key)}" for key in services.by_key(event_kinds)],
                [*services.by_key(kinds).values(), *services.by_key(event_kinds).values()], _("По видам")),
        },
    }


def _named(pairs: list[dict], regions: list) -> list[dict]:
    by_pk = {region.pk: region for region in regions}
    return [{**pair, "a": by_pk.get(pair["region_a_id"]), "b": by_pk.get(pair["region_b_id"])} for pair in pairs
            if pair["region_a_id"] in by_pk and pair["region_b_id"] in by_pk]

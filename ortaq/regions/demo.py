"""Reference regions of Kazakhstan and the seed's settlements."""

from ortaq.regions.models import Region, Settlement
from ortaq.regions.reference import KAZAKHSTAN_REGIONS
from ortaq.sources.demo import DemoContext


def load_reference() -> None:
    for fact in KAZAKHSTAN_REGIONS:
        values = {
            "kato": fact.kato, "name_ru": fact.name_ru, "name_kk": fact.name_kk, "name_en": fact.name_en,
            "kind": fact.kind, "country": "KZ", "centre": fact.centre_ru, "latitude": fact.latitude,
            "longitude": fact.longitude, "historic_names": list(fact.historic_names),
            "established_year": fact.since,
        }
        region = Region.objects.filter(code=fact.code).first()
        if region is None:
            Region.objects.create(code=fact.code, **values)
        elif any(getattr(region, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(region, key, value)
            region.save()


def load_demo(context: DemoContext) -> None:
    karaganda = Region.objects.get(code="KZ-35")
    settlement, _ = Settlement.objects.get_or_create(
        region=karaganda, name_ru="Темиртау",
        defaults={"name_kk": "Теміртау", "name_en": "Temirtau", "kind": Settlement.Kind.CITY,
                  "latitude": 50.0549, "longitude": 72.9646},
    )
    context.cite(settlement, "Темиртау")

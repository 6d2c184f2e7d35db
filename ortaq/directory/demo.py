"""The seed's organizations, people and their posts."""

from ortaq.core.demo import DemoContext
from ortaq.directory.models import Organization, Person, Position
from ortaq.regions.models import Region

K, L = Organization.Kind, Organization.LegalForm

# (name, legal form, kind, region code, aliases, the words the seed mentions it by)
SEED_ORGANIZATIONS = [
    ("Акимат города Астаны", L.GU, K.AKIMAT, "KZ-71", ["Акимат Астаны"], "акиматами Астаны"),
    ("Акимат Карагандинской области", L.GU, K.AKIMAT, "KZ-35", [], "акиматами Астаны"),
    ("ТОО «Астана Конвеншн Бюро»", L.TOO, K.COMPANY, "KZ-71", ["Астана Конвеншн Бюро"], "Астана Конвеншн Бюро"),
    ("Управление предпринимательства Карагандинской области", L.GU, K.GOVERNMENT_BODY, "KZ-35", [],
     "управлением предпринимательства"),
    ("АО «Астана Innovations»", L.AO, K.COMPANY, "KZ-71", ["Астана Innovations"], "Астана Innovations"),
    ("Управление информатизации, оказания государственных услуг и архивов Карагандинской области", L.GU,
     K.GOVERNMENT_BODY, "KZ-35", [], "управлением информатизации"),
    ("СПК «Астана»", L.SPK, K.SEC, "KZ-71", [], "СПК"),
    ("СПК «Сарыарка»", L.SPK, K.SEC, "KZ-35", ["Сарыарка"], "Сарыарка"),
    ("Историко-культурный центр Первого Президента РК", L.NONE, K.CULTURE, "KZ-35", [],
     "Историко-культурный центр"),
    ("ТОО «Maker»", L.TOO, K.COMPANY, "KZ-35", ["Карагандинский литейно-машиностроительный завод"], "Maker"),
    ("Нейрореабилитационный центр «Луч»", L.NONE, K.HEALTHCARE, "KZ-35", ["Луч"], "Луч"),
]
PARENTS = {
    "Управление предпринимательства Карагандинской области": "Акимат Карагандинской области",
    "Управление информатизации, оказания государственных услуг и архивов Карагандинской области":
        "Акимат Карагандинской области",
}
# (first name, last name, post, region code, organization, mention)
SEED_PEOPLE = [
    ("Асет", "Исекешев", "аким", "KZ-71", "Акимат города Астаны", "Асет Исекешев"),
    ("Ерлан", "Кошанов", "аким", "KZ-35", "Акимат Карагандинской области", "Ерлан Кошанов"),
]


def load_demo(context: DemoContext) -> None:
    regions = {region.code: region for region in Region.objects.filter(code__in=["KZ-71", "KZ-35"])}
    for name, legal_form, kind, code, aliases, mention in SEED_ORGANIZATIONS:
        organization, _ = Organization.objects.get_or_create(
            name=name, defaults={"legal_form": legal_form, "kind": kind, "region": regions[code], "aliases": aliases}
        )
        context.cite(organization, mention)
    for child, parent in PARENTS.items():
        Organization.objects.filter(name=child, parent__isnull=True).update(
            parent=Organization.objects.get(name=parent)
        )
    for first_name, last_name, title, code, organization_name, mention in SEED_PEOPLE:
        person, _ = Person.objects.get_or_create(first_name=first_name, last_name=last_name)
        position, _ = Position.objects.get_or_create(
            person=person, title=title, region=regions[code],
            defaults={"organization": Organization.objects.get(name=organization_name)},
        )
        context.cite(person, mention)
        context.cite(position, mention)

"""The seed's organizations, people and their posts."""

from ortaq.directory.models import Organization, Person, Position
from ortaq.regions.models import Region
from ortaq.sources.demo import DemoContext

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
# Kazakh names shown in the Kazakh interface (official forms: «… облысының әкімдігі»).
KAZAKH_NAMES = {
    "Акимат города Астаны": "Астана қаласының әкімдігі",
    "Акимат Карагандинской области": "Қарағанды облысының әкімдігі",
    "Управление предпринимательства Карагандинской области": "Қарағанды облысының кәсіпкерлік басқармасы",
    "Управление информатизации, оказания государственных услуг и архивов Карагандинской области":
        "Қарағанды облысының ақпараттандыру, мемлекеттік қызметтер көрсету және архивтер басқармасы",
    "Историко-культурный центр Первого Президента РК": "ҚР Тұңғыш Президентінің тарихи-мәдени орталығы",
    "Нейрореабилитационный центр «Луч»": "«Луч» нейрооңалту орталығы",
}
KAZAKH_PERSON_NAMES = {("Асет", "Исекешев"): "Әсет Исекешев", ("Ерлан", "Кошанов"): "Ерлан Қошанов"}


def _top_up_kazakh_names() -> None:
    """Fill the Kazakh names the demo knows where an editor has not filled them."""
    records = [(organization, KAZAKH_NAMES[organization.name])
               for organization in Organization.objects.filter(name__in=KAZAKH_NAMES, name_kk="")]
    records += [(person, KAZAKH_PERSON_NAMES[(person.first_name, person.last_name)])
                for person in Person.objects.filter(name_kk="", last_name__in=[last for _first, last in KAZAKH_PERSON_NAMES])
                if (person.first_name, person.last_name) in KAZAKH_PERSON_NAMES]
    for record, name_kk in records:
        record.name_kk = name_kk
        record.save()  # through save(): the search index learns the Kazakh name


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
    _top_up_kazakh_names()

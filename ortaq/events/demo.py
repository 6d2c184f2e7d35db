"""The seed's Days of Culture program, the business forum, the working trip and its site visits."""

import datetime

from ortaq.directory.models import Organization, Person
from ortaq.events.models import Event, Participation, Program, ReportedFigure
from ortaq.regions.models import Region, Settlement
from ortaq.sources.demo import DemoContext

# The release is dated by "the coming Day of the Capital" (6 July) of 2018; the exact day is not given.
SEED_DAY = datetime.date(2018, 7, 4)
APPROXIMATE = "Дата приблизительная: пресс-релиз вышел накануне Дня столицы 2018 года."


def load_demo(context: DemoContext) -> None:
    astana, karaganda = Region.objects.get(code="KZ-71"), Region.objects.get(code="KZ-35")
    temirtau = Settlement.objects.get(region=karaganda, name_ru="Темиртау")
    program, _ = Program.objects.get_or_create(
        name="Дни культуры Астаны", defaults={
            "kind": Program.Kind.CULTURE_DAYS, "host_region": astana, "start_date": datetime.date(2018, 1, 1),
            "end_date": datetime.date(2018, 12, 31),
            "organizer": Organization.objects.get(name="Акимат города Астаны"),
            "description": "Тур столичной делегации, ансамблей, театров и музеев по регионам страны.",
        })
    context.cite(program, "Дней культуры Астаны")
    for metric, value, mention in [(ReportedFigure.Metric.REGIONS_VISITED, 8, "8 регионах"),
                                   (ReportedFigure.Metric.MEMORANDA_SIGNED, 52, "52 меморандума")]:
        figure, _ = ReportedFigure.objects.get_or_create(
            program=program, metric=metric, defaults={"value": value, "as_of": SEED_DAY,
                                                      "note": "по словам акима Астаны"})
        context.cite(figure, mention)

    days = _event(context, "Дни культуры Астаны в Карагандинской области", Event.Kind.CULTURE_DAYS, program,
                  None, karaganda, None, None, "Дней культуры Астаны")
    forum = _event(context, "Бизнес-форум «Межрегиональное сотрудничество город Астана – Карагандинская область»",
                   Event.Kind.BUSINESS_FORUM, program, days, karaganda, None,
                   Organization.objects.get(name="Акимат Карагандинской области"), "бизнес-форум")
    trip = _event(context, "Рабочая поездка акима Астаны в Карагандинскую область", Event.Kind.WORKING_TRIP,
                  program, days, karaganda, None, None, "рабочей поездки")
    for organization_name, mention in [("Историко-культурный центр Первого Президента РК", "Историко-культурный"),
                                       ("ТОО «Maker»", "Maker"), ("Нейрореабилитационный центр «Луч»", "Луч")]:
        host = Organization.objects.get(name=organization_name)
        _event(context, f"Посещение: {organization_name}", Event.Kind.SITE_VISIT, program, trip, karaganda,
               temirtau, host, mention)

    isekeshev = Person.objects.get(last_name="Исекешев")
    koshanov = Person.objects.get(last_name="Кошанов")
    for event in (days, forum):
        _participate(event, person=isekeshev, region=astana, role=Participation.Role.DELEGATION_HEAD)
        _participate(event, person=koshanov, region=karaganda, role=Participation.Role.HOST)
    _participate(trip, person=isekeshev, region=astana, role=Participation.Role.DELEGATION_HEAD)


def _event(context, title, kind, program, parent, region, settlement, host, mention) -> Event:
    event, _ = Event.objects.get_or_create(
        title=title, start_date=SEED_DAY,
        defaults={"kind": kind, "program": program, "parent": parent, "region": region, "settlement": settlement,
                  "host": host, "description": APPROXIMATE},
    )
    context.cite(event, mention)
    return event


def _participate(event: Event, *, person, region, role) -> None:
    Participation.objects.get_or_create(event=event, person=person, region=region, defaults={"role": role})

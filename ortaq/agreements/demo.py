"""Areas of cooperation (reference) and the seed's agreement and four memoranda."""

from ortaq.agreements.models import Agreement, Area, Party, editing_parties
from ortaq.directory.models import Organization
from ortaq.events.models import Event
from ortaq.regions.models import Region
from ortaq.sources.demo import DemoContext

AREAS = [
    ("smart-city", "Smart City", "Smart City", "Smart City"),
    ("tourism", "Туризм", "Туризм", "Tourism"),
    ("entrepreneurship", "Предпринимательство", "Кәсіпкерлік", "Entrepreneurship"),
    ("digital", "Цифровые технологии", "Цифрлық технологиялар", "Digital technologies"),
    ("ppp", "Государственно-частное партнёрство", "Мемлекеттік-жекешелік әріптестік", "Public–private partnership"),
    ("education", "Образование", "Білім беру", "Education"),
    ("healthcare", "Здравоохранение", "Денсаулық сақтау", "Healthcare"),
    ("culture", "Культура", "Мәдениет", "Culture"),
    ("agriculture", "Сельское хозяйство и продовольствие", "Ауыл шаруашылығы", "Agriculture and food"),
    ("transport", "Транспорт и инфраструктура", "Көлік және инфрақұрылым", "Transport and infrastructure"),
    ("industry", "Промышленность", "Өнеркәсіп", "Industry"),
    ("events-industry", "Событийный и деловой туризм", "Іскерлік туризм", "Events and business tourism"),
]

MEMORANDA = [
    ("Меморандум о сотрудничестве между акиматами Астаны и Карагандинской области",
     ["Акимат города Астаны", "Акимат Карагандинской области"], "акиматами Астаны", []),
    ("Меморандум о сотрудничестве ТОО «Астана Конвеншн Бюро» и управления предпринимательства Карагандинской области",
     ["ТОО «Астана Конвеншн Бюро»", "Управление предпринимательства Карагандинской области"],
     "Астана Конвеншн Бюро", ["events-industry", "entrepreneurship"]),
    ("Меморандум о сотрудничестве АО «Астана Innovations» и управления информатизации Карагандинской области",
     ["АО «Астана Innovations»",
      "Управление информатизации, оказания государственных услуг и архивов Карагандинской области"],
     "Астана Innovations", ["digital", "smart-city"]),
    ("Меморандум о сотрудничестве СПК «Астана» и СПК «Сарыарка»", ["СПК «Астана»", "СПК «Сарыарка»"],
     "Сарыарка", ["entrepreneurship"]),
]


def load_reference() -> None:
    for slug, name_ru, name_kk, name_en in AREAS:
        Area.objects.get_or_create(slug=slug, defaults={"name_ru": name_ru, "name_kk": name_kk, "name_en": name_en})


def load_demo(context: DemoContext) -> None:
    forum = Event.objects.get(kind=Event.Kind.BUSINESS_FORUM, title__startswith="Бизнес-форум «Межрегиональное")
    agreement = _agreement(
        context, "Соглашение об укреплении межрегиональной кооперации", Agreement.Kind.AGREEMENT, forum,
        regions=[Region.objects.get(code="KZ-71"), Region.objects.get(code="KZ-35")], organizations=[],
        mention="заключили соглашение", areas=["smart-city", "tourism", "entrepreneurship", "digital"],
    )
    context.cite(agreement, "заключили соглашение")
    for title, organization_names, mention, areas in MEMORANDA:
        organizations = [Organization.objects.get(name=name) for name in organization_names]
        _agreement(context, title, Agreement.Kind.MEMORANDUM, forum, regions=[], organizations=organizations,
                   mention=mention, areas=areas)


def _agreement(context, title, kind, event, *, regions, organizations, mention, areas) -> Agreement:
    agreement = Agreement.objects.filter(title=title).first()
    if agreement is None:
        agreement = Agreement.objects.create(
            title=title, kind=kind, signing_event=event, signed_on=event.start_date,
            status=Agreement.Status.SIGNED, note="Двусторонний рамочный документ." if kind == "memorandum" else "",
        )
        with editing_parties(agreement):
            for region in regions:
                Party.objects.create(agreement=agreement, region=region)
            for organization in organizations:
                Party.objects.create(agreement=agreement, organization=organization)
        agreement.areas.set(Area.objects.filter(slug__in=areas))
        agreement.save()  # re-index with its parties
    context.cite(agreement, mention)
    return agreement

"""Records for the analytics tests, between two regions the seed leaves alone (Pavlodar and Kostanay)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from ortaq.agreements.tests.factories import agreement, commitment, organization
from ortaq.events.models import Event, Participation
from ortaq.projects.models import JointProject
from ortaq.regions.models import Region


def pavlodar_kostanay(today: datetime.date) -> SimpleNamespace:
    """3 agreements (2 in 2023, 1 in 2024), 2 events, 1 project, 4 commitments (1 done, 1 overdue, 1 due soon)."""
    pavlodar, kostanay = Region.objects.get(code="KZ-55"), Region.objects.get(code="KZ-39")
    plant = organization("ТОО «Павлодарский тестовый завод»", pavlodar)
    farm = organization("ТОО «Костанайская тестовая ферма»", kostanay)
    first = agreement("Тестовое соглашение о зерне", pavlodar, kostanay, kind="agreement",
                      signed_on=datetime.date(2023, 3, 1))
    second = agreement("Тестовый меморандум о логистике", plant, farm, signed_on=datetime.date(2023, 9, 1))
    third = agreement("Тестовый меморандум о туризме", plant, kostanay, signed_on=datetime.date(2024, 2, 1))
    commitment(first, "Поставить зерно", owner=farm, status="done", due_date=today - datetime.timedelta(days=90))
    commitment(first, "Построить элеватор", owner=plant, due_date=today - datetime.timedelta(days=40))
    commitment(second, "Открыть маршрут", owner=plant, due_date=today + datetime.timedelta(days=10))
    commitment(third, "Провести тур", owner=farm, due_date=today + datetime.timedelta(days=200))
    forum = Event.objects.create(title="Тестовый форум в Павлодаре", start_date=datetime.date(2023, 3, 1),
                                 region=pavlodar, kind="business_forum")
    Participation.objects.create(event=forum, region=kostanay, role="guest")
    fair = Event.objects.create(title="Тестовая ярмарка в Костанае", start_date=datetime.date(2024, 6, 1),
                                region=kostanay, host=farm)
    Participation.objects.create(event=fair, organization=plant, role="participant")
    Event.objects.create(title="Тестовое событие только Павлодара", start_date=datetime.date(2024, 6, 1),
                         region=pavlodar)
    project = JointProject.objects.create(title="Тестовый проект дороги", start_year=2024)
    project.regions.set([pavlodar, kostanay])
    return SimpleNamespace(pavlodar=pavlodar, kostanay=kostanay, plant=plant, farm=farm,
                           agreements=[first, second, third], forum=forum, fair=fair, project=project)

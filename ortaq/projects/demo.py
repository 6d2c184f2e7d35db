"""The seed's joint projects: Smart City cooperation and the Astana–Karaganda highway."""

import datetime

from ortaq.agreements.models import Agreement, Area
from ortaq.projects.models import JointProject, Milestone
from ortaq.regions.models import Region
from ortaq.sources.demo import DemoContext


def load_demo(context: DemoContext) -> None:
    regions = list(Region.objects.filter(code__in=["KZ-71", "KZ-35"]))
    smart_city, created = JointProject.objects.get_or_create(
        title="Smart City: сотрудничество Астаны и Карагандинской области", defaults={
            "kind": JointProject.Kind.DIGITAL, "status": JointProject.Status.PROPOSED, "start_year": 2018,
            "description": "Аким Карагандинской области предложил более тесно сотрудничать в проекте Smart City.",
        })
    if created:
        smart_city.regions.set(regions)
        smart_city.areas.set(Area.objects.filter(slug__in=["smart-city", "digital"]))
        smart_city.agreements.set(Agreement.objects.filter(title__contains="Astana Innovations")
                                  | Agreement.objects.filter(title__contains="Астана Innovations"))
    context.cite(smart_city, "Smart City")

    highway, created = JointProject.objects.get_or_create(
        title="Автобан Астана – Караганда", defaults={
            "kind": JointProject.Kind.INFRASTRUCTURE, "status": JointProject.Status.IN_PROGRESS, "end_year": 2018,
            "description": "Строительство автомобильной дороги, завершение — в 2018 году.",
        })
    if created:
        highway.regions.set(regions)
        highway.areas.set(Area.objects.filter(slug="transport"))
        Milestone.objects.get_or_create(project=highway, title="Завершение строительства",
                                        defaults={"due_date": datetime.date(2018, 12, 31)})
    context.cite(highway, "автобана")

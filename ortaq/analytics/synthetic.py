"""`ortaq generate --organizations N --agreements N --events N --commitments N [--projects N]`: a synthetic
registry at benchmark scale, written with bulk_create in batches.

Marking: no Source row per record (millions of rows); every generated title ends with «(синт.)» and
organizations carry the note "синтетические данные", so they are easy to see and to delete. bulk_create's
writes reach no store while the rows go in (ortaq.core.writes.suspended), and the search index and the analytics
rollups are rebuilt in bulk at the end.
"""

from __future__ import annotations

import datetime
import random
import time

from django.db import transaction

from ortaq.core import writes

MARK = "(синт.)"
NOTE = "синтетические данные"
BATCH = 5000
FIRST_YEAR, LAST_YEAR = 2015, 2026
WORDS = ["Береке", "Жана Жол", "Нура", "Ак Бидай", "Ырыс", "Кайнар", "Сарыарка", "Достык", "Алтын Дала", "Бастау",
         "Шапагат", "Умит", "Жайлау", "Есиль", "Мерей", "Табыс", "Байтерек", "Акжол", "Кокше", "Қазына", "Өркен",
         "Ұлағат", "Іскер", "Шұғыла", "Нұр", "Тұлпар", "Самұрық", "Әлем", "Сұңқар", "Болашақ"]
FORMS = [("ТОО", "company"), ("АО", "company"), ("ГУ", "government_body"), ("КГП", "culture"), ("ОО", "ngo"),
         ("ТОО", "processor"), ("ПК", "cooperative"), ("НАО", "education")]
TOPICS = ["туризма", "образования", "здравоохранения", "цифровизации", "предпринимательства", "культуры",
          "сельского хозяйства", "транспорта", "промышленности", "энергетики", "спорта", "экологии"]
EVENT_KINDS = [("business_forum", "Бизнес-форум"), ("official_visit", "Официальный визит"),
               ("working_trip", "Рабочая поездка"), ("exhibition", "Выставка"), ("meeting", "Встреча"),
               ("culture_days", "Дни культуры")]
DUTIES = ["Провести совместный форум", "Открыть представительство", "Организовать обмен делегациями",
          "Запустить пилотный проект", "Подготовить дорожную карту", "Обеспечить поставки продукции",
          "Провести обучение специалистов", "Создать рабочую группу", "Организовать туристический маршрут"]


def add_arguments(parser) -> None:
    group = parser.add_argument_group("registry (analytics)")
    group.add_argument("--organizations", type=int, default=0, help="organizations to generate")
    group.add_argument("--agreements", type=int, default=0, help="agreements (two parties each)")
    group.add_argument("--events", type=int, default=0, help="events (with one or two participating regions)")
    group.add_argument("--commitments", type=int, default=0, help="commitments inside generated agreements")
    group.add_argument("--projects", type=int, default=None, help="joint projects (default agreements / 100)")


def generate(options: dict, stdout) -> None:
    counts = {key: options.get(key) or 0 for key in ("organizations", "agreements", "events", "commitments")}
    if not any(counts.values()):
        return
    from ortaq.regions.models import Region

    rng = random.Random(options.get("seed", 2018))
    regions = list(Region.objects.of_kazakhstan().values_list("pk", "name_ru", "centre"))
    started = time.perf_counter()
    with writes.suspended():  # every derived store is rebuilt below, once, instead of per batch
        organizations = _organizations(rng, regions, counts["organizations"])
        stdout.write(f"организаций: {len(organizations)}")
        agreements = _agreements(rng, regions, organizations, counts["agreements"])
        stdout.write(f"соглашений: {len(agreements)}")
        _events(rng, regions, organizations, counts["events"])
        stdout.write(f"событий: {counts['events']}")
        _commitments(rng, agreements, counts["commitments"])
        stdout.write(f"обязательств: {counts['commitments']}")
        projects = options.get("projects")
        _projects(rng, regions, counts["agreements"] // 100 if projects is None else projects)
    stdout.write(f"записи созданы за {time.perf_counter() - started:.0f} с; индекс поиска…")
    from ortaq.core.search import rebuild_index

    rebuild_index(stdout=stdout)
    from ortaq.analytics.rollups import refresh_all

    refresh_all()
    stdout.write(f"готово за {time.perf_counter() - started:.0f} с")


def _date(rng: random.Random) -> datetime.date:
    return datetime.date(FIRST_YEAR, 1, 1) + datetime.timedelta(days=rng.randrange((LAST_YEAR - FIRST_YEAR) * 365))


def _batches(rows, model) -> list:
    created = []
    for start in range(0, len(rows), BATCH):
        with transaction.atomic():
            created += model.objects.bulk_create(rows[start:start + BATCH])
    return created


def _organizations(rng, regions, count: int) -> list[tuple[int, int]]:
    """(organization id, region id) of every organization, the generated ones added."""
    from ortaq.directory.models import Organization

    rows = []
    for number in range(count):
        region_id, region_name, centre = rng.choice(regions)
        form, kind = rng.choice(FORMS)
        rows.append(Organization(name=f"{form} «{rng.choice(WORDS)} {centre or region_name} {number}» {MARK}",
                                 legal_form=form, kind=kind, region_id=region_id, note=NOTE))
    _batches(rows, Organization)
    return list(Organization.objects.exclude(region=None).values_list("pk", "region_id"))


def _agreements(rng, regions, organizations, count: int) -> list[tuple[int, list[int]]]:
    """(agreement id, party organization ids) of the generated agreements."""
    from ortaq.agreements.models import Agreement, Area, Party

    areas = list(Area.objects.values_list("pk", flat=True))
    statuses = ["signed"] * 3 + ["in_force"] * 4 + ["fulfilled", "expired", "terminated", "draft"]
    kinds = ["memorandum"] * 5 + ["agreement"] * 3 + ["contract", "roadmap"]
    result = []
    by_region: dict[int, list[int]] = {}
    for pk, region_id in organizations:
        by_region.setdefault(region_id, []).append(pk)
    region_ids = [pk for pk, _name, _centre in regions if by_region.get(pk)]
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        records, sides = [], []
        for number in range(start, start + size):
            first, second = rng.sample(region_ids, 2)
            pair = [rng.choice(by_region[first]), rng.choice(by_region[second])]
            with_regions = rng.random() < 0.2
            kind = rng.choice(kinds)
            signed = _date(rng)
            records.append(Agreement(
                kind=kind, title=f"{dict(Agreement.Kind.choices)[kind].capitalize()} о сотрудничестве в сфере "
                                 f"{rng.choice(TOPICS)} №{number} {MARK}",
                signed_on=signed, status=rng.choice(statuses), party_count=2, number=f"S-{number}"))
            sides.append((first, second) if with_regions else None)
            result.append(pair)
        with transaction.atomic():
            created = Agreement.objects.bulk_create(records)
            parties, links = [], []
            for agreement, regions_pair, pair in zip(created, sides, result[start:]):
                if regions_pair:
                    parties += [Party(agreement=agreement, region_id=pk) for pk in regions_pair]
                else:
                    parties += [Party(agreement=agreement, organization_id=pk) for pk in pair]
                links += [Agreement.areas.through(agreement=agreement, area_id=pk)
                          for pk in rng.sample(areas, rng.randint(1, 2))]
            Party.objects.bulk_create(parties)
            Agreement.areas.through.objects.bulk_create(links)
            result[start:start + size] = [(agreement.pk, pair) for agreement, pair in
                                          zip(created, result[start:start + size])]
    return result


def _events(rng, regions, organizations, count: int) -> None:
    from ortaq.events.models import Event, Participation

    region_ids = [pk for pk, _name, _centre in regions]
    names = {pk: centre or name for pk, name, centre in regions}
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        records = []
        for number in range(start, start + size):
            kind, label = rng.choice(EVENT_KINDS)
            region_id = rng.choice(region_ids)
            records.append(Event(kind=kind, region_id=region_id, start_date=_date(rng),
                                 title=f"{label} по вопросам {rng.choice(TOPICS)} в г. {names[region_id]} №{number} "
                                       f"{MARK}"))
        with transaction.atomic():
            created = Event.objects.bulk_create(records)
            participations = []
            for event in created:
                for other in rng.sample(region_ids, rng.randint(1, 2)):
                    if other != event.region_id:
                        participations.append(Participation(event=event, region_id=other, role="delegation"))
                if rng.random() < 0.3:
                    organization_id, _region = rng.choice(organizations)
                    participations.append(Participation(event=event, organization_id=organization_id))
            Participation.objects.bulk_create(participations)


def _commitments(rng, agreements, count: int) -> None:
    from ortaq.agreements.models import Commitment

    if not agreements:
        return
    today = datetime.date.today()
    for start in range(0, count, BATCH):
        records = []
        for _number in range(start, min(count, start + BATCH)):
            agreement_id, owners = rng.choice(agreements)
            due = _date(rng)
            if due < today:
                status = rng.choices(["done", "open", "in_progress", "cancelled"], [6, 2, 2, 1])[0]
            else:
                status = rng.choices(["open", "in_progress", "done"], [5, 4, 1])[0]
            target = rng.randint(1, 100)
            records.append(Commitment(agreement_id=agreement_id, owner_id=rng.choice(owners), due_date=due,
                                      status=status, text=f"{rng.choice(DUTIES)} в сфере {rng.choice(TOPICS)} {MARK}",
                                      target=target, actual=target if status == "done" else rng.randint(0, target)))
        _batches(records, Commitment)


def _projects(rng, regions, count: int) -> None:
    from ortaq.projects.models import JointProject

    region_ids = [pk for pk, _name, _centre in regions]
    records = [JointProject(title=f"Совместный проект в сфере {rng.choice(TOPICS)} №{number} {MARK}",
                            kind=rng.choice(JointProject.Kind.values), status=rng.choice(JointProject.Status.values),
                            start_year=rng.randint(FIRST_YEAR, LAST_YEAR - 1)) for number in range(count)]
    created = _batches(records, JointProject)
    links = [JointProject.regions.through(jointproject=project, region_id=pk)
             for project in created for pk in rng.sample(region_ids, 2)]
    JointProject.regions.through.objects.bulk_create(links, batch_size=BATCH)

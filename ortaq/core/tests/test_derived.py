"""`ortaq check-derived`: every derived store recomputed from scratch equals what the writes left stored."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from ortaq.agreements.models import Agreement, Commitment, OwnerBacklog, Party, RegionBacklog
from ortaq.agreements.tests.factories import agreement, commitment, organization
from ortaq.analytics import handlers as analytics_handlers
from ortaq.analytics import tracker
from ortaq.analytics.models import Tally, Touch
from ortaq.core import backup, derived, writes
from ortaq.core.models import SearchEntry, StaleStore
from ortaq.directory.models import Organization, Person
from ortaq.events.models import Event, Participation
from ortaq.foodbelt import rollups as rollups_of_food_belt
from ortaq.foodbelt.importer import DeliveryImporter, template_headers
from ortaq.foodbelt.models import DeliveryRollup
from ortaq.foodbelt.tests.factories import delivery, supplier
from ortaq.projects.models import JointProject
from ortaq.regions.models import Region

pytestmark = pytest.mark.django_db

STORES = {"search", "touches", "rollups", "tallies", "backlogs", "foodbelt"}


def wrong_stores() -> dict[str, list[str]]:
    return {difference.store.name: difference.examples() for difference in derived.check() if difference}


def test_every_store_is_declared_once_by_its_app():
    names = [store.name for store in derived.stores()]
    assert set(names) == STORES and len(names) == len(STORES)
    assert all(store.depends_on for store in derived.stores())


def test_the_demo_registry_has_no_difference(demo):
    assert wrong_stores() == {}


def _write_heavily(demo) -> None:
    """Creates, edits, moves and deletes of every kind of record the stores are computed from."""
    farm = organization("ТОО «Сарыарка Сүт»", demo.karaganda)
    city = organization("ГКП «Астана Тазалық»", demo.astana)
    record = agreement("Меморандум о поставках молока", farm, city, signed_on=datetime.date(2023, 4, 2))
    overdue = commitment(record, "Открыть склад", due_date=datetime.date(2024, 1, 15), owner=farm)
    commitment(record, "Провести ярмарку", due_date=datetime.date(2031, 6, 1), owner=city)
    record.status = Agreement.Status.SIGNED
    record.title = "Меморандум о поставках молока и мяса"
    record.save()
    overdue.status = Commitment.Status.DONE
    overdue.save()
    farm.name = "ТОО «Сарыарка Сүт Өнімдері»"
    farm.region = demo.east
    farm.save()
    Party.objects.create(agreement=record, region=demo.east)
    forum = Event.objects.create(title="Деловой форум «Сарыарка»", kind=Event.Kind.BUSINESS_FORUM,
                                 start_date=datetime.date(2024, 9, 10), region=demo.astana)
    Participation.objects.create(event=forum, organization=city)
    Participation.objects.create(event=forum, organization=farm)
    visit = Event.objects.create(title="Рабочая поездка", kind=Event.Kind.WORKING_TRIP,
                                 start_date=datetime.date(2025, 2, 3), region=demo.karaganda)
    visit.delete()
    shop = supplier("КХ «Нура»", demo.karaganda, categories=("dairy",))
    for day in (1, 2, 3):
        delivery(shop, demo.astana, date=datetime.date(2024, 3, day))
    delivery(shop, demo.astana, date=datetime.date(2024, 5, 1)).delete()
    commitment(Agreement.objects.exclude(pk=record.pk).first(), "Обменяться делегациями",
               due_date=datetime.date(2022, 2, 1))
    # Relations changed from the other side: a region or an organization joins a project.
    project = JointProject.objects.create(title="Молочный кластер", status=JointProject.Status.PLANNED)
    project.regions.add(demo.astana)
    demo.karaganda.joint_projects.add(project)
    city.joint_projects.add(project)
    demo.karaganda.joint_projects.remove(project)


def test_after_many_writes_every_store_is_what_a_rebuild_gives(demo):
    _write_heavily(demo)
    assert wrong_stores() == {}


def test_a_raw_sql_write_that_bypasses_the_dispatcher_is_found_and_fixed(demo):
    table = connection.ops.quote_name(Agreement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET signed_on = %s WHERE id = %s",
                       [datetime.date(1999, 1, 1), Agreement.objects.first().pk])
    output = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("check-derived", stdout=output)
    assert refused.value.returncode == 1
    assert "tallies (итоги всего реестра)" in output.getvalue()
    assert "rollups" in output.getvalue() or "touches" in output.getvalue()
    call_command("check-derived", "--fix", stdout=io.StringIO())
    assert wrong_stores() == {}
    assert Tally.objects.filter(region=None, measure="agreement_kind", period=1999).exists()


def test_a_raw_sql_write_announced_to_the_dispatcher_leaves_nothing_stale(demo):
    pk = Agreement.objects.first().pk
    table = connection.ops.quote_name(Agreement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET signed_on = %s WHERE id = %s", [datetime.date(1999, 1, 1), pk])
    writes.bulk_written(Agreement, [pk])
    assert wrong_stores() == {}


def test_bulk_writes_through_querysets_reach_every_store(demo):
    """QuerySet.update, bulk_create and bulk_update bypass Django's signals, not the dispatcher."""
    first = Agreement.objects.first()
    Agreement.objects.filter(pk=first.pk).update(signed_on=datetime.date(1999, 1, 1), title="Соглашение 1999 года")
    Organization.objects.filter(region=demo.karaganda).update(region=demo.east)
    created = Organization.objects.bulk_create([Organization(name=f"ТОО «Поставщик {n}»", region=demo.astana)
                                                for n in range(3)])
    for record in created:
        record.name += " плюс"
    Organization.objects.bulk_update(created, ["name"])
    Commitment.objects.update(status=Commitment.Status.OPEN, due_date=datetime.date(2020, 5, 1))
    assert wrong_stores() == {}
    assert SearchEntry.objects.filter(title__contains="Поставщик 2» плюс").exists()


def test_an_update_of_more_rows_than_can_be_named_is_announced_without_them(demo, monkeypatch):
    monkeypatch.setattr(writes, "NAMED_ROWS_LIMIT", 2)
    seen: list[frozenset | None] = []
    derived.register(derived.DerivedStore("spy", "шпион", rows=lambda: [], rebuild=lambda: None,
                                          depends_on=("directory.Organization",),
                                          on_write=lambda write: seen.append(write.pks) or True))
    try:
        count = Organization.objects.filter(region=demo.karaganda).update(website="https://example.kz")
    finally:
        derived.unregister("spy")
    assert count > 2 and seen == [None, None]
    assert Organization.objects.filter(region=demo.karaganda).exclude(website="https://example.kz").count() == 0
    assert wrong_stores() == {}


def test_a_bulk_write_of_too_many_rows_marks_stores_stale_for_the_refresh_task(demo, monkeypatch):
    monkeypatch.setattr(analytics_handlers, "BULK_REGION_LIMIT", 0)
    monkeypatch.setattr(derived, "BULK_REINDEX_LIMIT", 0)
    refreshed = []
    monkeypatch.setattr(derived, "refresh_stale", lambda real=derived.refresh_stale: refreshed.append(real()))
    Organization.objects.filter(region=demo.karaganda).update(name="ТОО «Новое имя»")
    # Marked stale (with the rollups, which are computed from the touches) and rebuilt by the refresh, which
    # a test case's transaction runs at once, as a commit would.
    assert {"search", "touches", "rollups"} <= {name for names in refreshed for name in names}
    assert not StaleStore.objects.exists()
    assert wrong_stores() == {}


def test_a_deliveries_import_rebuilds_no_whole_store(demo, monkeypatch):
    """The import's rows reach the stores as one bulk write they can follow: the regions' rollups are marked,
    the food belt's cells were counted by the import, and nothing else (the index holds no delivery) is
    rebuilt whole."""
    marked: list[tuple[str, ...]] = []
    monkeypatch.setattr(derived, "mark_stale", lambda *names: marked.append(names))
    shop = supplier("КХ «Ақ Бидай»", demo.karaganda, categories=("dairy",))
    rows = [template_headers(), *([shop.organization.bin, "", "dairy", f"0{day}.03.2024", "1,5", "750000", "", "",
                                   f"ТТН-{day}"] for day in range(1, 4))]
    result = DeliveryImporter(default_consumer=demo.astana).run(rows)
    assert result.committed and result.added == 3, result.errors
    assert marked == []
    assert wrong_stores() == {}


def _scope_cases(demo) -> list[tuple[str, str, object, list]]:
    """(store, scope, a corruption of that scope, the scope's keys) for every scope a store declares."""
    agreement_ = Agreement.objects.filter(parties__region=demo.karaganda).first()
    organization_ = Organization.objects.filter(region=demo.karaganda).first()
    shop = supplier("КХ «Шапағат»", demo.karaganda, categories=("dairy",))
    sold = delivery(shop, demo.astana, date=datetime.date(2024, 6, 3))
    tracker.rebuild_region(demo.karaganda.pk, timezone.localdate())
    return [
        ("search", "record", lambda: SearchEntry.objects.filter(object_id=organization_.pk, title=organization_.name)
         .update(title="испорчено"), [("directory.Organization", organization_.pk)]),
        ("touches", "record", lambda: Touch.objects.filter(kind=Touch.Kind.AGREEMENT, record_id=agreement_.pk).delete(),
         [("agreements.Agreement", agreement_.pk)]),
        ("rollups", "region", lambda: Tally.objects.filter(region=demo.karaganda).update(value=999),
         [demo.karaganda.pk]),
        ("tallies", "registry", lambda: Tally.objects.filter(region=None).update(value=999), []),
        ("backlogs", "region", lambda: RegionBacklog.objects.filter(region_id=demo.karaganda.pk).update(open_count=999),
         [demo.karaganda.pk]),
        ("backlogs", "registry", lambda: OwnerBacklog.objects.create(
            owner_key=organization_.pk, due_before=tracker.month_start(timezone.localdate()), open_count=999), []),
        ("foodbelt", "cell", lambda: DeliveryRollup.objects.filter(consumer_region=demo.astana).update(deliveries=999),
         [rollups_of_food_belt.delivery_key(sold)]),
        ("foodbelt", "region", lambda: DeliveryRollup.objects.filter(consumer_region=demo.astana).delete(),
         [demo.astana.pk]),
    ]


def test_every_store_recomputes_each_scope_it_declares(demo):
    cases = _scope_cases(demo)
    declared = {(store.name, scope) for store in derived.stores() for scope in store.scopes}
    assert declared == {(name, scope) for name, scope, _corrupt, _keys in cases}
    by_name = {store.name: store for store in derived.stores()}
    for name, scope, corrupt, keys in cases:
        corrupt()
        assert wrong_stores().get(name), f"{name}/{scope}: the corruption is seen"
        by_name[name].scopes[scope](keys)
        assert wrong_stores() == {}, f"{name}/{scope}"


def test_a_sixth_store_is_one_declaration(demo):
    """A store declares the models it depends on; the dispatcher hands it their writes, single and bulk."""
    seen: list[tuple[str, str, str]] = []

    def on_write(write: writes.Write) -> bool:
        seen.append((write.label, write.phase, write.action))
        return True

    derived.register(derived.DerivedStore("people-count", "число людей", rows=lambda: [], rebuild=lambda: None,
                                          depends_on=("directory.Person",), on_write=on_write))
    try:
        person = Person.objects.create(first_name="Айгерим", last_name="Сапарова")
        Person.objects.filter(pk=person.pk).update(first_name="Айгерім")
        person.delete()
        Region.objects.filter(pk=demo.astana.pk).update(name_ru="Астана")  # not a dependency: not seen
    finally:
        derived.unregister("people-count")
    assert seen == [("directory.Person", "before", "save"), ("directory.Person", "after", "save"),
                    ("directory.Person", "before", "bulk"), ("directory.Person", "after", "bulk"),
                    ("directory.Person", "before", "delete"), ("directory.Person", "after", "delete")]


def test_suspended_writes_reach_no_store(demo):
    with writes.suspended():
        Organization.objects.create(name="ТОО «Тихая запись»", region=demo.astana)
    assert not SearchEntry.objects.filter(title__contains="Тихая запись").exists()
    assert "search" in wrong_stores()


def test_every_store_is_rebuilt_on_restore_not_copied():
    tables = {queryset.model._meta.label for store in derived.stores() for queryset in store.rows()}
    assert tables <= backup.DERIVED


def test_a_corrupted_tally_is_reported_with_its_row(demo):
    Tally.objects.filter(region=None).update(value=12345)
    output = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check-derived", "tallies", stdout=output)
    assert "12345" in output.getvalue() and "лишних строк" in output.getvalue()
    assert Tally.objects.filter(region=None, value=12345).exists(), "checking alone must change nothing"


def test_an_unknown_store_is_a_clear_error(demo):
    with pytest.raises(CommandError, match="нет такого хранилища: nonsense"):
        call_command("check-derived", "nonsense", stdout=io.StringIO())


def test_an_administrator_runs_the_check_as_a_job(demo):
    from ortaq.jobs import runner
    from ortaq.jobs.models import Job

    Tally.objects.filter(region=None).update(value=777)
    job = runner.start("check-derived")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert "tallies: −" in job.message
    Tally.objects.filter(region=None).delete()
    call_command("check-derived", "--fix", stdout=io.StringIO())
    job = runner.start("check-derived")
    job.refresh_from_db()
    assert job.message == "Расхождений нет."

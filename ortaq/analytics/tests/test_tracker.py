"""The tracker's overdue and due-soon counts, by owner and by region, equal the counts of the records themselves:
after creating, editing and deleting commitments, across a month boundary and after bulk loads."""

from __future__ import annotations

import datetime
from collections import defaultdict
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ortaq.agreements.models import Commitment, OwnerBacklog, Party, RegionBacklog, editing_parties
from ortaq.agreements.tests.factories import agreement, commitment, organization
from ortaq.analytics import tracker
from ortaq.regions.models import Region

NOVEMBER_30 = datetime.date(2026, 11, 30)
DECEMBER_1 = datetime.date(2026, 12, 1)


def on(day: datetime.date):
    """Freeze "today" for the tracker, the filters and the write receivers."""
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def expected(today: datetime.date, region: Region | None = None) -> dict:
    """The figures counted one record at a time, as a person would."""
    soon = today + datetime.timedelta(days=30)
    owners: dict = defaultdict(lambda: {"overdue": 0, "due_soon": 0})
    regions: dict = defaultdict(lambda: {"overdue": 0, "due_soon": 0})
    for record in Commitment.objects.select_related("owner").prefetch_related("agreement__parties__organization"):
        if record.status not in ("open", "in_progress") or record.due_date is None or record.due_date > soon:
            continue
        if region is not None:
            touched = {party.organization.region_id if party.organization else party.region_id
                       for party in record.agreement.parties.all()}
            if not ((record.owner and record.owner.region_id == region.pk) or region.pk in touched):
                continue
        which = "overdue" if record.due_date < today else "due_soon"
        owners[record.owner_id][which] += 1
        regions[record.owner.region_id if record.owner else None][which] += 1
    return {"by_owner": {key: dict(value) for key, value in owners.items()},
            "by_region": {key: dict(value) for key, value in regions.items()},
            "total": sum(value["overdue"] + value["due_soon"] for value in owners.values())}


def shown(client, today: datetime.date, **params) -> dict:
    with on(today):
        response = client.get(reverse("agreements:commitment_list"), params)
    assert response.status_code == 200
    context = response.context
    for rows in (context["by_owner"], context["by_region"]):
        for row in rows:  # what needs attention is either overdue or due soon
            assert row["total"] == row["overdue"] + row["due_soon"] or params.get("state") == "all"
    return {"by_owner": {row["owner_id"]: {"overdue": row["overdue"], "due_soon": row["due_soon"]}
                         for row in context["by_owner"]},
            "by_region": {row["owner__region_id"]: {"overdue": row["overdue"], "due_soon": row["due_soon"]}
                          for row in context["by_region"]},
            "total": context["table"].paginator.count}


def backlog_is_exact(today: datetime.date) -> None:
    """The backlog kept by the write receivers equals one rebuilt from scratch."""
    kept = set(OwnerBacklog.objects.filter(owner_key__gte=0).exclude(open_count=0)
               .values_list("owner_key", "due_before", "open_count"))
    tracker.rebuild(today)
    rebuilt = set(OwnerBacklog.objects.filter(owner_key__gte=0).values_list("owner_key", "due_before", "open_count"))
    assert kept == rebuilt


@pytest.fixture
def built(demo):
    pavlodar, kostanay = Region.objects.get(code="KZ-55"), Region.objects.get(code="KZ-39")
    plant = organization("ТОО «Тестовый завод трекера»", pavlodar)
    farm = organization("ТОО «Тестовая ферма трекера»", kostanay)
    deal = agreement("Тестовое соглашение трекера", plant, farm)
    regional = agreement("Тестовый меморандум регионов трекера", demo.astana, pavlodar)
    records = []
    with on(NOVEMBER_30):
        for days, owner, status in [(-400, plant, "open"), (-40, plant, "in_progress"), (-29, farm, "open"),
                                    (-1, farm, "open"), (0, plant, "open"), (1, None, "open"), (20, farm, "open"),
                                    (31, plant, "open"), (-5, plant, "done"), (-3, farm, "cancelled")]:
            records.append(commitment(deal if owner is not farm else regional, f"Пункт {days} {status}",
                                      owner=owner, status=status,
                                      due_date=NOVEMBER_30 + datetime.timedelta(days=days)))
        commitment(deal, "Пункт без срока", owner=plant)
    return {"plant": plant, "farm": farm, "deal": deal, "pavlodar": pavlodar, "kostanay": kostanay,
            "records": records}


def test_it_counts_what_needs_attention_by_owner_and_region_like_the_records(client, built):
    assert shown(client, NOVEMBER_30) == expected(NOVEMBER_30)
    assert shown(client, NOVEMBER_30, region=built["pavlodar"].pk) == expected(NOVEMBER_30, built["pavlodar"])
    assert shown(client, NOVEMBER_30, region=built["kostanay"].pk) == expected(NOVEMBER_30, built["kostanay"])


def test_it_stays_exact_after_commitments_are_created_changed_and_deleted(client, built):
    shown(client, NOVEMBER_30)  # the backlogs are built here; what follows keeps them by the write receivers
    shown(client, NOVEMBER_30, region=built["pavlodar"].pk)
    shown(client, NOVEMBER_30, region=built["kostanay"].pk)
    records = built["records"]
    with on(NOVEMBER_30):
        commitment(built["deal"], "Новый просроченный", owner=built["farm"], due_date=datetime.date(2025, 1, 1))
        records[0].status = "done"
        records[0].save()
        records[1].due_date = NOVEMBER_30 + datetime.timedelta(days=90)
        records[1].save()
        records[7].due_date = datetime.date(2026, 10, 31)
        records[7].save()
        records[8].status = "open"
        records[8].save()
        records[2].owner = built["plant"]
        records[2].save()
        records[3].delete()
        Commitment.objects.get(pk=records[9].pk).delete()
        backlog_is_exact(NOVEMBER_30)
        for region in (built["pavlodar"], built["kostanay"]):  # kept on write, not recounted
            assert RegionBacklog.objects.filter(region_id=region.pk, owner_key=tracker.STAMP).exists()
            region_backlog_is_exact(region, NOVEMBER_30)
    assert shown(client, NOVEMBER_30) == expected(NOVEMBER_30)
    assert shown(client, NOVEMBER_30, region=built["pavlodar"].pk) == expected(NOVEMBER_30, built["pavlodar"])


def test_it_stays_exact_across_a_month_boundary(client, built):
    assert shown(client, NOVEMBER_30) == expected(NOVEMBER_30)
    assert shown(client, DECEMBER_1) == expected(DECEMBER_1)
    assert OwnerBacklog.objects.get(owner_key=tracker.STAMP).due_before == DECEMBER_1
    with on(DECEMBER_1):
        built["records"][4].status = "in_progress"  # due on November 30: now in the backlog
        built["records"][4].owner = built["farm"]
        built["records"][4].save()
        backlog_is_exact(DECEMBER_1)
    assert shown(client, DECEMBER_1) == expected(DECEMBER_1)


def test_it_sees_commitments_loaded_in_bulk_behind_the_receivers(client, built):
    shown(client, NOVEMBER_30)
    Commitment.objects.bulk_create([Commitment(agreement=built["deal"], text=f"Массовый {n}", owner=built["farm"],
                                               due_date=datetime.date(2024, 1, 1)) for n in range(3)])
    with on(NOVEMBER_30):
        commitment(built["deal"], "После массовой загрузки", owner=built["plant"], due_date=datetime.date(2024, 2, 1))
    assert shown(client, NOVEMBER_30) == expected(NOVEMBER_30)


def test_it_counts_narrowed_views_from_the_rows(client, built):
    figures = shown(client, NOVEMBER_30, owner_name="Тестовая ферма трекера")
    assert figures["by_owner"] == {built["farm"].pk: expected(NOVEMBER_30)["by_owner"][built["farm"].pk]}
    everything = shown(client, NOVEMBER_30, state="all", agreement=built["deal"].pk)
    assert everything["total"] == Commitment.objects.filter(agreement=built["deal"]).count()


@pytest.mark.parametrize("params", [{}, {"region": "pavlodar"}])
def test_its_number_of_queries_does_not_grow_with_the_data(client, built, params):
    params = {"region": built["pavlodar"].pk} if params else {}
    shown(client, NOVEMBER_30, **params)
    with CaptureQueriesContext(connection) as few, on(NOVEMBER_30):
        client.get(reverse("agreements:commitment_list"), params)
    with on(NOVEMBER_30):
        Commitment.objects.bulk_create([Commitment(agreement=built["deal"], text=f"Ещё {n}", owner=built["plant"],
                                                   due_date=NOVEMBER_30) for n in range(60)])
    shown(client, NOVEMBER_30, **params)
    with CaptureQueriesContext(connection) as many, on(NOVEMBER_30):
        client.get(reverse("agreements:commitment_list"), params)
    assert len(many.captured_queries) == len(few.captured_queries) <= 6


def region_backlog_is_exact(region: Region, today: datetime.date) -> None:
    """A region's backlog kept on write (when its stamp survived) equals one recounted from scratch."""
    rows = RegionBacklog.objects.filter(region_id=region.pk, owner_key__gte=0)
    if RegionBacklog.objects.filter(region_id=region.pk, owner_key=tracker.STAMP).exists():
        kept = set(rows.exclude(open_count=0).values_list("owner_key", "open_count"))
        tracker.rebuild_region(region.pk, today)
        assert kept == set(rows.values_list("owner_key", "open_count"))


def test_it_stays_exact_for_a_region_when_parties_and_organizations_change(client, built, demo):
    pavlodar, kostanay = built["pavlodar"], built["kostanay"]
    for region in (pavlodar, kostanay, demo.astana):
        assert shown(client, NOVEMBER_30, region=region.pk) == expected(NOVEMBER_30, region)
    with on(NOVEMBER_30):
        commitment(built["deal"], "Ещё просроченный", owner=built["plant"], due_date=datetime.date(2025, 5, 5))
        region_backlog_is_exact(demo.astana, NOVEMBER_30)
        with editing_parties(built["deal"]):
            Party.objects.create(agreement=built["deal"], region=demo.astana)
    assert shown(client, NOVEMBER_30, region=demo.astana.pk) == expected(NOVEMBER_30, demo.astana)
    with on(NOVEMBER_30):
        built["farm"].region = demo.karaganda
        built["farm"].save()
    for region in (kostanay, demo.karaganda, pavlodar):
        assert shown(client, NOVEMBER_30, region=region.pk) == expected(NOVEMBER_30, region)
    with on(NOVEMBER_30):
        with editing_parties(built["deal"]):
            Party.objects.filter(agreement=built["deal"], region=demo.astana).delete()
            Party.objects.create(agreement=built["deal"], region=kostanay)
    for region in (demo.astana, kostanay, demo.karaganda):
        assert shown(client, NOVEMBER_30, region=region.pk) == expected(NOVEMBER_30, region)
    with on(NOVEMBER_30):
        built["deal"].delete()
    for region in (pavlodar, kostanay, demo.karaganda):
        assert shown(client, NOVEMBER_30, region=region.pk) == expected(NOVEMBER_30, region)
    assert shown(client, NOVEMBER_30) == expected(NOVEMBER_30)


def test_a_new_agreement_leaves_the_regions_counts_standing(client, built, demo):
    shown(client, NOVEMBER_30, region=demo.astana.pk)
    with on(NOVEMBER_30):
        fresh = agreement("Новое соглашение без обязательств", built["plant"], demo.astana)
        commitment(fresh, "Первое обязательство", owner=built["plant"], due_date=datetime.date(2026, 1, 1))
    assert RegionBacklog.objects.filter(region_id=demo.astana.pk, owner_key=tracker.STAMP).exists()
    assert shown(client, NOVEMBER_30, region=demo.astana.pk) == expected(NOVEMBER_30, demo.astana)

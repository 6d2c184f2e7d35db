"""Whole-registry tallies follow every write by difference and always equal a recount."""

import datetime

import pytest

from ortaq.agreements.models import Area
from ortaq.agreements.tests.factories import agreement, commitment
from ortaq.analytics import rollups
from ortaq.analytics.models import StaleRegion, Tally
from ortaq.analytics.tests.builders import pavlodar_kostanay
from ortaq.events.models import Event

pytestmark = pytest.mark.django_db


def stored() -> dict:
    return {(row.measure, row.key, row.period): row.value
            for row in Tally.objects.filter(region=None) if row.value}


RECOUNT = rollups._refresh_global


def recounted() -> dict:
    RECOUNT()
    return stored()


def assert_follows() -> None:
    rollups.ensure_fresh()
    kept = stored()
    assert kept == recounted()


def test_writes_move_records_between_buckets_without_a_recount(demo, monkeypatch):
    rollups.refresh_all()
    recounts = []
    monkeypatch.setattr(rollups, "_refresh_global", lambda: recounts.append(1) or RECOUNT())
    tourism, trade = Area.objects.get_or_create(slug="test-tourism", defaults={"name_ru": "Туризм (тест)"})[0], \
        Area.objects.get_or_create(slug="test-trade", defaults={"name_ru": "Торговля (тест)"})[0]
    built = pavlodar_kostanay(datetime.date(2026, 1, 15))
    first = built.agreements[0]
    first.areas.set([tourism, trade])
    assert_follows()
    first.signed_on, first.status, first.kind = datetime.date(2019, 6, 1), "terminated", "memorandum"
    first.save()  # its areas move to 2019 with it
    first.areas.remove(trade)
    assert_follows()
    first.areas.clear()
    first.areas.add(trade)
    promise = commitment(first, "Тестовое обещание", due_date=datetime.date(2025, 3, 3))
    promise.status, promise.due_date = "done", datetime.date(2024, 12, 31)
    promise.save()
    built.forum.kind, built.forum.start_date = "official_visit", datetime.date(2022, 5, 5)
    built.forum.save()
    built.project.status = "completed"
    built.project.save()
    assert_follows()
    built.agreements[1].delete()  # its commitments and areas go with it
    Event.objects.filter(pk=built.fair.pk).first().delete()
    assert_follows()
    assert recounts == []  # every write above was followed by difference


def test_an_area_deleted_or_edited_from_its_side_makes_the_refresh_recount(demo, monkeypatch):
    recounts = []
    monkeypatch.setattr(rollups, "_refresh_global", lambda: recounts.append(1) or RECOUNT())
    area = Area.objects.create(slug="test-energy", name_ru="Энергетика (тест)")
    record = agreement("Тестовое соглашение об энергетике", demo.east, demo.karaganda)
    assert recounts == []
    area.agreements.add(record)  # the area's side of the relation: recounted by the next refresh
    rollups.ensure_fresh()
    assert recounts and not StaleRegion.objects.exists()
    assert_follows()
    recounts.clear()
    area.delete()
    rollups.ensure_fresh()
    assert recounts
    assert_follows()

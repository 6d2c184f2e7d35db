"""The touches (which record touches which region) stay equal to a recount through every kind of write."""

import datetime

import pytest
from django.urls import reverse

from ortaq.agreements.models import Party
from ortaq.agreements.tests.factories import agreement
from ortaq.analytics import touches
from ortaq.analytics.models import Touch
from ortaq.analytics.tests.builders import pavlodar_kostanay
from ortaq.events.models import Participation
from ortaq.regions.models import Region

pytestmark = pytest.mark.django_db


def current() -> set[tuple]:
    return set(Touch.objects.values_list("region_id", "kind", "record_id", "day"))


def recount() -> set[tuple]:
    touches.rebuild()
    return current()


def assert_exact() -> None:
    kept = current()
    assert kept == recount()


def regions_of(kind: int, record) -> set[str]:
    return set(Region.objects.filter(pk__in=Touch.objects.filter(kind=kind, record_id=record.pk)
                                     .values("region_id")).values_list("code", flat=True))


def test_agreements_touch_the_regions_of_their_parties_and_follow_every_change(demo):
    built = pavlodar_kostanay(datetime.date(2026, 1, 15))
    second = built.agreements[1]  # between a Pavlodar plant and a Kostanay farm
    assert regions_of(Touch.Kind.AGREEMENT, second) == {"KZ-55", "KZ-39"}
    assert_exact()
    Party.objects.filter(agreement=second, organization=built.farm).update(organization=None, region=demo.east)
    touches.refresh(Touch.Kind.AGREEMENT, [second.pk])  # a queryset update sends no signal: refresh by hand
    assert regions_of(Touch.Kind.AGREEMENT, second) == {"KZ-55", "KZ-63"}
    built.plant.website = "https://plant.example.kz"  # an edit that leaves the region: touches stand
    built.plant.save()
    assert regions_of(Touch.Kind.AGREEMENT, second) == {"KZ-55", "KZ-63"}
    built.plant.region = demo.karaganda  # an organization moving region moves its records
    built.plant.save()
    assert regions_of(Touch.Kind.AGREEMENT, second) == {"KZ-35", "KZ-63"}
    assert_exact()
    second.signed_on = datetime.date(2020, 2, 2)
    second.save()
    assert Touch.objects.filter(kind=Touch.Kind.AGREEMENT, record_id=second.pk).first().day == second.signed_on
    pk = second.pk
    second.delete()
    assert not Touch.objects.filter(kind=Touch.Kind.AGREEMENT, record_id=pk).exists()
    assert_exact()


def test_events_touch_their_place_host_and_delegations(demo):
    built = pavlodar_kostanay(datetime.date(2026, 1, 15))
    assert regions_of(Touch.Kind.EVENT, built.forum) == {"KZ-55", "KZ-39"}
    assert regions_of(Touch.Kind.EVENT, built.fair) == {"KZ-39", "KZ-55"}  # the plant's delegation
    Participation.objects.create(event=built.forum, region=demo.east, role="guest")
    assert regions_of(Touch.Kind.EVENT, built.forum) == {"KZ-55", "KZ-39", "KZ-63"}
    Participation.objects.filter(event=built.forum, region=demo.east).delete()
    assert_exact()
    pk = built.forum.pk
    built.forum.delete()
    assert not Touch.objects.filter(kind=Touch.Kind.EVENT, record_id=pk).exists()
    assert_exact()


def test_projects_follow_their_regions_and_partners(demo):
    built = pavlodar_kostanay(datetime.date(2026, 1, 15))
    assert regions_of(Touch.Kind.PROJECT, built.project) == {"KZ-55", "KZ-39"}
    built.project.regions.remove(built.kostanay)
    assert regions_of(Touch.Kind.PROJECT, built.project) == {"KZ-55"}
    built.farm.joint_projects.add(built.project)  # from the other side of the relation
    assert regions_of(Touch.Kind.PROJECT, built.project) == {"KZ-55", "KZ-39"}
    assert Touch.objects.get(kind=Touch.Kind.PROJECT, record_id=built.project.pk, region=built.pavlodar).day == \
        datetime.date(2024, 1, 1)
    assert_exact()


def test_undated_records_sort_after_dated_ones(demo):
    undated = agreement("Меморандум без даты", demo.east, demo.karaganda)
    undated.signed_on = None
    undated.save()
    dated = agreement("Меморандум с датой", demo.east, demo.karaganda, signed_on=datetime.date(1999, 1, 1))
    listed = touches.latest(Touch.objects.filter(region=demo.east, kind=Touch.Kind.AGREEMENT),
                            type(undated).objects.all(), 10)
    assert listed.index(dated) < listed.index(undated)


def test_the_pair_page_lists_only_records_touching_both_regions(client, demo):
    built = pavlodar_kostanay(datetime.date(2026, 1, 15))
    response = client.get(reverse("analytics:pair", args=[built.pavlodar.pk, built.kostanay.pk]))
    assert {item.pk for item in response.context["agreements"]} == {item.pk for item in built.agreements}
    assert {item.pk for item in response.context["events"]} == {built.forum.pk, built.fair.pk}
    assert [item.title for item in response.context["agreements"]] == [
        "Тестовый меморандум о туризме", "Тестовый меморандум о логистике", "Тестовое соглашение о зерне"]

"""The database itself refuses what the code forbids."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from ortaq.agreements.models import Agreement, Party
from ortaq.agreements.tests.factories import agreement, organization
from ortaq.directory.models import Organization, Position
from ortaq.events.models import Event
from ortaq.projects.models import JointProject

pytestmark = pytest.mark.django_db


def test_an_agreement_left_with_one_party_is_refused(demo):
    record = agreement("Меморандум о туризме", demo.astana, demo.karaganda)
    with pytest.raises(IntegrityError), transaction.atomic():
        record.parties.first().delete()
    assert record.parties.count() == 2


def test_an_agreement_with_two_parties_keeps_its_count(demo):
    record = agreement("Меморандум о спорте", demo.astana, demo.karaganda)
    record.refresh_from_db()
    assert record.party_count == 2


def test_an_agreement_stored_with_fewer_than_two_parties_is_refused(demo):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(title="Одна сторона", party_count=1)


def test_deleting_an_agreement_removes_its_parties(demo):
    record = agreement("Меморандум на удаление", demo.astana, demo.karaganda)
    record.delete()
    assert not Party.objects.filter(agreement_id=record.pk).exists()


def test_an_agreement_term_must_end_after_it_starts(demo):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(title="Срок наоборот", valid_from=datetime.date(2024, 1, 2),
                                 valid_until=datetime.date(2024, 1, 1))


def test_an_event_must_end_after_it_starts(demo):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(title="Форум", start_date=datetime.date(2024, 3, 2), end_date=datetime.date(2024, 3, 1))


def test_a_bin_is_unique(demo):
    organization("ТОО «Первое»", demo.astana, bin="180240000019")
    with pytest.raises(IntegrityError), transaction.atomic():
        organization("ТОО «Второе»", demo.astana, bin="180240000019")


def test_many_organizations_may_have_no_bin(demo):
    organization("ТОО «Без БИН 1»", demo.astana)
    organization("ТОО «Без БИН 2»", demo.astana)
    assert Organization.objects.filter(bin__isnull=True).count() >= 2


def test_a_bin_must_be_twelve_digits_in_the_database(demo):
    with pytest.raises(IntegrityError), transaction.atomic():
        organization("ТОО «Короткий БИН»", demo.astana, bin="12345")


def test_the_same_organization_cannot_be_a_party_twice(demo):
    side = organization("АО «Дважды»", demo.astana)
    other = organization("АО «Другая сторона»", demo.karaganda)
    record = agreement("Меморандум", side, other)
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(agreement=record, organization=side)


def test_a_position_belongs_to_a_region_or_an_organization(demo):
    from ortaq.directory.models import Person

    person = Person.objects.create(first_name="Айгуль", last_name="Сейткали")
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(person=person, title="советник")


def test_a_project_cannot_end_before_it_starts(demo):
    with pytest.raises(IntegrityError), transaction.atomic():
        JointProject.objects.create(title="Дорога", start_year=2020, end_year=2019)

"""The seed's facts load once, and loading again duplicates nothing."""

import pytest
from django.apps import apps

from ortaq.agreements.models import Agreement
from ortaq.portal.demo import load_all_demo, load_all_reference
from ortaq.sources.models import Source

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.app_label in {"regions", "directory", "events", "agreements", "projects", "sources"}
            and not model._meta.label.split(".")[1].startswith("Historical")}


def test_loading_twice_creates_nothing_twice(demo):
    before = counts()
    load_all_reference()
    load_all_demo()
    assert counts() == before


def test_the_twenty_regions_of_kazakhstan_are_there(demo):
    from ortaq.regions.models import Region

    assert Region.objects.of_kazakhstan().count() == 20
    assert Region.objects.get(code="KZ-71").historic_names[0] == "Нур-Султан"


def test_the_seed_has_four_memoranda_and_one_agreement(demo):
    memoranda = Agreement.objects.filter(kind="memorandum", signing_event__program__name="Дни культуры Астаны")
    assert memoranda.count() == 4
    parties = {frozenset(str(party) for party in memorandum.parties.all()) for memorandum in memoranda}
    assert frozenset({"СПК «Астана»", "СПК «Сарыарка»"}) in parties
    assert frozenset({"Акимат города Астаны", "Акимат Карагандинской области"}) in parties
    assert Agreement.objects.filter(kind="agreement", title__contains="кооперации").count() == 1


def test_the_program_shows_reported_figures_beside_computed_ones(demo):
    from ortaq.events.models import Program

    program = Program.objects.get(name="Дни культуры Астаны")
    rows = {row["reported"].metric: row for row in program.figures_side_by_side()}
    assert rows["regions_visited"]["reported"].value == 8
    assert rows["regions_visited"]["computed"] == 1
    assert rows["memoranda_signed"]["reported"].value == 52
    assert rows["memoranda_signed"]["computed"] == 4


def test_every_seed_record_cites_its_source(demo, shared_dir):
    agreement = Agreement.objects.get(title__contains="СПК «Сарыарка»")
    source = Source.objects.get(object_id=agreement.pk, content_type__model="agreement")
    assert source.document is not None
    assert any("Сарыарка" in fragment for fragment in source.fragments())


def test_karaganda_page_shows_the_four_memoranda_with_their_parties(client, demo):
    page = client.get(demo.karaganda.get_absolute_url()).content.decode()
    for party in ["ТОО «Астана Конвеншн Бюро»", "Управление предпринимательства Карагандинской области",
                  "АО «Астана Innovations»", "СПК «Сарыарка»", "Акимат Карагандинской области"]:
        assert party in page
    assert page.count("Меморандум о сотрудничестве") >= 4
    assert "Ерлан Кошанов" in page

"""Search finds a record whatever the language of the query and whatever keyboard typed its Kazakh letters."""

import pytest

from ortaq.agreements.tests.factories import organization
from ortaq.core.search import fold_kazakh, search

pytestmark = pytest.mark.django_db


def found(query: str) -> set:
    return {record for group in search(query) for record in group["records"]}


def test_kazakh_letters_fold_to_russian_look_alikes():
    assert fold_kazakh("әөүұқғңһі") == "аоуукгнхи"


@pytest.mark.parametrize("query", ["Қарағанды", "Караганды", "Karaganda", "Караганда", "қарағанды облысы",
                                   "карагандинской"])
def test_a_region_by_its_kazakh_russian_or_english_name(demo, query):
    assert demo.karaganda in found(query)


def test_an_organization_by_its_kazakh_name_typed_either_way(demo):
    from ortaq.directory.models import Organization

    akimat = Organization.objects.get(name="Акимат Карагандинской области")
    assert akimat.name_kk
    for query in ("Қарағанды облысының әкімдігі", "караганды облысынын акимдиги", "әкімдігі Қарағанды"):
        assert akimat in found(query), query


def test_a_kazakh_name_typed_with_russian_letters_finds_the_record(demo):
    record = organization("ТОО «Өскемен Сүт Өнімдері»", demo.east)
    for query in ("Өскемен сүт", "Оскемен сут", "оскемен"):
        assert record in found(query), query

"""Search over all records understands Russian case forms."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import agreement, organization
from ortaq.core.search import lemma, search

pytestmark = pytest.mark.django_db


def titles(query: str) -> set[str]:
    return {str(record) for group in search(query) for record in group["records"]}


def test_it_finds_a_region_by_an_oblique_case(demo):
    assert "Карагандинская область" in titles("карагандинской")


def test_it_finds_a_region_in_any_letter_case(demo):
    assert "Карагандинская область" in titles("КАРАГАНДИНСКОЙ ОБЛАСТИ")


def test_it_finds_agreements_by_plural_instrumental(demo):
    found = titles("меморандумами")
    assert sum(1 for title in found if title.startswith("Меморандум")) >= 4


def test_it_finds_an_organization_by_a_word_prefix(demo):
    organization("ТОО «Жетысу Агро»", demo.karaganda)
    assert "ТОО «Жетысу Агро»" in titles("жетыс")


def test_every_word_must_match(demo):
    agreement("Меморандум о туризме", demo.astana, demo.karaganda)
    assert "Меморандум о туризме" in titles("туризма меморандум")
    assert "Меморандум о туризме" not in titles("туризма авиация")


def test_lemmas_fold_yo():
    assert lemma("объёмы") == lemma("объемы")


def test_the_search_page_groups_results_by_kind(client, demo):
    page = client.get(reverse("core:search"), {"q": "карагандинской"}).content.decode()
    assert "Регионы" in page and "Соглашения" in page


def test_an_edit_refreshes_the_index(demo):
    record = organization("ТОО «Старое имя»", demo.karaganda)
    record.name = "ТОО «Павлодарская логистика»"
    record.save()
    assert "ТОО «Павлодарская логистика»" in titles("павлодарской")
    assert "ТОО «Павлодарская логистика»" not in titles("старое")

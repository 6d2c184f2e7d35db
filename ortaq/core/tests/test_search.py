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


def test_it_finds_records_by_kazakh_letters(demo):
    organization("ТОО «Құрылыс Әлемі»", demo.karaganda)
    assert "ТОО «Құрылыс Әлемі»" in titles("құрылыс")
    assert "ТОО «Құрылыс Әлемі»" in titles("әлемі")
    assert "Карагандинская область" in titles("Қарағанды")


def test_kazakh_letters_typed_as_russian_look_alikes_still_match(demo):
    # Issue 13: people type Kazakh names on a Russian keyboard (қ→к, ә→а, ұ→у, і→и): both spellings find the record.
    organization("ТОО «Құрылыс Әлемі»", demo.karaganda)
    assert "ТОО «Құрылыс Әлемі»" in titles("курылыс алеми")
    assert "ТОО «Құрылыс Әлемі»" in titles("құрылыс")


@pytest.mark.parametrize("typo", ["Исекешов", "Исекшев", "Иссекешев", "Иескешев"])
def test_it_tolerates_one_wrong_letter_in_a_name(demo, typo):
    assert "Асет Исекешев" in titles(typo)


def test_it_tolerates_a_typo_in_an_organization_name(demo):
    assert "СПК «Сарыарка»" in titles("сарыарко")


def test_typos_are_tolerated_only_when_nothing_matches_exactly(demo):
    organization("ТОО «Сарыарка Логистик»", demo.karaganda)
    organization("ТОО «Сарыарка Логистак»", demo.karaganda)
    assert "ТОО «Сарыарка Логистик»" in titles("логистик")
    assert "ТОО «Сарыарка Логистик»" in titles("логистек")  # one wrong letter, nothing exact


def test_results_are_grouped_by_kind_with_the_matching_words_highlighted(client, demo):
    page = client.get(reverse("core:search"), {"q": "меморандумами"}).content.decode()
    assert "<mark>Меморандум</mark> о сотрудничестве" in page


def test_highlighting_escapes_the_title(demo):
    organization("ТОО «<b>Жир</b>»", demo.karaganda)
    items = [item["title"] for group in search("жир") for item in group["items"]]
    assert any("&lt;b&gt;<mark>Жир</mark>&lt;/b&gt;" in str(title) for title in items)


def test_the_whole_index_can_be_rebuilt_in_bulk(demo):
    from ortaq.core.models import SearchEntry
    from ortaq.core.search import rebuild_index

    SearchEntry.objects.filter(title="Карагандинская область").delete()
    assert "Карагандинская область" not in titles("карагандинской")
    assert rebuild_index() >= 1
    assert "Карагандинская область" in titles("карагандинской")


def test_an_agreement_is_found_by_its_partys_new_name(demo):
    farm = organization("ТОО «Старая ферма»", demo.karaganda)
    record = agreement("Меморандум о поставках", farm, demo.astana, demo.east)
    farm.name = "ТОО «Жаңа Өріс»"
    farm.save()
    assert "Меморандум о поставках" in titles("өріс")
    assert "Меморандум о поставках" not in titles("старая ферма")
    record.parties.get(organization=farm).delete()
    assert "Меморандум о поставках" not in titles("өріс")

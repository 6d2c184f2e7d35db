"""Areas of cooperation have pages: the list, and each area with its agreements, commitments and projects."""

import pytest
from django.urls import reverse

from ortaq.agreements.models import Area
from ortaq.agreements.tests.factories import agreement, commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def tourism(demo) -> Area:
    area, _ = Area.objects.get_or_create(slug="tourism", defaults={"name_ru": "Туризм"})
    return area


def test_a_commitment_with_an_area_opens_and_links_to_the_area(client, demo, tourism):
    record = agreement("Соглашение о туристическом маршруте", demo.karaganda, demo.astana)
    item = commitment(record, "Открыть общий туристический маршрут", area=tourism)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert tourism.get_absolute_url() in response.content.decode()


def test_an_area_page_lists_its_agreements_commitments_and_projects(client, demo, tourism):
    from ortaq.projects.models import JointProject

    record = agreement("Соглашение о гостевых домах", demo.karaganda, demo.astana)
    record.areas.add(tourism)
    commitment(record, "Построить двадцать гостевых домов", area=tourism)
    project = JointProject.objects.create(title="Маршрут «Великая степь»", kind="other", status="active")
    project.regions.add(demo.karaganda)
    project.areas.add(tourism)
    html = client.get(tourism.get_absolute_url()).content.decode()
    assert "Соглашение о гостевых домах" in html and record.get_absolute_url() in html
    assert "Построить двадцать гостевых домов" in html
    assert project.get_absolute_url() in html
    assert reverse("agreements:area_list") in html


def test_an_empty_area_says_so_and_offers_an_editor_to_add_an_agreement(client_as, users, demo):
    area = Area.objects.create(slug="space", name_ru="Космос")
    html = client_as(users.karaganda).get(area.get_absolute_url()).content.decode()
    assert "Соглашений в этой сфере пока нет" in html
    assert reverse("agreements:agreement_create") + f"?areas={area.pk}" in html
    viewer_html = client_as(users.viewer).get(area.get_absolute_url()).content.decode()
    assert "Соглашений в этой сфере пока нет" in viewer_html
    assert reverse("agreements:agreement_create") not in viewer_html


def test_the_area_list_counts_each_areas_records(client, demo, tourism):
    before = client.get(reverse("agreements:area_list"))
    assert before.status_code == 200
    record = agreement("Соглашение о въездном туризме", demo.karaganda, demo.astana)
    record.areas.add(tourism)
    commitment(record, "Провести форум", area=tourism)
    commitment(record, "Издать путеводитель", area=tourism)
    rows = client.get(reverse("agreements:area_list"), {"name": "Туризм"}).context["table"].rows
    row = next(row for row in rows if row.record.pk == tourism.pk)
    assert row.record.commitment_count == tourism.commitments.count() >= 2
    assert row.record.agreement_count == tourism.agreements.count() >= 1


def test_an_agreement_page_links_its_areas_and_the_area_list(client, demo, tourism):
    record = agreement("Соглашение о культурном туризме", demo.karaganda, demo.astana)
    record.areas.add(tourism)
    html = client.get(record.get_absolute_url()).content.decode()
    assert tourism.get_absolute_url() in html and reverse("agreements:area_list") in html


def test_search_for_an_area_word_opens(client, demo, tourism):
    record = agreement("Соглашение о туризме", demo.karaganda, demo.astana)
    commitment(record, "Развивать туризм в регионах", area=tourism)
    assert client.get(reverse("core:search"), {"q": "туризм"}).status_code == 200


def test_the_commitments_page_filters_by_area(client, demo, tourism):
    from ortaq.agreements.models import Area

    other = Area.objects.create(slug="sport-test", name_ru="Спорт (проверка)")
    record = agreement("Соглашение о спорте и туризме", demo.karaganda, demo.astana)
    commitment(record, "Провести турслёт", area=tourism)
    commitment(record, "Провести марафон", area=other)
    response = client.get(reverse("agreements:commitment_list"), {"area": tourism.pk, "state": "all"})
    texts = {row.record.text for row in response.context["table"].rows}
    assert "Провести турслёт" in texts and "Провести марафон" not in texts


def test_an_administrator_adds_an_area_and_an_editor_may_not(client_as, users, demo):
    url = reverse("agreements:area_create")
    data = {"name_ru": "Креативная экономика", "name_kk": "", "name_en": "", "slug": "creative"}
    assert client_as(users.karaganda).post(url, data).status_code == 403
    response = client_as(users.admin).post(url, data)
    assert response.status_code == 302
    area = Area.objects.get(slug="creative")
    assert response["Location"] == area.get_absolute_url()
    list_html = client_as(users.viewer).get(reverse("agreements:area_list")).content.decode()
    assert "Креативная экономика" in list_html and area.get_absolute_url() in list_html

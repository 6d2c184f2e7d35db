"""Bad input answers 4xx (or the page with a Russian message) and never a 500: the inputs seen as 500."""

import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from ortaq.agreements.tests.factories import agreement, organization

pytestmark = pytest.mark.django_db

LISTS = ["/agreements/", "/agreements/commitments/", "/events/", "/directory/organizations/", "/projects/"]
SEEN = [
    *(f"{url}?per_page=-1" for url in LISTS), *(f"{url}?per_page=abc" for url in LISTS),
    *(f"{url}?page=-3" for url in LISTS),
    "/events/?year=-1", "/events/?year=99999999999", "/analytics/commitments/?status=x",
    "/directory/organizations/new/?parent=abc", "/api/", "/search/?q=туризм", "/search/?q=Smart+City",
    "/search/?q=т", "/api/organizations/?region=abc", "/api/agreements/?page=-1",
]


@pytest.fixture
def admin_client(client_as, users):
    return client_as(users.admin)


@pytest.mark.parametrize("url", SEEN)
def test_seen_inputs_do_not_500(admin_client, url):
    assert admin_client.get(url).status_code < 500, url


def test_a_commitment_with_an_area_is_shown_and_found(admin_client, demo):
    from ortaq.agreements.models import Area

    record = agreement("Меморандум о туризме", organization("ТОО «Тур»", demo.karaganda), demo.astana)
    item = record.commitments.create(text="Развивать туризм", area=Area.objects.first())
    assert admin_client.get(item.get_absolute_url()).status_code == 200
    assert admin_client.get("/search/?q=туризм").status_code == 200


def test_a_project_with_year_zero_is_refused(client_as, users):
    api = APIClient()
    api.force_authenticate(users.admin)
    response = api.post("/api/projects/", {"title": "Проект нулевого года", "start_year": 0}, format="json")
    assert response.status_code == 400


def test_a_negative_budget_is_refused(users):
    api = APIClient()
    api.force_authenticate(users.admin)
    response = api.post("/api/projects/", {"title": "Проект", "budget": "-5"}, format="json")
    assert response.status_code == 400


def test_deleting_a_referenced_organization_is_409_naming_referrers(users, demo):
    local = organization("ТОО «Сторона»", demo.karaganda)
    agreement("Меморандум со стороной", local, demo.astana)
    api = APIClient()
    api.force_authenticate(users.admin)
    response = api.delete(f"/api/organizations/{local.pk}/")
    assert response.status_code == 409
    assert "Меморандум со стороной" in response.json()["detail"] or "Сторона" in response.json()["detail"]


def test_the_schema_does_not_change_the_language_of_filters(client_as, users):
    client = client_as(users.admin)
    assert client.get("/api/schema/").status_code == 200
    page = client.get("/directory/organizations/").content.decode()
    assert "Legal form" not in page and "Kind:" not in page
    assert "Организационно-правовая форма" in page or "организационно-правовая форма" in page
    assert client.get(reverse("events:event_list")).status_code == 200
    assert translation.get_language() == "ru"

"""The REST API asks the same rules, filters and scope as the pages."""

import pytest
from rest_framework.test import APIClient

from ortaq.agreements.models import Agreement
from ortaq.agreements.tests.factories import agreement, organization
from ortaq.sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def memorandum_payload(first, second, title="Меморандум через API") -> dict:
    return {"kind": "memorandum", "title": title, "status": "signed", "signed_on": "2024-10-01",
            "parties": [{"organization": first.pk}, {"organization": second.pk}]}


def test_anyone_reads_agreements_with_the_list_filters(api, demo):
    agreement("Меморандум о туризме", organization("ТОО «Тур»", demo.karaganda), demo.astana)
    response = api.get("/api/agreements/", {"title": "туризме"})
    assert response.status_code == 200
    titles = [row["title"] for row in response.json()["results"]]
    assert titles == ["Меморандум о туризме"]


def test_an_editor_creates_an_agreement_with_parties_and_a_source(api, users, demo):
    api.force_authenticate(users.karaganda)
    local, guest = organization("ТОО «Местное»", demo.karaganda), organization("ТОО «Гость»", demo.astana)
    response = api.post("/api/agreements/", memorandum_payload(local, guest), format="json")
    assert response.status_code == 201, response.json()
    created = Agreement.objects.get(title="Меморандум через API")
    assert created.parties.count() == 2 and created.party_count == 2
    assert Source.objects.filter(object_id=created.pk, content_type__model="agreement", entered_by=users.karaganda)


def test_an_agreement_with_one_party_is_refused(api, users, demo):
    api.force_authenticate(users.karaganda)
    payload = memorandum_payload(organization("ТОО «Одно»", demo.karaganda), demo.karaganda)
    payload["parties"] = payload["parties"][:1]
    response = api.post("/api/agreements/", payload, format="json")
    assert response.status_code == 400
    assert "двух сторон" in str(response.json())


def test_an_outsider_creates_nothing_outside_their_scope(api, users, demo):
    api.force_authenticate(users.outsider)
    payload = memorandum_payload(organization("ТОО «К»", demo.karaganda), organization("ТОО «А»", demo.astana),
                                 title="Чужой меморандум")
    response = api.post("/api/agreements/", payload, format="json")
    assert response.status_code == 403
    assert not Agreement.objects.filter(title="Чужой меморандум").exists()


def test_a_viewer_cannot_write(api, users, demo):
    api.force_authenticate(users.viewer)
    response = api.post("/api/organizations/", {"name": "ТОО «Читатель»", "kind": "company"}, format="json")
    assert response.status_code == 403


def test_an_update_with_an_old_version_is_refused(api, users, demo):
    record = organization("ТОО «Версия»", demo.karaganda)
    api.force_authenticate(users.karaganda)
    first = api.patch(f"/api/organizations/{record.pk}/", {"note": "первая", "version": 1}, format="json")
    assert first.status_code == 200
    stale = api.patch(f"/api/organizations/{record.pk}/", {"note": "вторая", "version": 1}, format="json")
    assert stale.status_code == 409
    record.refresh_from_db()
    assert record.note == "первая"


def test_the_api_checks_the_bin(api, users, demo):
    api.force_authenticate(users.karaganda)
    response = api.post("/api/organizations/", {"name": "ТОО «БИН»", "kind": "company", "region": demo.karaganda.pk,
                                                "bin": "123456789012"}, format="json")
    assert response.status_code == 400
    assert "bin" in response.json()


def test_the_openapi_schema_is_served(api, demo):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/agreements/" in response.content

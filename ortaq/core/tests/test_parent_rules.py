"""One write rule for pages and the API: a child is judged by its parent as it is and as it will be, an
editor leaves no record without a scope and takes no other region away, the server's fields stay its own."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ortaq.agreements.models import Commitment
from ortaq.agreements.tests.factories import agreement, commitment, organization
from ortaq.directory.models import Person, Position
from ortaq.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def akim(demo):
    """Karaganda's akim: a person whose only post is in Karaganda."""
    person = Person.objects.create(first_name="Ермек", last_name="Карагандинский")
    Position.objects.create(person=person, title="аким", region=demo.karaganda)
    return person


def test_an_outsider_cannot_hang_a_post_on_another_regions_person(api, users, demo, akim):
    api.force_authenticate(users.outsider)
    response = api.post("/api/positions/", {"person": akim.pk, "title": "советник", "region": demo.east.pk},
                        format="json")
    assert response.status_code == 403
    assert "вне вашей зоны" in response.json()["detail"]
    assert akim.positions.count() == 1
    assert api.patch(f"/api/people/{akim.pk}/", {"patronymic": "X"}, format="json").status_code == 403


def test_the_same_post_is_refused_on_the_page(client_as, users, demo, akim):
    response = client_as(users.outsider).post(reverse("directory:position_create"), {
        "person": akim.pk, "title": "советник", "region": demo.east.pk})
    assert response.status_code == 200
    assert "вне вашей зоны" in response.content.decode()
    assert akim.positions.count() == 1


def test_an_outsider_cannot_add_or_move_a_commitment_into_a_shared_agreement(api, users, demo):
    shared = agreement("Меморандум Астаны и Караганды", organization("ТОО «Кар»", demo.karaganda), demo.astana)
    own = agreement("Меморандум востока", organization("ТОО «Вост»", demo.east),
                    organization("ТОО «Вост-2»", demo.east))
    owner = organization("ТОО «Исполнитель»", demo.east)
    api.force_authenticate(users.outsider)
    created = api.post("/api/commitments/", {"agreement": shared.pk, "text": "чужое", "owner": owner.pk},
                       format="json")
    assert created.status_code == 403
    mine = commitment(own, "своё", owner=owner)
    moved = api.patch(f"/api/commitments/{mine.pk}/", {"agreement": shared.pk}, format="json")
    assert moved.status_code == 403
    assert Commitment.objects.get(pk=mine.pk).agreement_id == own.pk
    assert not shared.commitments.exists()


def test_the_old_parent_counts_too_a_commitment_is_not_taken_out_of_a_foreign_agreement(api, users, demo):
    foreign = agreement("Меморандум Астаны", organization("ТОО «Аст»", demo.astana),
                        organization("ТОО «Аст-2»", demo.astana))
    item = commitment(foreign, "Астаны", owner=organization("ТОО «Ист»", demo.east))
    own = agreement("Меморандум востока 2", organization("ТОО «В1»", demo.east), organization("ТОО «В2»", demo.east))
    api.force_authenticate(users.outsider)
    response = api.patch(f"/api/commitments/{item.pk}/", {"agreement": own.pk}, format="json")
    assert response.status_code == 403
    assert Commitment.objects.get(pk=item.pk).agreement_id == foreign.pk


def test_an_editor_cannot_leave_an_event_without_scope(api, client_as, users, demo):
    event = Event.objects.create(title="Форум в Караганде", start_date="2024-04-01", region=demo.karaganda)
    api.force_authenticate(users.karaganda)
    response = api.patch(f"/api/events/{event.pk}/", {"region": None, "host": None}, format="json")
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.region_id == demo.karaganda.pk
    page = client_as(users.karaganda).post(event.get_edit_url(), {
        "title": event.title, "kind": event.kind, "start_date": "2024-04-01", "loaded_version": event.version,
        "participations-TOTAL_FORMS": 0, "participations-INITIAL_FORMS": 0})
    assert page.status_code == 200
    event.refresh_from_db()
    assert event.region_id == demo.karaganda.pk
    assert client_as(users.outsider).get(event.get_edit_url()).status_code == 403


def test_an_administrator_may_leave_a_record_without_scope(api, users, demo):
    event = Event.objects.create(title="Форум без места", start_date="2024-04-01", region=demo.karaganda)
    api.force_authenticate(users.admin)
    assert api.patch(f"/api/events/{event.pk}/", {"region": None}, format="json").status_code == 200


def test_an_editor_cannot_remove_another_regions_party_through_the_api(api, users, demo):
    local = organization("ТОО «Карагандинская сторона»", demo.karaganda)
    shared = agreement("Меморандум двух регионов", local, demo.astana)
    api.force_authenticate(users.karaganda)
    replacement = organization("ТОО «Другая карагандинская»", demo.karaganda)
    response = api.patch(f"/api/agreements/{shared.pk}/", {
        "parties": [{"organization": local.pk}, {"organization": replacement.pk}]}, format="json")
    assert response.status_code == 403
    assert "чужой регион" in response.json()["detail"]
    assert shared.parties.filter(region=demo.astana).exists()


def test_server_fields_are_read_only(api, users, demo):
    api.force_authenticate(users.karaganda)
    response = api.post("/api/organizations/", {
        "name": "ТОО «Версия»", "kind": "company", "region": demo.karaganda.pk, "version": 999999, "id": 424242,
        "created_at": "2001-01-01T00:00:00Z"}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["version"] == 1 and body["id"] != 424242
    assert not body.get("created_at", "").startswith("2001")


def test_the_api_root_answers(api, users):
    assert api.get("/api/").status_code == 200
    api.force_authenticate(users.viewer)
    assert api.get("/api/").status_code == 200


def karaganda_document():
    from ortaq.reader.models import Proposal, Reading
    from ortaq.sources.models import Document

    text = "Акимат Карагандинской области провёл форум. Участники обсудили туризм."
    document = Document.objects.create(title="Форум в Караганде", text=text)
    Reading.objects.create(document=document)
    region = Proposal.objects.create(document=document, kind="region", ordinal=1, payload={"code": "KZ-35"},
                                     spans=[[7, 29]], sentence_start=0, sentence_end=43, confidence=0.9)
    event = Proposal.objects.create(document=document, kind="event", ordinal=1,
                                    payload={"kind": "forum", "title": "форум", "region": "KZ-35",
                                             "start_date": "2024-04-01"},
                                    spans=[[36, 42]], sentence_start=0, sentence_end=43, confidence=0.8)
    return region, event


def test_an_outsider_cannot_reject_or_accept_a_proposal_of_another_regions_document(client_as, users, demo):
    region, event = karaganda_document()
    client = client_as(users.outsider)
    for proposal in (region, event):
        response = client.post(reverse("reader:proposal_reject", args=[proposal.pk]), HTTP_HX_REQUEST="true")
        assert "вне вашей зоны" in response.content.decode()
        proposal.refresh_from_db()
        assert proposal.status == "pending"
    client_as(users.karaganda).post(reverse("reader:proposal_reject", args=[event.pk]))
    event.refresh_from_db()
    assert event.status == "rejected"

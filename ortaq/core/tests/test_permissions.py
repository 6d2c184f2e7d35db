"""The permission matrix: each role × each model × view / add / change / delete, by rules and by pages."""

import pytest
from django.urls import reverse

from ortaq.agreements.models import Agreement, Commitment
from ortaq.agreements.tests.factories import agreement, commitment, organization
from ortaq.core.permissions import permission_name
from ortaq.directory.models import Organization, Person
from ortaq.events.models import Event, Program
from ortaq.projects.models import JointProject
from ortaq.regions.models import Region

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "add", "change", "delete")
# For a Karaganda record: who may do what.
EXPECTED = {
    "admin": {"view", "add", "change", "delete"},
    "karaganda": {"view", "add", "change", "delete"},
    "astana": {"view", "add"},
    "outsider": {"view", "add"},
    "viewer": {"view"},
}


@pytest.fixture
def karaganda_records(demo):
    """One record of each kind, all belonging to Karaganda region only."""
    from ortaq.directory.models import Position

    local = organization("ТОО «Карагандинское»", demo.karaganda)
    local_two = organization("ТОО «Темиртауское»", demo.karaganda)
    memorandum = agreement("Меморандум карагандинских организаций", local, local_two)
    person = Person.objects.create(first_name="Бауыржан", last_name="Ахметов")
    Position.objects.create(person=person, title="директор", organization=local)
    return {
        "organization": local,
        "agreement": memorandum,
        "commitment": commitment(memorandum, "Провести ярмарку", owner=local),
        "event": Event.objects.create(title="Ярмарка в Караганде", start_date="2024-04-01", region=demo.karaganda),
        "program": Program.objects.create(name="Неделя Караганды", host_region=demo.karaganda),
        "project": _project(demo.karaganda),
        "person": person,
    }


def _project(region):
    project = JointProject.objects.create(title="Проект Караганды")
    project.regions.set([region])
    return project


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("kind", ["organization", "agreement", "commitment", "event", "program", "project",
                                  "person"])
def test_the_rules_give_each_role_its_rights(users, karaganda_records, role, kind):
    user, record = getattr(users, role), karaganda_records[kind]
    for action in ACTIONS:
        target = None if action == "add" else record
        allowed = user.has_perm(permission_name(type(record), action), target)
        assert allowed == (action in EXPECTED[role]), f"{role} {action} {kind}"


def test_anonymous_visitors_read_only_when_the_setting_allows(settings, karaganda_records):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    record = karaganda_records["agreement"]
    settings.ORTAQ_ANONYMOUS_READ = True
    assert anonymous.has_perm("agreements.view_agreement", record)
    assert not anonymous.has_perm("agreements.change_agreement", record)
    settings.ORTAQ_ANONYMOUS_READ = False
    assert not anonymous.has_perm("agreements.view_agreement", record)


def test_regions_are_reference_data_only_administrators_change(users, demo):
    assert users.admin.has_perm("regions.change_region", demo.karaganda)
    assert not users.karaganda.has_perm("regions.change_region", demo.karaganda)
    assert not users.karaganda.has_perm("regions.add_region")


PAGES = [("organization", "directory:organization"), ("agreement", "agreements:agreement"),
         ("commitment", "agreements:commitment"), ("event", "events:event"), ("program", "events:program"),
         ("project", "projects:jointproject"), ("person", "directory:person")]


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize(("kind", "route"), PAGES)
def test_the_pages_give_each_role_its_rights(client_as, users, karaganda_records, role, kind, route):
    client = client_as(getattr(users, role))
    record = karaganda_records[kind]
    expected = EXPECTED[role]
    assert client.get(reverse(f"{route}_list")).status_code == 200
    assert client.get(reverse(f"{route}_detail", args=[record.pk])).status_code == 200
    assert client.get(reverse(f"{route}_create")).status_code == (200 if "add" in expected else 403)
    assert client.get(reverse(f"{route}_edit", args=[record.pk])).status_code == (200 if "change" in expected else 403)
    assert client.get(reverse(f"{route}_delete", args=[record.pk])).status_code == (
        200 if "delete" in expected else 403)


def test_a_refused_delete_by_post_keeps_the_record(client_as, users, karaganda_records):
    record = karaganda_records["agreement"]
    response = client_as(users.astana).post(reverse("agreements:agreement_delete", args=[record.pk]))
    assert response.status_code == 403
    assert Agreement.objects.filter(pk=record.pk).exists()


def test_an_editor_deletes_a_record_in_scope(client_as, users, karaganda_records):
    record = karaganda_records["commitment"]
    response = client_as(users.karaganda).post(reverse("agreements:commitment_delete", args=[record.pk]))
    assert response.status_code == 302
    assert not Commitment.objects.filter(pk=record.pk).exists()


def test_anonymous_visitors_are_sent_to_login_when_reading_is_off(client, settings, demo):
    settings.ORTAQ_ANONYMOUS_READ = False
    response = client.get(reverse("agreements:agreement_list"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_anonymous_visitors_may_not_open_forms(client, demo):
    response = client.get(reverse("agreements:agreement_create"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_an_editor_cannot_create_a_record_outside_their_scope(client_as, users, demo):
    response = client_as(users.outsider).post(reverse("directory:organization_create"), {
        "name": "ТОО «Чужое»", "kind": "company", "region": demo.karaganda.pk,
    })
    assert response.status_code == 200
    assert "ваших регионов или организаций" in response.content.decode()
    assert not Organization.objects.filter(name="ТОО «Чужое»").exists()


def test_an_editor_cannot_move_a_record_out_of_scope(client_as, users, karaganda_records, demo):
    record = karaganda_records["organization"]
    response = client_as(users.karaganda).post(reverse("directory:organization_edit", args=[record.pk]), {
        "name": record.name, "kind": "company", "region": demo.east.pk, "loaded_version": record.version,
    })
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.region == demo.karaganda


def test_the_admin_site_is_for_administrators_only(client_as, users):
    assert client_as(users.admin).get("/admin/").status_code == 200
    assert client_as(users.karaganda).get("/admin/").status_code == 302


def test_region_pages_are_open_to_viewers(client_as, users):
    region = Region.objects.get(code="KZ-35")
    assert client_as(users.viewer).get(region.get_absolute_url()).status_code == 200

"""Every change is kept with who and when; an administrator restores an earlier version."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import organization

pytestmark = pytest.mark.django_db


def edit_organization(client, record, **changes):
    data = {"name": record.name, "kind": record.kind, "region": record.region_id or "",
            "loaded_version": record.version, **changes}
    return client.post(reverse("directory:organization_edit", args=[record.pk]), data)


def test_an_edit_is_kept_with_who_and_what(client_as, users, demo):
    record = organization("ТОО «История»", demo.karaganda, kind="company")
    response = edit_organization(client_as(users.karaganda), record, name="ТОО «Новая история»")
    assert response.status_code == 302
    latest = record.history.order_by("-history_date").first()
    assert latest.history_user == users.karaganda
    assert latest.name == "ТОО «Новая история»"
    page = client_as(users.viewer).get(record.get_absolute_url()).content.decode()
    assert "ТОО «История»" in page and "karl" in page


def test_an_administrator_restores_an_earlier_version(client_as, users, demo):
    record = organization("ТОО «Было»", demo.karaganda, kind="company")
    edit_organization(client_as(users.karaganda), record, name="ТОО «Стало»")
    first = record.history.order_by("history_date").first()
    response = client_as(users.admin).post(
        reverse("core:restore", args=["directory.organization", record.pk, first.history_id]))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.name == "ТОО «Было»"
    assert record.history.count() == 3


def test_an_editor_cannot_restore(client_as, users, demo):
    record = organization("ТОО «Без отката»", demo.karaganda, kind="company")
    edit_organization(client_as(users.karaganda), record, name="ТОО «Изменено»")
    first = record.history.order_by("history_date").first()
    response = client_as(users.karaganda).post(
        reverse("core:restore", args=["directory.organization", record.pk, first.history_id]))
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.name == "ТОО «Изменено»"


def test_a_deleted_record_stays_in_history(client_as, users, demo):
    record = organization("ТОО «Удаляемое»", demo.karaganda, kind="company")
    pk = record.pk
    client_as(users.karaganda).post(reverse("directory:organization_delete", args=[pk]))
    from ortaq.directory.models import Organization

    assert Organization.history.filter(id=pk, history_type="-").exists()


def test_the_full_history_page_lists_versions(client_as, users, demo):
    record = organization("ТОО «Версии»", demo.karaganda, kind="company")
    edit_organization(client_as(users.karaganda), record, name="ТОО «Версии 2»")
    page = client_as(users.admin).get(reverse("core:history", args=["directory.organization", record.pk]))
    assert page.status_code == 200
    assert "Восстановить эту версию" in page.content.decode()


def test_many_to_many_changes_show_names(client_as, users, demo):
    from ortaq.core.history import history_rows
    from ortaq.projects.models import JointProject

    project = JointProject.objects.create(title="Проект с регионами")
    project.regions.set([demo.karaganda])
    project.save()
    changes = [change for row in history_rows(project) for change in row.changes]
    assert any("Карагандинская область" in str(change.new) for change in changes)

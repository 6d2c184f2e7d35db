"""An edit submitted from a page older than the record is refused and shows what changed."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import organization
from ortaq.directory.models import Organization

pytestmark = pytest.mark.django_db


def test_a_stale_edit_is_refused_and_shows_the_other_change(client, users, demo):
    record = organization("ТОО «Общий»", demo.karaganda, kind="company")
    loaded_version = record.version  # both people opened the form at this version
    url = reverse("directory:organization_edit", args=[record.pk])

    client.force_login(users.admin)
    first = client.post(url, {"name": "ТОО «Общий» (правка админа)", "kind": "company",
                              "region": demo.karaganda.pk, "loaded_version": loaded_version})
    assert first.status_code == 302

    client.force_login(users.karaganda)
    second = client.post(url, {"name": "ТОО «Общий» (правка редактора)", "kind": "company",
                               "region": demo.karaganda.pk, "loaded_version": loaded_version})
    assert second.status_code == 200
    page = second.content.decode()
    assert "Запись изменилась, пока вы её редактировали" in page
    assert "правка админа" in page and "alice" in page
    record.refresh_from_db()
    assert record.name == "ТОО «Общий» (правка админа)"


def test_a_fresh_edit_is_saved(client_as, users, demo):
    record = organization("ТОО «Свежий»", demo.karaganda, kind="company")
    response = client_as(users.karaganda).post(
        reverse("directory:organization_edit", args=[record.pk]),
        {"name": "ТОО «Свежий 2»", "kind": "company", "region": demo.karaganda.pk, "loaded_version": record.version},
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=record.pk).name == "ТОО «Свежий 2»"


def test_the_version_grows_on_every_save(demo):
    record = organization("ТОО «Счётчик»", demo.karaganda)
    assert record.version == 1
    record.note = "раз"
    record.save()
    record.note = "два"
    record.save()
    record.refresh_from_db()
    assert record.version == 3

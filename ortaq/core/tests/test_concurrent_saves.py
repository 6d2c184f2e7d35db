"""Two saves of the same version: exactly one wins, on pages, through the API (version field or If-Match)
and in the model itself; on PostgreSQL two threads really race, on SQLite the interleaving is forced."""

import threading

import pytest
from django.db import connection, transaction
from rest_framework.test import APIClient

from ortaq.agreements.tests.factories import organization
from ortaq.core.models import StaleRecord
from ortaq.core.views import RecordUpdateView
from ortaq.directory.models import Organization


@pytest.fixture
def record(demo):
    return organization("ТОО «Гонка»", demo.karaganda, kind="company")


def form_data(record, name: str, loaded: int) -> dict:
    return {"name": name, "kind": "company", "region": record.region_id, "loaded_version": loaded}


@pytest.mark.django_db
def test_the_model_refuses_a_save_over_a_newer_version(record):
    first, second = Organization.objects.get(pk=record.pk), Organization.objects.get(pk=record.pk)
    first.expected_version = second.expected_version = record.version
    first.name = "первый"
    first.save()
    second.name = "второй"
    with pytest.raises(StaleRecord):
        second.save()
    assert Organization.objects.get(pk=record.pk).name == "первый"


@pytest.mark.django_db
def test_a_page_save_that_loses_the_race_after_the_early_check_is_refused(client_as, users, record, monkeypatch):
    """The interleaving the early check cannot see: the other save lands after it and before this one."""
    loaded = record.version
    client = client_as(users.karaganda)
    url = record.get_edit_url()

    def check_then_lose(self, form):
        other = Organization.objects.get(pk=record.pk)
        other.name = "сохранено другим"
        other.save()
        return []

    monkeypatch.setattr(RecordUpdateView, "stale_changes", check_then_lose)
    response = client.post(url, form_data(record, "моя правка", loaded))
    monkeypatch.undo()
    assert response.status_code == 200
    assert "Запись изменилась, пока вы её редактировали" in response.content.decode()
    assert Organization.objects.get(pk=record.pk).name == "сохранено другим"


@pytest.mark.django_db
def test_the_api_refuses_stale_versions_and_if_match(users, record):
    api = APIClient()
    api.force_authenticate(users.karaganda)
    url = f"/api/organizations/{record.pk}/"
    got = api.get(url)
    assert got["ETag"] == f'"{record.version}"'
    assert api.patch(url, {"note": "раз"}, format="json", HTTP_IF_MATCH=got["ETag"]).status_code == 200
    stale = api.patch(url, {"note": "два"}, format="json", HTTP_IF_MATCH=got["ETag"])
    assert stale.status_code == 412
    assert api.patch(url, {"note": "два", "version": record.version}, format="json").status_code == 409
    assert api.patch(url, {"note": "два"}, format="json", HTTP_IF_MATCH='"abc"').status_code == 412
    assert api.delete(url, HTTP_IF_MATCH=got["ETag"]).status_code == 412
    record.refresh_from_db()
    assert record.note == "раз" and record.version == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two threads race for a row lock on PostgreSQL; "
                    "SQLite writes are serialised (IMMEDIATE) and covered by the forced interleavings above")
@pytest.mark.django_db(transaction=True)
def test_two_threads_saving_the_same_version_one_wins(demo):
    from ortaq.regions.models import Region

    for _round in range(5):
        record = Organization.objects.create(name="ТОО «Поток»", kind="company",
                                             region=Region.objects.get(code="KZ-35"))
        barrier, outcomes = threading.Barrier(2), []

        def save(name: str, record=record, barrier=barrier, outcomes=outcomes) -> None:
            try:
                copy = Organization.objects.get(pk=record.pk)
                copy.expected_version, copy.name = record.version, name
                barrier.wait()
                with transaction.atomic():
                    copy.save()
                outcomes.append("saved")
            except StaleRecord:
                outcomes.append("stale")
            finally:
                connection.close()

        threads = [threading.Thread(target=save, args=(f"поток {n}",)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["saved", "stale"]
        assert Organization.objects.get(pk=record.pk).version == record.version + 1

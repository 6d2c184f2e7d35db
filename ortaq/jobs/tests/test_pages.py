"""The administrators' page of jobs: who sees it, starting, cancelling and retrying."""

from __future__ import annotations

import pytest

from ortaq.jobs import runner
from ortaq.jobs.models import Job

pytestmark = pytest.mark.django_db


def test_only_administrators_see_jobs(client_as, users):
    assert client_as(users.admin).get("/jobs/").status_code == 200
    for user in (users.viewer, users.karaganda):
        assert client_as(user).get("/jobs/").status_code == 403
    assert client_as(None).get("/jobs/").status_code in (302, 403)


def test_an_administrator_starts_a_job_and_sees_it_finished(client_as, users):
    client = client_as(users.admin)
    response = client.post("/jobs/start/analytics/", follow=True)
    assert response.status_code == 200
    job = Job.objects.get(kind="analytics")
    assert job.status == Job.Status.DONE and job.created_by == users.admin
    page = client.get("/jobs/").content.decode()
    assert "Пересчитать всю аналитику" in page and "завершена" in page


def test_bad_input_on_the_jobs_page_is_refused_cleanly(client_as, users):
    client = client_as(users.admin)
    assert client.post("/jobs/start/no-such-kind/").status_code == 404
    assert client.post("/jobs/start/rollups/").status_code == 404  # not startable by hand
    assert client.get("/jobs/start/analytics/").status_code == 405
    assert client.get("/jobs/?status=zzz").status_code == 200
    assert client.get("/jobs/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.post("/jobs/00000000-0000-0000-0000-000000000000/retry/").status_code == 404


def test_a_failed_job_shows_its_error_and_the_retry_button(client_as, users):
    job = Job.objects.create(kind="search", title="Перестроить поисковый индекс", status=Job.Status.FAILED,
                             error="OSError: диск заполнен")
    client = client_as(users.admin)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "диск заполнен" in page
    assert "Повторить" in client.get("/jobs/").content.decode()
    client.post(f"/jobs/{job.pk}/retry/")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert client.post(f"/jobs/{job.pk}/cancel/", follow=True).status_code == 200  # refused with a message
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE
    assert runner.cancel(job) is False


def test_an_administrator_generates_synthetic_data_as_a_job(client_as, users):
    from ortaq.directory.models import Organization

    client = client_as(users.admin)
    before = Organization.objects.count()
    response = client.post("/jobs/synthetic/", {"organizations": 5, "agreements": 0, "events": 0,
                                                "commitments": 0, "deliveries": 0}, follow=True)
    assert response.status_code == 200
    job = Job.objects.get(kind="synthetic")
    assert job.status == Job.Status.DONE and job.params["organizations"] == 5
    assert Organization.objects.count() == before + 5


def test_synthetic_data_refuses_bad_counts(client_as, users):
    client = client_as(users.admin)
    for data in ({"organizations": -1}, {"organizations": "много"}, {"organizations": 0}, {"agreements": 10**9}):
        page = client.post("/jobs/synthetic/", data, follow=True).content.decode()
        assert "целые числа от 0 до 1 000 000" in page
    assert not Job.objects.filter(kind="synthetic").exists()
    assert client_as(users.karaganda).post("/jobs/synthetic/", {"organizations": 5}).status_code == 403

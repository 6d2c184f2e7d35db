"""The web import through a worker: progress while queued and running, cancel, a killed worker, bad job ids."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from ortaq.foodbelt.importer import DeliveryImporter
from ortaq.foodbelt.models import Delivery
from ortaq.foodbelt.tests.test_import_deliveries import CLEAN, _csv, _rows, farms  # noqa: F401 (fixture)
from ortaq.jobs import runner
from ortaq.jobs.models import Job
from ortaq.jobs.tests.conftest import BACKENDS, _worker

pytestmark = pytest.mark.django_db
URL = reverse("foodbelt:import_deliveries")


@pytest.fixture
def database_queue(settings, tmp_path):
    """Jobs wait in the database queue until `work()` runs them, as with `make run`'s worker."""
    settings.VAR_DIR = tmp_path
    settings.ORTAQ_TASKS, settings.TASKS = "db", BACKENDS["db"]
    return _worker("db")


def _upload(client, content: bytes):
    return client.post(URL, {"file": SimpleUploadedFile("deliveries.csv", content)})


def test_upload_check_and_import_run_in_the_worker_with_progress(farms, users, client_as, database_queue):  # noqa: F811
    client = client_as(users.karaganda)
    response = _upload(client, _csv(farms, *CLEAN))
    assert response.status_code == 302 and "?job=" in response["Location"]
    waiting = client.get(response["Location"])
    assert "В очереди" in waiting.content.decode() and 'hx-trigger="every 1s"' in waiting.content.decode()
    database_queue()
    preview = client.get(response["Location"])
    assert preview.context["result"].added == 3 and preview.context["token"]
    job = Job.objects.get(kind="foodbelt-check")
    assert (job.done, job.total, job.status) == (3, 3, Job.Status.DONE)
    confirm = client.post(URL, {"token": preview.context["token"], "file_name": "deliveries.csv"})
    assert not Delivery.objects.filter(document_number="ТТН-1").exists()  # not yet: the worker does it
    # The polled fragment says the job ended by asking for a reload; the reload shows the outcome.
    database_queue()
    poll = client.get(confirm["Location"], headers={"HX-Request": "true"})
    assert poll.status_code == 204 and poll["HX-Refresh"] == "true"
    done = client.get(confirm["Location"])
    assert done.status_code == 302 and done["Location"] == reverse("foodbelt:delivery_list")
    assert Delivery.objects.filter(document_number__in=["ТТН-1", "ТТН-2", "ТТН-3"]).count() == 3


def test_once_every_row_is_read_the_page_says_what_the_import_does(farms, users, client_as,  # noqa: F811
                                                                    database_queue):
    """The import checks and writes after its last row is read: the bar does not stand at 100 % in silence."""
    phases = []
    runner_ = DeliveryImporter(default_consumer=farms[0].organization.region, phase=phases.append)
    runner_.run(_rows(_csv(farms, *CLEAN)))
    checked_as_a_set = ["Проверка повторов и записей, уже внесённых в реестр…"] if connection.vendor == "postgresql" else []
    assert phases == [*checked_as_a_set, "Запись 3 строк в реестр и пересчёт итогов…"]
    client = client_as(users.karaganda)
    location = _upload(client, _csv(farms, *CLEAN))["Location"]
    job = Job.objects.get(kind="foodbelt-check")
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=3, total=3,
                                         message="Запись 1 000 000 строк в реестр и пересчёт итогов…")
    page = client.get(location).content.decode()
    assert "строк прочитано: 3 · Запись 1 000 000 строк в реестр и пересчёт итогов…" in page
    assert '<progress aria-label="Ход обработки"></progress>' in page  # no value: it moves without a figure


def test_a_cancelled_import_writes_nothing(farms, users, client_as, database_queue):  # noqa: F811
    client = client_as(users.karaganda)
    _upload(client, _csv(farms, *CLEAN))
    database_queue()
    token = Job.objects.get(kind="foodbelt-check").params["token"]
    confirm = client.post(URL, {"token": token, "file_name": "deliveries.csv"})
    job = Job.objects.get(kind="foodbelt-import")
    client.post(URL, {"cancel": str(job.pk)})
    database_queue()
    assert Job.objects.get(pk=job.pk).status == Job.Status.CANCELLED
    assert not Delivery.objects.filter(document_number="ТТН-1").exists()
    assert "Отменено" in client.get(confirm["Location"]).content.decode()


def test_an_import_cut_by_a_killed_worker_runs_again_without_duplicates(farms, users, client_as,  # noqa: F811
                                                                         database_queue):
    client = client_as(users.karaganda)
    _upload(client, _csv(farms, *CLEAN))
    database_queue()
    token = Job.objects.get(kind="foodbelt-check").params["token"]
    client.post(URL, {"token": token, "file_name": "deliveries.csv"})
    job = Job.objects.get(kind="foodbelt-import")
    # The worker took the job and was killed before it committed: the job is left running, silent.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING,
                                         heartbeat_at=timezone.now() - datetime.timedelta(minutes=10))
    database_queue()
    assert not Delivery.objects.filter(document_number="ТТН-1").exists()
    assert runner.recover() == 1
    database_queue()
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE
    assert Delivery.objects.filter(document_number__in=["ТТН-1", "ТТН-2", "ТТН-3"]).count() == 3


def test_someone_elses_or_a_malformed_job_is_not_found(farms, users, client_as):  # noqa: F811
    _upload(client_as(users.karaganda), _csv(farms, *CLEAN))
    job = Job.objects.get(kind="foodbelt-check")
    assert client_as(users.outsider).get(f"{URL}?job={job.pk}").status_code in (403, 404)
    assert client_as(users.karaganda).get(f"{URL}?job=not-a-uuid").status_code == 404
    assert client_as(users.karaganda).post(URL, {"cancel": "00000000-0000-0000-0000-000000000000"}).status_code == 404
    assert client_as(users.admin).get(f"{URL}?job={job.pk}").status_code == 200

"""Long texts and .zip archives are read by a worker; the page follows the job; nothing is read twice."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortaq.jobs.models import Job
from ortaq.jobs.tests.conftest import BACKENDS, _worker
from ortaq.reader.models import Reading
from ortaq.sources.models import Document

pytestmark = pytest.mark.django_db
URL = reverse("reader:document_create")

FIRST = ("Караганда, 3 февраля 2026 г. Аким Карагандинской области и аким Павлодарской области подписали "
         "меморандум о сотрудничестве в сфере туризма.")
SECOND = ("Павлодар, 5 февраля 2026 г. В Павлодаре прошёл деловой форум предпринимателей двух регионов; "
          "делегация Карагандинской области посетила предприятия города.")


def _zip(*members: tuple[str, bytes]) -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return SimpleUploadedFile("releases.zip", out.getvalue())


@pytest.fixture
def database_queue(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.ORTAQ_TASKS, settings.TASKS = "db", BACKENDS["db"]
    return _worker("db")


def test_a_zip_of_press_releases_is_read_in_the_worker(users, client_as, database_queue):
    client = client_as(users.admin)
    response = client.post(URL, {"file": _zip(("a.txt", FIRST.encode()), ("b.txt", SECOND.encode("cp1251")),
                                              ("notes/readme.md", b"skip me"))})
    assert response.status_code == 302 and "?job=" in response["Location"]
    assert "В очереди" in client.get(response["Location"]).content.decode()
    assert "в очереди…" in client.get(reverse("reader:document_list")).content.decode()
    database_queue()
    page = client.get(response["Location"])
    assert page.status_code == 200
    job = Job.objects.get(kind="reader")
    assert (job.status, job.done, job.total) == (Job.Status.DONE, 2, 2)
    names = {item["file_name"] for item in page.context["documents"]}
    assert names == {"a.txt", "b.txt"}
    assert Reading.objects.filter(document__file_name__in=["a.txt", "b.txt"]).count() == 2


def test_a_long_text_goes_to_the_worker_and_then_to_its_review(users, client_as, settings, database_queue):
    settings.ORTAQ_READER_BACKGROUND_CHARS = 100
    client = client_as(users.admin)
    response = client.post(URL, {"text": FIRST})
    assert response.status_code == 302 and "?job=" in response["Location"]
    database_queue()
    done = client.get(response["Location"])
    document = Document.objects.get(reading__isnull=False, text=FIRST)
    assert done.status_code == 302 and done["Location"] == reverse("reader:document_review", args=[document.pk])


def test_a_job_run_again_reads_nothing_twice(users, client_as, database_queue):
    from ortaq.jobs import runner

    client = client_as(users.admin)
    client.post(URL, {"file": _zip(("a.txt", FIRST.encode()), ("b.txt", SECOND.encode()))})
    job = Job.objects.get(kind="reader")
    database_queue()
    readings = Reading.objects.count()
    Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED)  # as if a later step had failed
    runner.retry(job)
    database_queue()
    assert Reading.objects.count() == readings
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE


def test_bad_archives_are_refused_with_a_message_and_nothing_queued(users, client_as):
    client = client_as(users.admin)
    no_texts = client.post(URL, {"file": _zip(("x/workbook.xml", b"<w/>"))})
    assert "нет файлов .txt или .docx" in no_texts.content.decode()
    binary = client.post(URL, {"file": _zip(("a.txt", bytes(range(256)) * 8))})
    assert "в архиве" in binary.content.decode()
    assert not Job.objects.filter(kind="reader").exists()
    assert client.get(f"{URL}?job=nonsense").status_code == 404
    assert client_as(users.viewer).get(f"{URL}?job=00000000-0000-0000-0000-000000000000").status_code in (403, 404)


def test_ingest_queue_splits_a_folder_into_worker_tasks(tmp_path, database_queue, capsys):
    from django.core.management import call_command

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    (folder / "c.txt").write_bytes(bytes(range(256)) * 8)
    call_command("ingest", str(folder), "--workers", "2", "--queue")
    jobs = Job.objects.filter(kind="reader")
    assert jobs.count() == 2 and sorted(len(job.params["texts"]) for job in jobs) == [1, 1]
    database_queue()
    assert set(jobs.values_list("status", flat=True)) == {Job.Status.DONE}
    assert Reading.objects.filter(document__file_name__in=["a.txt", "b.txt"]).count() == 2
    assert "c.txt" in capsys.readouterr().err

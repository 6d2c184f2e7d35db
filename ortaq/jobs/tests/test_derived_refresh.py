"""A bulk write too large to follow row by row: the stores are marked stale and the coalesced `derived` job,
run by a real worker on each queue backend, rebuilds them; nothing differs afterwards."""

from __future__ import annotations

import pytest

from ortaq.analytics import handlers as analytics_handlers
from ortaq.core import derived
from ortaq.core.models import SearchEntry, StaleStore
from ortaq.directory.models import Organization
from ortaq.jobs.models import Job

pytestmark = pytest.mark.django_db


def test_a_large_bulk_write_is_rebuilt_by_one_derived_job(demo, queue_backend, monkeypatch):
    monkeypatch.setattr(analytics_handlers, "BULK_REGION_LIMIT", 0)
    monkeypatch.setattr(derived, "BULK_REINDEX_LIMIT", 0)
    renamed = Organization.objects.filter(region=demo.karaganda)
    count = renamed.update(name="ТОО «Переименовано оптом»")
    Organization.objects.filter(region=demo.astana).update(website="https://astana.example.kz")
    assert count and {"search", "touches", "rollups"} <= set(StaleStore.objects.values_list("name", flat=True))
    assert Job.objects.filter(kind="derived", status=Job.Status.QUEUED).count() == 1  # two writes, one job
    assert not SearchEntry.objects.filter(title__contains="Переименовано оптом").exists()  # not yet
    queue_backend()
    job = Job.objects.get(kind="derived")
    assert job.status == Job.Status.DONE and "search" in job.message
    assert not StaleStore.objects.exists()
    assert SearchEntry.objects.filter(title__contains="Переименовано оптом").count() == count
    assert [difference for difference in derived.check() if difference] == []

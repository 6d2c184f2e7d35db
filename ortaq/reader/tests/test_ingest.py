"""`ortaq ingest`: a folder into the review queue; already-read texts skipped; resumable without duplicates."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from ortaq.reader import storing
from ortaq.reader.models import IngestRun, Proposal, Reading
from ortaq.reader.tests.texts import CULTURE_DAYS, KARAGANDA_AGAIN, PAVLODAR, SHORT
from ortaq.sources.models import Document

TEXTS = {"pavlodar": PAVLODAR, "karaganda": KARAGANDA_AGAIN, "short": SHORT, "culture": CULTURE_DAYS}


@pytest.fixture
def folder(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy-of-short.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def counts() -> tuple[int, int, int]:
    return Document.objects.count(), Reading.objects.count(), Proposal.objects.count()


def test_it_reads_a_folder_into_the_review_queue_and_skips_it_the_second_time(demo, folder, capsys):
    before = counts()
    call_command("ingest", str(folder), "--workers", "2", "--no-progress")
    output = capsys.readouterr()
    assert "прочитано: 4" in output.out and "не прочитано: 1" in output.out
    assert "empty.txt" in output.err and "пуст" in output.err
    after = counts()
    assert after[1] - before[1] == 4 and after[2] > before[2]
    assert Reading.objects.filter(document__file_name="pavlodar.txt", run__isnull=False).exists()
    call_command("ingest", str(folder), "--workers", "1", "--no-progress")
    assert "пропущено как уже прочитанные: 5" in capsys.readouterr().out
    assert counts() == after
    assert IngestRun.objects.count() == 2


def test_an_interrupted_run_resumes_without_duplicates(demo, folder, monkeypatch, capsys):
    real = storing.store_reading
    calls = []

    def interrupted_after_two(*args, **kwargs):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(storing, "store_reading", interrupted_after_two)
    before = counts()
    with pytest.raises(CommandError, match="Прервано"):
        call_command("ingest", str(folder), "--workers", "1", "--no-progress")
    assert Reading.objects.count() - before[1] == 2
    assert IngestRun.objects.get().interrupted
    monkeypatch.setattr(storing, "store_reading", real)
    call_command("ingest", str(folder), "--workers", "1", "--no-progress")
    assert Reading.objects.count() - before[1] == 4
    for document in Document.objects.filter(reading__isnull=False):
        kinds = list(document.proposals.values_list("kind", "ordinal"))
        assert len(kinds) == len(set(kinds))

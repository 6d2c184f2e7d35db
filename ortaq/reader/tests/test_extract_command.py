"""`ortaq extract`: SCHEMA.md JSON Lines for files and folders, without a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from ortaq.reader.tests.texts import PAVLODAR, SHORT

# SCHEMA.md's keys, and Ortaq's two additions that score.py does not read: commitments and food-belt supplies
KEYS = {"id", "regions", "persons", "organizations", "agreements", "events", "figures", "commitments", "supplies"}


def _lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_it_writes_one_schema_line_per_text_of_a_folder(tmp_path, capsys, plain_pipeline):
    (tmp_path / "pavlodar.txt").write_text(PAVLODAR, encoding="utf-8")
    (tmp_path / "short.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("не текст пресс-релиза", encoding="utf-8")
    call_command("extract", str(tmp_path))
    documents = {doc["id"]: doc for doc in _lines(capsys)}
    assert set(documents) == {"pavlodar", "short"}
    doc = documents["pavlodar"]
    assert set(doc) == KEYS
    assert {region["code"] for region in doc["regions"]} >= {"KZ-71", "KZ-55"}
    memoranda = [a for a in doc["agreements"] if a["kind"] == "memorandum"]
    assert any("ТОО «Павлодар Туризм»" in a["parties"] for a in memoranda)
    for kind in KEYS - {"id"}:
        for item in doc[kind]:
            assert item["spans"], item
            for start, end in item["spans"]:
                assert 0 <= start < end <= len(PAVLODAR)


def test_it_names_the_id_after_the_file_stem(tmp_path, capsys, plain_pipeline):
    path = tmp_path / "2024-05-01_release.txt"
    path.write_text(SHORT, encoding="utf-8")
    call_command("extract", str(path))
    assert [doc["id"] for doc in _lines(capsys)] == ["2024-05-01_release"]


def test_it_writes_to_a_file_when_asked(tmp_path, plain_pipeline):
    (tmp_path / "short.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    call_command("extract", str(tmp_path / "short.txt"), "--output", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "short"


def test_it_refuses_a_missing_path(tmp_path, plain_pipeline):
    with pytest.raises(CommandError, match="no such file"):
        call_command("extract", str(tmp_path / "absent.txt"))


def test_it_scores_the_seed_at_least_095_without_a_database(shared_dir, tmp_path):
    """The issue's check, literally: `ortaq extract seed | score.py gold /dev/stdin`, no database present."""
    seed = shared_dir / "seeds" / "000_683f0acee2067f07.txt"
    env = {**os.environ, "ORTAQ_DATABASE_URL": f"sqlite:///{tmp_path / 'absent' / 'none.sqlite3'}",
           "OPENBLAS_NUM_THREADS": "1"}
    extract = subprocess.run([sys.executable, "-m", "ortaq", "extract", str(seed)], capture_output=True,
                             text=True, env=env, check=True, timeout=120)
    score = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"),
                            str(shared_dir / "eval" / "seed_gold.jsonl"), "/dev/stdin"],
                           input=extract.stdout, capture_output=True, text=True, check=True, timeout=60)
    fact_f1 = float(score.stdout.strip().splitlines()[-1].split("=")[1])
    assert fact_f1 >= 0.95, score.stdout
    assert not (tmp_path / "absent" / "none.sqlite3").exists()

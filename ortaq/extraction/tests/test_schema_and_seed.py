"""Output shape, spans into the original text, and the seed's fact F1 by score.py."""

import importlib.util
import json
import subprocess
import sys

from .conftest import REPO_ROOT

TEXT = ('Аким Атырауской области Серик Шапкенов и ТОО "Атырау Нан" подписали меморандум.\u00a0'
        "Объём инвестиций — более 2 млрд тенге.")


def test_output_has_the_schema_keys_and_valid_spans(pipeline):
    doc = pipeline.extract(TEXT, "doc-1")
    assert list(doc) == ["id", "regions", "persons", "organizations", "agreements", "events", "figures",
                         "commitments", "supplies"]  # SCHEMA.md, then two additions score.py does not read
    assert doc["id"] == "doc-1"
    for key in list(doc)[1:]:
        for item in doc[key]:
            assert item["spans"], (key, item)
            for start, end in item["spans"]:
                assert 0 <= start < end <= len(TEXT)
    org = next(o for o in doc["organizations"] if o["name"] == "ТОО «Атырау Нан»")
    start, end = org["spans"][0]
    assert TEXT[start:end] == 'ТОО "Атырау Нан"'
    region = doc["regions"][0]
    assert region["code"] == "KZ-23"
    assert TEXT[region["spans"][0][0]:region["spans"][0][1]] == "Атырауской области"
    json.dumps(doc, ensure_ascii=False)


def test_entity_mentions_are_typed(pipeline):
    mentions = pipeline.entity_mentions(TEXT)
    assert ("PER", "Серик Шапкенов") in {(m.type, m.text) for m in mentions}
    # a named-entity span stops before the closing quote mark (factRuEval's convention); the fact keeps it
    assert ("ORG", 'ТОО "Атырау Нан') in {(m.type, m.text) for m in mentions}
    assert ("LOC", "Атырауской области") in {(m.type, m.text) for m in mentions}


def test_seed_fact_f1(shared, tmp_path):
    seed = shared / "seeds" / "000_683f0acee2067f07.txt"
    out = tmp_path / "seed.jsonl"
    run = subprocess.run([sys.executable, "-m", "ortaq.extraction", str(seed)], cwd=REPO_ROOT,
                         capture_output=True, text=True, check=True)
    out.write_text(run.stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    report = subprocess.run([sys.executable, str(shared / "eval" / "score.py"),
                             str(shared / "eval" / "seed_gold.jsonl"), str(out)], capture_output=True, text=True)
    last = report.stdout.strip().splitlines()[-1]
    assert last.startswith("fact F1 = ")
    assert float(last.split("=")[1]) >= 0.95, report.stdout

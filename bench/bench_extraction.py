"""Benchmark Ortaq's extraction: seed, dev (factRuEval) and dev2 (Kazakhstani regional news) fact F1, dev2 per
fact type, per-document time against Natasha alone, model load, peak RSS.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_extraction.py [--errors]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import contextlib
import importlib.util
import io
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(ROOT))


def load_scorer():
    """Import ../shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("ortaq_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_docs(name: str) -> list[tuple[dict, Path]]:
    """Gold documents of a gold file with the path of their text."""
    out = []
    for line in (SHARED / "eval" / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            out.append((gold, SHARED / gold["text_path"]))
    return out


def fact_f1(pipeline, name: str, show_errors: bool) -> float:
    """Run the pipeline over a gold file's texts and score with score.py; return fact F1."""
    return scores(pipeline, name, show_errors)["fact_f1"]


def scores(pipeline, name: str, show_errors: bool) -> dict:
    """Run the pipeline over a gold file's texts and score with score.py; return score.py's JSON report."""
    from ortaq.extraction.io import read_document

    outputs = []
    for gold, path in gold_docs(name):
        outputs.append(pipeline.extract(read_document(path), gold["id"]))
    tmp = ROOT / "var" / f"bench_{name}"
    tmp.parent.mkdir(exist_ok=True)
    tmp.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs), encoding="utf-8")
    buf = io.StringIO()
    args = [str(SHARED / "eval" / name), str(tmp), "--json"] + (["--show-errors"] if show_errors else [])
    with contextlib.redirect_stdout(buf):
        load_scorer().main(args)
    text = buf.getvalue()
    if show_errors:
        print("\n".join(line for line in text.splitlines() if "\t" in line))
    body = text[text.index("{"):text.rindex("}") + 1]
    return json.loads(body)


def timings(pipeline, texts: list[str]) -> dict[str, float]:
    """Median per-document seconds, Natasha alone (segment+morph+syntax+NER) and the whole pipeline, in wall-clock
    and in this process's CPU time (the CPU figures hold on a machine shared with other work)."""
    natasha, whole, natasha_cpu, whole_cpu = [], [], [], []
    for text in texts:
        t0, c0 = time.perf_counter(), time.process_time()
        pipeline.models.raw(text)
        natasha.append(time.perf_counter() - t0)
        natasha_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        pipeline.extract(text, "bench")
        whole.append(time.perf_counter() - t0)
        whole_cpu.append(time.process_time() - c0)
    return {"natasha": statistics.median(natasha), "whole": statistics.median(whole),
            "natasha_cpu": statistics.median(natasha_cpu), "whole_cpu": statistics.median(whole_cpu)}


def main() -> None:
    """Print seed F1, dev F1, speed ratio, model load time and peak RSS."""
    if not SHARED.exists():
        sys.exit(f"../shared not present: {SHARED}")
    from ortaq.extraction import Pipeline

    t0, c0 = time.perf_counter(), time.process_time()
    pipeline = Pipeline()
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    show = "--errors" in sys.argv
    seed = fact_f1(pipeline, "seed_gold.jsonl", show)
    dev = fact_f1(pipeline, "dev_gold.jsonl", show)
    dev2 = scores(pipeline, "dev2_gold.jsonl", show) if (SHARED / "eval" / "dev2_gold.jsonl").exists() else None
    folder = SHARED / "data" / "factrueval2016" / "devset"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "dev2" / "texts").glob("*.txt"))]
    timings(pipeline, texts[:5])  # warm caches
    t = timings(pipeline, texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seed fact F1          {seed:.3f}  (target 1.00)")
    print(f"dev fact F1           {dev:.3f}  (factRuEval, target >= 0.90)")
    if dev2 is not None:
        print(f"dev2 fact F1          {dev2['fact_f1']:.3f}  (regional news, target >= 0.90)")
        for kind in ("regions", "persons", "positions", "organizations", "agreements", "events", "figures",
                     "attributes"):
            if kind in dev2:
                row = dev2[kind]
                target = "  (target >= 0.80)" if kind in ("agreements", "positions") else ""
                print(f"  dev2 {kind:<15} P {row['p']:.3f}  R {row['r']:.3f}  F1 {row['f1']:.3f}{target}")
    print(f"documents timed       {len(texts)}")
    print(f"median natasha-only   {t['natasha'] * 1000:.1f} ms/doc wall, {t['natasha_cpu'] * 1000:.1f} ms CPU")
    print(f"median pipeline       {t['whole'] * 1000:.1f} ms/doc wall, {t['whole_cpu'] * 1000:.1f} ms CPU")
    print(f"ratio                 {t['whole'] / t['natasha']:.2f} wall, {t['whole_cpu'] / t['natasha_cpu']:.2f} CPU"
          "  (target <= 1.5)")
    print(f"model load            {load:.2f} s wall, {load_cpu:.2f} s CPU  (target <= 3)")
    print(f"peak RSS              {rss:.0f} MB  (target <= 500)")


if __name__ == "__main__":
    main()

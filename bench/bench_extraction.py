"""Benchmark Ortaq's extraction: seed and dev fact F1, per-document time against Natasha alone, load, RSS.

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
    return json.loads(body)["fact_f1"]


def timings(pipeline, texts: list[str]) -> tuple[float, float]:
    """Median per-document seconds: Natasha alone (segment+morph+syntax+NER) and the whole pipeline."""
    natasha, whole = [], []
    for text in texts:
        t0 = time.perf_counter()
        pipeline.models.raw(text)
        natasha.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        pipeline.extract(text, "bench")
        whole.append(time.perf_counter() - t0)
    return statistics.median(natasha), statistics.median(whole)


def main() -> None:
    """Print seed F1, dev F1, speed ratio, model load time and peak RSS."""
    if not SHARED.exists():
        sys.exit(f"../shared not present: {SHARED}")
    from ortaq.extraction import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    load = time.perf_counter() - t0
    show = "--errors" in sys.argv
    seed = fact_f1(pipeline, "seed_gold.jsonl", show)
    dev = fact_f1(pipeline, "dev_gold.jsonl", show)
    folder = SHARED / "data" / "factrueval2016" / "devset"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")]
    timings(pipeline, texts[:5])  # warm caches
    nat, whole = timings(pipeline, texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seed fact F1          {seed:.3f}")
    print(f"dev fact F1           {dev:.3f}")
    print(f"documents timed       {len(texts)}")
    print(f"median natasha-only   {nat * 1000:.1f} ms/doc")
    print(f"median pipeline       {whole * 1000:.1f} ms/doc")
    print(f"ratio                 {whole / nat:.2f}  (target <= 1.5)")
    print(f"model load            {load:.2f} s  (target <= 3)")
    print(f"peak RSS              {rss:.0f} MB  (target <= 500)")


if __name__ == "__main__":
    main()

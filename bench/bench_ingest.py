"""Benchmark `ortaq ingest`: docs/s with 1 and 2 workers, their ratio, and peak RSS per worker.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_ingest.py [--docs 600] [--workers 1,2]

The factRuEval-2016 texts (../shared/data/factrueval2016/{devset,testset}/*.txt, read at run time, never
copied into the repository) are written to a temporary folder, repeated with a marker line when more
documents are asked for than exist (so every copy is a new text, not a skipped duplicate). Each worker
count runs in a fresh child process against a fresh SQLite database with the reference data loaded.
"""

from __future__ import annotations

import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTRUEVAL = ROOT / ".." / "shared" / "data" / "factrueval2016"
# testset/list.txt lists the corpus's file names: it is not a news text.
NOT_TEXTS = {"list.txt"}


def make_corpus(folder: Path, docs: int) -> int:
    """Write `docs` texts into folder; returns how many distinct source texts were used."""
    sources = sorted(p for part in ("devset", "testset") for p in (FACTRUEVAL / part).glob("*.txt")
                     if p.name not in NOT_TEXTS)
    if not sources:
        sys.exit(f"no factRuEval texts under {FACTRUEVAL.resolve()}")
    for i in range(docs):
        source = sources[i % len(sources)]
        copy = i // len(sources)
        text = source.read_text(encoding="utf-8")
        if copy:
            text += f"\n\n(копия {copy})\n"
        (folder / f"{copy:03d}_{source.parent.name}_{source.name}").write_text(text, encoding="utf-8")
    return len(sources)


def child(folder: str, workers: int, database: str) -> None:
    """One measured run: fresh database, reference data, ingest; prints the stats as JSON."""
    os.environ["ORTAQ_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ortaq.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from ortaq.portal.demo import load_all_reference
    from ortaq.reader.ingest import ingest, quiet_morphology_logs

    quiet_morphology_logs()
    call_command("migrate", verbosity=0)
    load_all_reference()
    parent_cpu = resource.getrusage(resource.RUSAGE_SELF)
    stats = ingest([folder], workers, progress=False)
    parent_after = resource.getrusage(resource.RUSAGE_SELF)
    steady = stats.seconds - stats.first_result_seconds
    print(json.dumps({
        "workers": workers, "docs": stats.stored, "skipped": stats.skipped, "failed": stats.failed,
        "seconds": stats.seconds, "docs_per_s": stats.stored / stats.seconds,
        # after the first document: the models are loaded, the pool is in its steady state
        "steady_docs_per_s": (stats.stored - 1) / steady if steady > 0 else 0.0,
        "write_seconds": stats.write_seconds, "proposals": stats.proposals,
        "peak_rss_mb": sorted(stats.peak_rss_mb.values()),
        "worker_cpu_s": sum(stats.cpu_seconds.values()),
        "parent_cpu_s": (parent_after.ru_utime + parent_after.ru_stime) - (parent_cpu.ru_utime + parent_cpu.ru_stime),
        "load_average": os.getloadavg()[0],
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=600, help="documents per run (default 600)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--child", nargs=3, metavar=("FOLDER", "WORKERS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2])
        return
    with tempfile.TemporaryDirectory(prefix="ortaq-bench-ingest-") as tmp:
        corpus = Path(tmp) / "texts"
        corpus.mkdir()
        distinct = make_corpus(corpus, args.docs)
        print(f"{args.docs} documents ({distinct} distinct factRuEval texts, repeated with a marker), "
              f"CPUs: {os.cpu_count()}, OPENBLAS_NUM_THREADS=1")
        results = []
        for workers in [int(w) for w in args.workers.split(",")]:
            database = Path(tmp) / f"bench-{workers}.sqlite3"
            done = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(workers), str(database)],
                                  capture_output=True, text=True, check=True, env={**os.environ})
            result = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(result)
            rss = ", ".join(f"{r:.0f}" for r in result["peak_rss_mb"])
            print(f"workers={workers}: {result['docs']} docs in {result['seconds']:.1f} s → "
                  f"{result['docs_per_s']:.2f} docs/s overall, {result['steady_docs_per_s']:.2f} docs/s after "
                  f"model load; parent writes {result['write_seconds']:.1f} s; {result['proposals']} proposals; "
                  f"peak RSS per worker MB: {rss}; CPU s: workers {result['worker_cpu_s']:.1f}, parent "
                  f"{result['parent_cpu_s']:.1f}; load average {result['load_average']:.1f}")
        if len(results) >= 2:
            base, other = results[0], results[-1]
            print(f"ratio {other['workers']}/{base['workers']} workers: "
                  f"{other['docs_per_s'] / base['docs_per_s']:.2f} overall, "
                  f"{other['steady_docs_per_s'] / base['steady_docs_per_s']:.2f} after model load")
        cpus = os.cpu_count() or 1
        for result in results:
            # What an otherwise idle machine would give: each worker's CPU per document; while workers leave
            # a CPU free the parent's writes run there, otherwise they compete with the workers.
            docs = max(result["docs"], 1)
            worker, parent = result["worker_cpu_s"] / docs, result["parent_cpu_s"] / docs
            if result["workers"] < cpus:
                result["cpu_bound_docs_per_s"] = min(result["workers"] / worker, 1 / parent if parent else 1e9)
            else:
                result["cpu_bound_docs_per_s"] = cpus / (worker + parent)
        if len(results) >= 2:
            print(f"CPU-time bound on an idle {cpus}-CPU machine: " + ", ".join(
                f"{r['workers']} worker(s) {r['cpu_bound_docs_per_s']:.2f} docs/s" for r in results)
                  + f"; ratio {results[-1]['cpu_bound_docs_per_s'] / results[0]['cpu_bound_docs_per_s']:.2f}")
        worst = max(r for result in results for r in result["peak_rss_mb"])
        print(f"peak RSS of any worker: {worst:.0f} MB (limit 500 MB)")


if __name__ == "__main__":
    main()

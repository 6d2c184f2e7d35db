"""Bulk reading of a folder: extraction in worker processes (models loaded once each), writes in the parent.

Each document is stored in its own short transaction (document, reading, proposals), so an interrupted
run leaves only whole documents behind and the next run skips them: resuming creates no duplicates.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ortaq.extraction import Gazetteer

_worker: dict = {}


@dataclass
class IngestStats:
    """What a run did, how fast, and each worker's peak memory."""

    files: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    proposals: int = 0
    seconds: float = 0.0
    first_result_seconds: float = 0.0
    write_seconds: float = 0.0
    interrupted: bool = False
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    cpu_seconds: dict[int, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        done = self.stored + self.skipped + self.failed
        return done / self.seconds if self.seconds else 0.0


def _init_worker(gazetteer: Gazetteer) -> None:
    """In each worker: Django settings (for messages) and the pipeline, loaded once."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    import django

    django.setup()
    from ortaq.extraction import Pipeline

    quiet_morphology_logs()

    _worker["pipeline"] = Pipeline(gazetteer=gazetteer)


def _read_one(path_name: str) -> dict:
    """Decode, check and extract one file (in a worker); a bad file comes back as an error."""
    from ortaq.reader.inputs import InputRefused, from_bytes

    path = Path(path_name)
    out: dict = {"path": path_name, "pid": os.getpid()}
    try:
        given = from_bytes(path.read_bytes(), path.name)
    except (InputRefused, OSError) as error:
        out["error"] = str(error)
    else:
        from ortaq.reader.storing import sentence_bounds

        out.update(text=given.text, notes=given.notes, result=_worker["pipeline"].extract(given.text, path.stem),
                   sentences=sentence_bounds(given.text))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out["rss_mb"], out["cpu_s"] = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    return out


def triage(files: list[str], known: set[str], stats: IngestStats, bar, stderr=sys.stderr) -> list[str]:
    """The files whose text is new; already-read (or repeated) texts are skipped, unreadable ones reported."""
    from ortaq.reader.inputs import InputRefused, from_bytes
    from ortaq.sources.models import text_digest

    todo = []
    for name in files:
        try:
            digest = text_digest(from_bytes(Path(name).read_bytes(), Path(name).name).text)
        except (InputRefused, OSError) as error:
            stats.failed += 1
            stats.errors.append(f"{name}: {error}")
            bar.write(f"{name}: {error}", file=stderr)
            bar.update(1)
            continue
        if digest in known:
            stats.skipped += 1
            bar.update(1)
            continue
        known.add(digest)
        todo.append(name)
    return todo


def quiet_morphology_logs() -> None:
    """pymorphy announces loading its dictionaries at INFO level in every process; keep the progress bar clean."""
    for name in ("pymorphy2", "pymorphy3"):
        logging.getLogger(name).setLevel(logging.WARNING)


def text_files(paths: list[str]) -> list[str]:
    """The .txt files of the given folders (sorted) and the given files."""
    from ortaq.extraction.io import iter_text_files

    return [str(path) for path in iter_text_files(paths)]


def ingest(paths: list[str], workers: int = 1, *, progress: bool = True, run=None,
           stderr=sys.stderr) -> IngestStats:
    """Read every file into the review queue; already-read texts are skipped."""
    from tqdm import tqdm

    from ortaq.reader.gazetteer import registry_gazetteer
    from ortaq.reader.matching import Matcher
    from ortaq.reader.models import Reading
    from ortaq.reader.storing import store_reading

    stats = IngestStats()
    files = text_files(paths)
    stats.files = len(files)
    started = time.perf_counter()
    bar = tqdm(total=len(files), unit="док", disable=not progress, file=stderr, smoothing=0.1)
    todo = triage(files, set(Reading.objects.values_list("document__sha256", flat=True)), stats, bar, stderr)
    if not todo:
        bar.close()
        stats.seconds = time.perf_counter() - started
        return stats
    matcher = Matcher(cached=True)
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    # spawn: workers start clean (no inherited database connection or threads) and load the models once.
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(min(max(1, workers), len(todo)), initializer=_init_worker,
                        initargs=(registry_gazetteer(),))
    try:
        for out in pool.imap_unordered(_read_one, todo, chunksize=1):
            if not stats.first_result_seconds:
                stats.first_result_seconds = time.perf_counter() - started
            pid = out["pid"]
            stats.peak_rss_mb[pid] = max(stats.peak_rss_mb.get(pid, 0.0), out["rss_mb"])
            stats.cpu_seconds[pid] = max(stats.cpu_seconds.get(pid, 0.0), out["cpu_s"])
            if "error" in out:
                stats.failed += 1
                stats.errors.append(f"{out['path']}: {out['error']}")
                bar.write(f"{out['path']}: {out['error']}", file=stderr)
            else:
                before = time.perf_counter()
                stored = store_reading(out["text"], out["result"], matcher=matcher, run=run,
                                       file_name=Path(out["path"]).name, notes=out["notes"],
                                       sentences=out["sentences"])
                stats.write_seconds += time.perf_counter() - before
                stats.stored += stored.read
                stats.skipped += not stored.read
                stats.proposals += stored.proposals
            bar.update(1)
        pool.close()
    except KeyboardInterrupt:
        stats.interrupted = True
        pool.terminate()
    finally:
        bar.close()
        pool.join()
        stats.seconds = time.perf_counter() - started
    return stats

"""Extracting from files in bulk: each file read (io), run through the pipeline, written as one JSON line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from .io import ExtractionInputError, iter_text_files, read_document
from .pipeline import Pipeline


def extract_paths(
    paths: Iterable[str | Path], out: TextIO | None = None, pipeline: Pipeline | None = None
) -> dict[str, int]:
    """Extract every file (folders: their .txt files) and write one JSON line per document to `out`.

    A document that cannot be read is reported on stderr and skipped. Returns {"ok": n, "failed": m}.
    """
    out = out if out is not None else sys.stdout
    pipe = pipeline or Pipeline()
    stats = {"ok": 0, "failed": 0}
    for path in iter_text_files(paths):
        try:
            text = read_document(path)
        except (ExtractionInputError, OSError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            stats["failed"] += 1
            continue
        result = pipe.extract(text, path.stem)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        stats["ok"] += 1
    return stats

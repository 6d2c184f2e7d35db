"""Command line: `python -m ortaq.extraction PATH...` prints one JSON line per document."""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> int:
    """Extract the given files and folders (their .txt files) to JSON Lines on stdout."""
    parser = argparse.ArgumentParser(prog="python -m ortaq.extraction", description=__doc__)
    parser.add_argument("paths", nargs="+", help="text files or folders of .txt files")
    args = parser.parse_args(argv)
    from ..batch import extract_paths
    from ..io import ExtractionInputError

    try:
        stats = extract_paths(args.paths, sys.stdout)
    except ExtractionInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0 if stats["failed"] == 0 else 1

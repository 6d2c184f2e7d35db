"""Run every benchmark under bench/ one after another (`make bench`); each prints its own figures.

Pass a name fragment to run only some: `python bench/run_all.py foodbelt`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(path for path in BENCH_DIR.glob("bench_*.py") if not argv or any(a in path.name for a in argv))
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(BENCH_DIR.parent)}
    failed = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=BENCH_DIR.parent, env=env)
        print(f"=== {script.name}: exit {result.returncode}, {time.perf_counter() - started:.0f} s ===", flush=True)
        if result.returncode:
            failed.append(script.name)
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

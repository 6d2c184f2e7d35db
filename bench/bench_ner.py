"""NER on factRuEval-2016's testset: PER / ORG / LOC precision, recall, F1 for Natasha and for Ortaq.

One gold mention = one object of `.objects` (extent: its first span's start to its last span's end);
LocOrg counts as LOC. Both exact and overlapping matches are reported.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_ner.py [LIMIT]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTSET = ROOT / ".." / "shared" / "data" / "factrueval2016" / "testset"
sys.path.insert(0, str(ROOT))
TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


def gold_mentions(stem: Path) -> list[tuple[str, int, int]]:
    """(type, start, end) for every PER / ORG / LOC object of one document."""
    spans = {}
    for line in stem.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) >= 4:
            spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    out = []
    for line in stem.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) < 3 or parts[1] not in TYPES:
            continue
        ranges = [spans[s] for s in parts[2:] if s in spans]
        if ranges:
            start, end = ranges[0][0], ranges[-1][1]
            if end <= start:
                start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
            out.append((TYPES[parts[1]], start, end))
    return out


def match(pred: list[tuple[str, int, int]], gold: list[tuple[str, int, int]], exact: bool) -> int:
    """Greedy one-to-one matches of the same type, exact extents or overlapping ones."""
    used: set[int] = set()
    hits = 0
    for t, s, e in pred:
        for gi, (gt, gs, ge) in enumerate(gold):
            if gi in used or gt != t:
                continue
            if (s == gs and e == ge) if exact else (s < ge and gs < e):
                used.add(gi)
                hits += 1
                break
    return hits


def table(name: str, counts: dict) -> None:
    """Print P / R / F1 per type for exact and overlapping matches."""
    print(f"\n{name}")
    print(f"{'type':<6}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for t in ("PER", "ORG", "LOC"):
        for mode in ("exact", "overlap"):
            c = counts[(t, mode)]
            p = c["hit_p"] / c["pred"] if c["pred"] else 0.0
            r = c["hit_g"] / c["gold"] if c["gold"] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{t:<6}{mode:<9}{p:>7.3f}{r:>7.3f}{f:>7.3f}{c['pred']:>7}{c['gold']:>7}")


def main() -> None:
    """Score Natasha alone and Ortaq's pipeline on the testset."""
    if not TESTSET.exists():
        sys.exit(f"../shared not present: {TESTSET}")
    from ortaq.extraction import Pipeline

    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    pipeline = Pipeline()
    stems = sorted(p.with_suffix("") for p in TESTSET.glob("*.objects"))[:limit]
    systems = {"Natasha": {}, "Ortaq (Natasha + org rules + gazetteer)": {}}
    for counts in systems.values():
        for t in ("PER", "ORG", "LOC"):
            for mode in ("exact", "overlap"):
                counts[(t, mode)] = Counter()
    for stem in stems:
        with open(stem.with_suffix(".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        gold = gold_mentions(stem)
        doc = pipeline.models.raw(text)
        natasha = [(s.type, s.start, s.stop) for s in doc.spans]
        ortaq = [(m.type, m.start, m.end) for m in pipeline.entity_mentions(text)]
        for name, pred in zip(systems, (natasha, ortaq)):
            for t in ("PER", "ORG", "LOC"):
                p = [x for x in pred if x[0] == t]
                g = [x for x in gold if x[0] == t]
                for mode in ("exact", "overlap"):
                    c = systems[name][(t, mode)]
                    hits = match(p, g, mode == "exact")
                    c["pred"] += len(p)
                    c["gold"] += len(g)
                    c["hit_p"] += hits
                    c["hit_g"] += hits
    print(f"factRuEval-2016 testset, {len(stems)} documents")
    for name, counts in systems.items():
        table(name, counts)


if __name__ == "__main__":
    main()

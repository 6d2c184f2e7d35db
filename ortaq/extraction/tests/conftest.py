"""Shared fixtures: one Pipeline per test session; the path of ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED = REPO_ROOT / ".." / "shared"


@pytest.fixture(scope="session")
def pipeline():
    """The pipeline with its models, loaded once."""
    from ortaq.extraction import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared, or skip when it is absent."""
    if not SHARED.exists():
        pytest.skip(f"../shared not present: {SHARED.resolve()}")
    return SHARED


def names(items: list[dict]) -> list[str]:
    """The names of extracted items."""
    return [x["name"] for x in items]

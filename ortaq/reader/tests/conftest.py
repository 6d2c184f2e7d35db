"""Reader fixtures: one pipeline per test session; ingest folders of texts written for the tests."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@pytest.fixture(scope="session")
def plain_pipeline():
    """The extraction pipeline without a registry gazetteer, loaded once per session."""
    from ortaq.reader.gazetteer import plain_pipeline

    return plain_pipeline()

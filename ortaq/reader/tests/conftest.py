"""Reader fixtures: one pipeline per test session; a helper that reads a text into the review queue."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@pytest.fixture(scope="session")
def plain_pipeline():
    """The extraction pipeline without a registry gazetteer, loaded once per session."""
    from ortaq.reader.gazetteer import plain_pipeline

    return plain_pipeline()


@pytest.fixture
def read_text(demo, plain_pipeline):
    """read_text(text) → the stored Document with its proposals (as a paste would leave them)."""
    from ortaq.reader.matching import Matcher
    from ortaq.reader.storing import store_reading

    def read(text: str, user=None):
        return store_reading(text, plain_pipeline.extract(text, "test"), matcher=Matcher(), user=user).document

    return read

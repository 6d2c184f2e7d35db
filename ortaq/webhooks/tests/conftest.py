"""The webhook tests' receiver: a local HTTP server on 127.0.0.1, shut down after the test."""

from __future__ import annotations

import pytest

from ortaq.webhooks.tests.receiver import Receiver


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()

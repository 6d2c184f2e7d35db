"""Schemathesis against the live OpenAPI schema: every endpoint and method, a fixed number of generated
requests per operation with a fixed seed (derandomized), as an administrator over HTTP Basic; no answer is a
5xx and every documented answer matches its schema. Bounded: ORTAQ_FUZZ_EXAMPLES (default 3) per operation."""

from __future__ import annotations

import base64
import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

EXAMPLES = int(os.environ.get("ORTAQ_FUZZ_EXAMPLES", "3"))
PASSWORD = "Qv9-kestrel-Lumen"


# Read once at collection, as any client would (an anonymous GET of /api/schema/; no database involved).
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def admin_headers(db) -> dict[str, str]:
    from ortaq.accounts.demo_users import create_user
    from ortaq.core.permissions import ADMIN

    create_user("fuzzadmin", ADMIN, password=PASSWORD)
    token = base64.b64encode(f"fuzzadmin:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@schema.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_fuzz(case, admin_headers):
    case.call_and_validate(headers=admin_headers, checks=[not_a_server_error, response_schema_conformance])

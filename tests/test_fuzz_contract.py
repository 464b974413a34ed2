"""schemathesis against openapi.yaml on the real app: generated requests never give a 500 and every answer
matches the contract. Bounded in examples so CI stays fast."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service import create_app


@pytest.fixture
def api_schema(redis_server):
    app = create_app({"redis_url": redis_server.url, "rate_limit": "", "comparison_rate_limit": ""})
    return schemathesis.openapi.from_wsgi("/openapi.yaml", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_follow_the_contract(case):
    # acceptance heuristics (a schema-valid body must be accepted) do not fit an API whose answers depend on
    # stored data (unknown ids are 422): the checks here are about crashes and the shape of every answer
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_headers_conformance, response_schema_conformance])

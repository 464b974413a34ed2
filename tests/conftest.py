"""Test fixtures: a real Redis server for the session, the real Flask app, and a client that checks every
response against openapi.yaml."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from hypothesis import settings
from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIResponse
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound, ServerNotFound
from openapi_core.testing import MockRequest

from service import create_app
from service.embedded import start_embedded_redis

# CI runs the property and fuzz tests with a fixed seed, so a submission's result does not depend on luck;
# local runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPEC = OpenAPI.from_file_path(str(ROOT / "openapi.yaml"), config=Config(
    extra_media_type_deserializers={"application/problem+json": json.loads}))
PROBLEM_FIELDS = {"type", "title", "status", "detail"}


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_bytes(prefix: str) -> bytes:
    return seed_path(prefix).read_bytes()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = start_embedded_redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


class ContractClient(FlaskClient):
    """A test client that validates every response against the OpenAPI contract."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        check_contract(response)
        return response


def check_contract(response) -> None:
    if response.status_code >= 400:
        assert response.mimetype == "application/problem+json", response.get_data(as_text=True)[:300]
        body = json.loads(response.get_data())
        assert PROBLEM_FIELDS <= set(body), body
        assert body["status"] == response.status_code
    sent = response.request  # its body stream is spent: describe the request without it
    request = MockRequest(sent.host_url, sent.method, sent.path, args=sent.args.to_dict(flat=False),
                          headers=dict(sent.headers), content_type=sent.content_type or "application/octet-stream")
    try:
        SPEC.validate_response(request, WerkzeugOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound, ServerNotFound):
        # only errors may come from routes outside the contract (unknown paths, wrong methods)
        assert response.status_code in (404, 405), f"{response.request.path} is not in openapi.yaml"
    except Exception as error:  # keep the report readable: the body can be large
        causes = getattr(error, "schema_errors", None) or getattr(error.__cause__, "schema_errors", None) or []
        raise AssertionError(f"{sent.method} {sent.path} -> {response.status_code} breaks openapi.yaml: "
                             f"{type(error).__name__} {[str(c)[:300] for c in causes] or str(error)[:300]}") from None


@pytest.fixture
def app(redis_server):
    application = create_app({"redis_url": redis_server.url})
    application.test_client_class = ContractClient
    application.extensions["redis"].flushdb()
    yield application


@pytest.fixture
def client(app):
    return app.test_client()

"""What each route does when Redis fails: optional steps (cache reads and writes, keeping compared documents,
the corrections' version) are skipped with a log line, steps an answer needs give a 503 problem saying which part
(the article store or the job queue) is down."""
from __future__ import annotations

import logging

import pytest
import redis

from service import create_app
from service.corrections_store import CorrectionStore

from .conftest import ContractClient, seed_bytes

STORAGE = "storage-unavailable"
QUEUE = "queue-unavailable"


class Lines(logging.Handler):
    """The messages the service's loggers write."""

    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def make_app(url, **settings):
    app = create_app({"redis_url": url, "redis_timeout": 0.2, "rate_limit": "", "comparison_rate_limit": "",
                      **settings})
    app.test_client_class = ContractClient
    return app


@pytest.fixture
def lines():
    handler = Lines()
    yield handler
    logging.getLogger("service").removeHandler(handler)


def listen(handler: Lines) -> Lines:
    logging.getLogger("service").addHandler(handler)  # after create_app, which replaces the handlers
    return handler


def slug(response) -> str:
    return response.get_json()["type"].rsplit("/", 1)[1]


def test_without_redis_a_comparison_of_documents_is_computed_uncached_and_the_rest_says_503(tmp_path, lines):
    client = make_app(f"unix://{tmp_path}/absent.sock").test_client()
    listen(lines)
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    compared = client.post("/v1/comparisons", json={"documents": documents})
    assert compared.status_code == 200 and compared.get_json()["cached"] is False
    for message in ("corrections unavailable", "comparison cache unavailable", "comparison not cached",
                    "could not store compared articles"):
        assert message in lines.messages, (message, lines.messages)
    needs_storage = [client.post("/v1/comparisons", json={"articles": ["a" * 16, "b" * 16]}),
                     client.get("/v1/comparisons/x"), client.post("/v1/events", json={"articles": ["a", "b"]}),
                     client.get("/v1/events/x"), client.get("/v1/corrections"),
                     client.post("/v1/comparisons/x/corrections",
                                 json={"operations": [{"op": "merge", "facts": ["f1", "f2"]}]})]
    for response in needs_storage:
        assert response.status_code == 503 and slug(response) == STORAGE, response.request.path
        assert response.headers["Retry-After"] == "5"
    for response in (client.post("/v1/events", json={"since": "2024-01-01"}), client.get("/v1/jobs/x")):
        assert response.status_code == 503 and slug(response) == QUEUE, response.request.path
        assert response.headers["Retry-After"] == "5"
    assert any(m.startswith("job queue unavailable: ") for m in lines.messages)


def test_a_comparison_is_served_uncached_when_only_the_cache_fails(redis_server, monkeypatch, lines):
    app = make_app(redis_server.url)
    app.extensions["redis"].flushdb()
    client = app.test_client()
    ids = [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
           for p in ("000", "001")]
    cache = type(app.extensions["comparisons"])

    def refuse(*args, **kwargs):
        raise redis.ConnectionError("refused")

    monkeypatch.setattr(cache, "get_raw", refuse)
    monkeypatch.setattr(cache, "put", refuse)
    listen(lines)
    for _ in range(2):  # nothing was cached: computed both times
        response = client.post("/v1/comparisons", json={"articles": ids})
        assert response.status_code == 200 and response.get_json()["cached"] is False
    assert lines.messages.count("comparison cache unavailable") == 2
    assert lines.messages.count("comparison not cached") == 2


def test_a_correction_that_cannot_be_kept_answers_503(redis_server, monkeypatch):
    app = make_app(redis_server.url)
    app.extensions["redis"].flushdb()
    client = app.test_client()
    ids = [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
           for p in ("000", "001")]
    comparison = client.post("/v1/comparisons", json={"articles": ids}).get_json()
    shared = next(f for f in comparison["facts"] if len(f["mentions"]) > 1)

    def refuse(*args, **kwargs):
        raise redis.ConnectionError("refused")

    monkeypatch.setattr(CorrectionStore, "add", refuse)
    mention = {k: shared["mentions"][0][k] for k in ("article_id", "sentence_index")}
    response = client.post(f"/v1/comparisons/{comparison['id']}/corrections",
                           json={"operations": [{"op": "unlink", "mentions": [mention]}], "note": "test"})
    assert response.status_code == 503 and slug(response) == QUEUE

"""Redis stopped mid-run and restarted: the API degrades honestly and stored articles survive."""
from __future__ import annotations

import signal
import time

import pytest

from service import create_app
from service.embedded import start_embedded_redis

from .conftest import ContractClient, seed_bytes


@pytest.fixture
def own_redis(tmp_path):
    server = start_embedded_redis(tmp_path / "redis")
    yield server
    server.stop()


def client_for(url):
    app = create_app({"redis_url": url, "redis_timeout": 0.5})
    app.test_client_class = ContractClient
    return app.test_client()


def test_redis_down_then_back(own_redis, tmp_path):
    client = client_for(own_redis.url)
    article_id = client.post("/v1/articles", data=seed_bytes("001"), content_type="text/plain").get_json()["id"]
    own_redis.stop()

    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200
    ingest = client.post("/v1/articles", data=seed_bytes("002"), content_type="text/plain")
    assert ingest.status_code == 503 and ingest.headers["Retry-After"]
    assert "nothing was stored" in ingest.get_json()["detail"]
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    comparison = client.post("/v1/comparisons", json={"documents": documents})
    assert comparison.status_code == 200 and comparison.get_json()["cached"] is False

    restarted = start_embedded_redis(tmp_path / "redis")
    try:
        assert client.get("/readyz").status_code == 200
        assert client.get(f"/v1/articles/{article_id}").status_code == 200
    finally:
        restarted.stop()


def test_articles_survive_a_crash_through_the_append_only_file(own_redis, tmp_path):
    client = client_for(own_redis.url)
    article_id = client.post("/v1/articles", data=seed_bytes("004"), content_type="text/plain").get_json()["id"]
    time.sleep(1.2)  # appendfsync everysec: the write reaches the file within a second
    own_redis.process.send_signal(signal.SIGKILL)  # no shutdown save: only the AOF has the data
    own_redis.process.wait()
    restarted = start_embedded_redis(tmp_path / "redis")
    try:
        assert client_for(restarted.url).get(f"/v1/articles/{article_id}").status_code == 200
    finally:
        restarted.stop()

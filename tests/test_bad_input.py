"""Hostile and broken input: every answer is problem+json, never a 500, and nothing stored is lost."""
from __future__ import annotations

import json
import time

from service import create_app

from .conftest import ContractClient, seed_bytes


def stored(client):
    return client.post("/v1/articles", data=seed_bytes("001"), content_type="text/plain").get_json()["id"]


def test_hundred_thousand_nested_divs_are_refused_quickly(client):
    article_id = stored(client)
    html = "<html><body>" + "<div>" * 100_000 + "<p>正文。</p>" + "</div>" * 100_000 + "</body></html>"
    started = time.perf_counter()
    response = client.post("/v1/articles", data=html.encode(), content_type="text/html")
    assert response.status_code == 422 and "tags" in response.get_json()["detail"]
    assert time.perf_counter() - started < 5
    assert client.get(f"/v1/articles/{article_id}").status_code == 200


def test_a_single_five_megabyte_line_is_handled(client):
    line = ("布林肯周五在北京会晤了习近平，双方讨论了多个议题" * 70_000)[:1_700_000]  # about 5 MB of UTF-8
    assert len(line.encode()) > 5_000_000
    response = client.post("/v1/articles", data=line.encode(), content_type="text/plain")
    assert response.status_code in (201, 422), response.status_code
    if response.status_code == 201:
        assert response.get_json()["sentences"]


def test_too_many_sentences_names_the_limit(redis_server):
    app = create_app({"redis_url": redis_server.url, "max_sentences": 60})
    app.test_client_class = ContractClient
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    response = app.test_client().post("/v1/comparisons", json={"documents": documents})
    assert response.status_code == 422 and "60" in response.get_json()["detail"]


def test_malformed_inputs_of_every_kind(client):
    article_id = stored(client)
    cases = [
        ("/v1/articles", b"\xff\xfe\x00\x00garbage" * 100, "text/plain", 422),
        ("/v1/articles", "<h1>标题</h1><p>布林肯周五会晤了习近平。双方讨论了议题。</p>".encode("gbk"),
         "text/html; charset=utf-8", 201),  # GBK bytes mislabelled as UTF-8
        ("/v1/articles", b'{"content": 5}', "application/json", 422),
        ("/v1/articles", b"[1, 2]", "application/json", 422),
        ("/v1/articles", b"{", "application/json", 400),
        ("/v1/comparisons", b'{"articles": "abc"}', "application/json", 422),
        ("/v1/comparisons", b'{"documents": [{"content": ""}, {"content": "x"}]}', "application/json", 422),
        ("/v1/comparisons", b"null", "application/json", 422),
        ("/v1/events", b'{"articles": [1]}', "application/json", 422),
        ("/v1/articles", b"content", "image/png", 415),
    ]
    for path, body, content_type, expected in cases:
        response = client.post(path, data=body, content_type=content_type)
        assert response.status_code == expected, (path, body[:30], response.status_code, response.get_data()[:200])
        if expected >= 400:
            assert json.loads(response.get_data())["detail"]
    assert client.get(f"/v1/articles/{article_id}").status_code == 200

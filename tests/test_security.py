"""CORS, API keys for writes, rate limits, security headers and metrics, through the real app."""
from __future__ import annotations

from service import create_app

from .conftest import ContractClient, seed_bytes


def app_with(redis_server, **settings):
    app = create_app({"redis_url": redis_server.url, **settings})
    app.test_client_class = ContractClient
    app.extensions["redis"].flushdb()
    return app


def test_cors_allows_configured_origins_only(redis_server):
    client = app_with(redis_server, cors_origins="https://frontend.example").test_client()
    allowed = client.get("/healthz", headers={"Origin": "https://frontend.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://frontend.example"
    other = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_api_keys_guard_article_writes_only(redis_server):
    client = app_with(redis_server, api_keys="s3cret,other").test_client()
    refused = client.post("/v1/articles", data=seed_bytes("001"), content_type="text/plain")
    assert refused.status_code == 401 and "API key" in refused.get_json()["detail"]
    wrong = client.post("/v1/articles", data=seed_bytes("001"), content_type="text/plain",
                        headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    created = client.post("/v1/articles", data=seed_bytes("001"), content_type="text/plain",
                          headers={"Authorization": "Bearer s3cret"})
    assert created.status_code == 201
    article_id = created.get_json()["id"]
    assert client.get(f"/v1/articles/{article_id}").status_code == 200  # reads stay open
    assert client.delete(f"/v1/articles/{article_id}").status_code == 401
    assert client.delete(f"/v1/articles/{article_id}", headers={"X-API-Key": "other"}).status_code == 204


def test_inline_comparison_without_key_computes_but_stores_nothing(redis_server):
    app = app_with(redis_server, api_keys="s3cret")
    client = app.test_client()
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    response = client.post("/v1/comparisons", json={"documents": documents})
    assert response.status_code == 200
    assert client.get("/v1/articles").get_json()["total"] == 0


def test_rate_limit_answers_429_with_retry_after(redis_server):
    client = app_with(redis_server, rate_limit="3 per minute").test_client()
    codes = [client.get("/v1/articles").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/v1/articles")
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.mimetype == "application/problem+json"
    assert client.get("/healthz").status_code == 200  # health checks are never limited


def test_comparisons_and_events_have_their_own_limit(redis_server):
    client = app_with(redis_server, rate_limit="100 per minute", comparison_rate_limit="2 per minute").test_client()
    ids = [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
           for p in ("000", "001")]
    for path, body in (("/v1/comparisons", {"articles": ids}), ("/v1/events", {"articles": ids})):
        answers = [client.post(path, json=body) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 429], path
        assert [a.headers["X-RateLimit-Limit"] for a in answers] == ["2", "2", "2"]
        assert answers[0].headers["X-RateLimit-Remaining"] == "1" and int(answers[2].headers["Retry-After"]) > 0
    assert client.get("/v1/articles").headers["X-RateLimit-Limit"] == "100"  # other routes: the general limit


def test_the_general_limit_covers_comparisons_without_their_own(redis_server):
    client = app_with(redis_server, rate_limit="2 per minute", comparison_rate_limit="").test_client()
    codes = [client.post("/v1/comparisons", json={"articles": ["a", "b"]}).status_code for _ in range(3)]
    assert codes == [422, 422, 429]


def test_invented_keys_open_no_bucket_of_their_own(redis_server):
    client = app_with(redis_server, rate_limit="3 per minute").test_client()  # no keys configured
    headers = [{"Authorization": "Bearer invented-1"}, {"X-API-Key": "invented-2"}, {"Authorization": "Bearer x"},
               {"X-API-Key": "invented-3"}]
    codes = [client.get("/v1/articles", headers=h).status_code for h in headers]
    assert codes == [200, 200, 200, 429]  # all counted against the one address


def test_with_keys_configured_an_invalid_key_is_401_everywhere_and_a_valid_one_is_its_own_client(redis_server):
    client = app_with(redis_server, api_keys="s3cret", rate_limit="2 per minute").test_client()
    bad = {"Authorization": "Bearer invented"}
    for method, path, body in (("GET", "/v1/articles", None), ("POST", "/v1/comparisons", {"articles": ["a", "b"]}),
                               ("POST", "/v1/events", {"articles": ["a"]}), ("GET", "/v1/jobs/x", None),
                               ("GET", "/v1/comparisons/x", None), ("DELETE", "/v1/articles/x", None)):
        refused = client.open(path, method=method, json=body, headers=bad)
        assert refused.status_code == 401 and "not valid" in refused.get_json()["detail"], path
        assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/healthz", headers=bad).status_code == 200  # health checks never look at keys
    assert client.get("/v1/articles", headers={"X-API-Key": "clé"}).status_code == 401  # not ASCII: still no 500
    assert client.get("/v1/articles").status_code == 429  # both invalid keys counted against the address
    good = {"X-API-Key": "s3cret"}
    assert [client.get("/v1/articles", headers=good).status_code for _ in range(3)] == [200, 200, 429]


def test_security_headers_and_no_live_html(client):
    hostile = "标题\n\n<script>alert(1)</script>这是正文。<img src=x onerror=alert(2)>还有一句。"
    response = client.post("/v1/articles", data=hostile.encode(), content_type="text/plain")
    for r in (response, client.get(response.headers.get("Location", "/healthz"))):
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.mimetype in ("application/json", "application/problem+json")
        assert "default-src 'self'" in r.headers["Content-Security-Policy"]


def test_metrics_count_requests_and_cache(client):
    ids = [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
           for p in ("000", "001")]
    client.post("/v1/comparisons", json={"articles": ids})
    client.post("/v1/comparisons", json={"articles": ids})
    text = client.get("/metrics").get_data(as_text=True)
    assert 'news_comparison_cache_total{result="hit"}' in text
    assert 'news_comparison_cache_total{result="miss"}' in text
    assert "news_http_request_duration_seconds_bucket" in text
    assert 'route="/v1/comparisons"' in text

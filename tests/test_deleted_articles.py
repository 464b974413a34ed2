"""A deleted article is never served again: not from the comparison cache, not from a replica's local copy, not in
an event grouping. Results that included it answer 410 and name it; storing it again makes it comparable again."""
from __future__ import annotations

from service import create_app
from service.results import ComparisonCache

from .conftest import ContractClient, seed_bytes
from .test_jobs import run_jobs


def replica(redis_server):
    """One more API process on the same Redis, with its own local copies of comparisons."""
    app = create_app({"redis_url": redis_server.url, "local_cache_mb": 16})
    app.test_client_class = ContractClient
    return app.test_client()


def store(client, *prefixes):
    return [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
            for p in prefixes]


def test_deleting_an_article_drops_the_comparisons_that_include_it_on_every_replica(client, redis_server):
    ids = store(client, "000", "001", "004")
    pair, other = ids[:2], [ids[0], ids[2]]
    serving, deleting = replica(redis_server), replica(redis_server)
    first = serving.post("/v1/comparisons", json={"articles": pair})
    unrelated = serving.post("/v1/comparisons", json={"articles": other})
    assert first.status_code == 200 and unrelated.status_code == 200
    comparison = first.get_json()["id"]
    assert serving.post("/v1/comparisons", json={"articles": pair}).get_json()["cached"] is True  # a local copy now
    assert serving.get(f"/v1/comparisons/{comparison}").status_code == 200

    assert deleting.delete(f"/v1/articles/{ids[1]}").status_code == 204

    again = serving.post("/v1/comparisons", json={"articles": pair})
    assert again.status_code == 422 and ids[1] in again.get_json()["detail"]
    for path in (f"/v1/comparisons/{comparison}", f"/v1/comparisons/{comparison}?format=md"):
        gone = serving.get(path)
        assert gone.status_code == 410 and f"included article '{ids[1]}', which has been deleted" in \
            gone.get_json()["detail"]
    kept = serving.get(f"/v1/comparisons/{unrelated.get_json()['id']}")  # it did not include the deleted article
    assert kept.status_code == 200


def test_an_inline_comparison_goes_with_its_stored_article_and_comes_back_with_it(client):
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    first = client.post("/v1/comparisons", json={"documents": documents})
    comparison, article_id = first.get_json()["id"], first.get_json()["articles"][0]["id"]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    assert client.get(f"/v1/comparisons/{comparison}").status_code == 410

    again = client.post("/v1/comparisons", json={"documents": documents})  # stores the article again
    assert again.status_code == 200 and again.get_json()["cached"] is False and again.get_json()["id"] == comparison
    assert client.get(f"/v1/comparisons/{comparison}").status_code == 200


def test_a_comparison_finished_after_its_article_was_deleted_is_not_cached(client, app):
    ids = store(client, "000", "001")
    result = client.post("/v1/comparisons", json={"articles": ids}).get_json()
    result.pop("cached")
    assert client.delete(f"/v1/articles/{ids[0]}").status_code == 204
    late = ComparisonCache(app.extensions["redis"], ttl=60)  # e.g. a worker that read the articles before
    assert late.put(result["id"], result) is False
    assert client.get(f"/v1/comparisons/{result['id']}").status_code == 410


def test_deleting_an_article_drops_the_event_groupings_that_include_it(redis_server):
    app = create_app({"redis_url": redis_server.url})
    app.test_client_class = ContractClient
    app.extensions["redis"].flushdb()
    client = app.test_client()
    ids = store(client, "000", "001", "003")
    submitted = client.post("/v1/events", json={"outlets": ["nyt", "dw", "rfa", "voa", "bbc"]})
    assert submitted.status_code == 202
    run_jobs(app)
    result = client.get(submitted.headers["Location"]).get_json()["result"]
    grouping = client.get(result)
    assert grouping.status_code == 200
    grouped = {a["id"] for event in grouping.get_json()["events"] for a in event["articles"]}
    assert ids[1] in grouped

    assert client.delete(f"/v1/articles/{ids[1]}").status_code == 204
    gone = client.get(result)
    assert gone.status_code == 410 and ids[1] in gone.get_json()["detail"]


def test_an_articles_list_of_results_outlives_evictions_and_sheds_expired_results(client, app):
    from service.results import USES_KEY, USES_PRUNE_AT

    redis_client = app.extensions["redis"]
    ids = store(client, "000", "001")
    comparison = client.post("/v1/comparisons", json={"articles": ids}).get_json()["id"]
    uses = USES_KEY.format(ids[0])
    assert redis_client.ttl(uses) == -1  # no TTL: volatile-lru eviction can take results, never this list
    cache = ComparisonCache(redis_client, ttl=60)
    for number in range(USES_PRUNE_AT):  # results that have since expired
        redis_client.sadd(uses, f"comparison:expired-{number}")
    cache.put("one-more", {"id": "one-more", "articles": [{"id": ids[0]}, {"id": ids[1]}]})
    assert {k.decode() for k in redis_client.smembers(uses)} == {f"comparison:{comparison}", "comparison:one-more"}

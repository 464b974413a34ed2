"""/v1/comparisons and /v1/events through the real app, real Redis, contract-checked."""
from __future__ import annotations

import io

from service import create_app

from .conftest import ContractClient, seed_bytes, seed_path


def stored_ids(client, *prefixes):
    return [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
            for p in prefixes]


def test_compare_stored_articles_then_from_cache(client):
    ids = stored_ids(client, "000", "001")
    first = client.post("/v1/comparisons", json={"articles": ids})
    assert first.status_code == 200
    body = first.get_json()
    assert body["cached"] is False and body["outlets"] == ["dw", "nyt"]
    assert any(set(f["outlets"]) == {"dw", "nyt"} for f in body["facts"])
    second = client.post("/v1/comparisons", json={"articles": ids[::-1]})
    assert second.get_json()["cached"] is True
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.get_json()["facts"] == body["facts"]
    fetched = client.get(first.headers["Location"])
    assert fetched.status_code == 200 and fetched.get_json()["id"] == body["id"]
    assert client.get(first.headers["Location"], headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


def test_options_change_the_comparison(client):
    ids = stored_ids(client, "000", "001")
    default = client.post("/v1/comparisons", json={"articles": ids}).get_json()
    shared_only = client.post("/v1/comparisons", json={"articles": ids, "options": {"min_outlets": 2}}).get_json()
    assert shared_only["id"] != default["id"]
    assert shared_only["facts"] and all(len(f["outlets"]) == 2 for f in shared_only["facts"])


def test_compare_inline_documents_stores_them(client):
    documents = [{"content": seed_bytes(p).decode()} for p in ("001", "002")]
    response = client.post("/v1/comparisons", json={"documents": documents})
    assert response.status_code == 200
    for article in response.get_json()["articles"]:
        assert client.get(f"/v1/articles/{article['id']}").status_code == 200


def test_compare_uploaded_files(client):
    files = {"file": [(io.BytesIO(seed_bytes(p)), seed_path(p).name) for p in ("000", "001", "004")]}
    response = client.post("/v1/comparisons", data=files, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["outlets"] == ["bbc", "dw", "nyt"]


def test_markdown_report_by_accept_header_and_query(client):
    ids = stored_ids(client, "000", "001")
    for response in (client.post("/v1/comparisons", json={"articles": ids}, headers={"Accept": "text/markdown"}),
                     client.post("/v1/comparisons?format=md", json={"articles": ids})):
        assert response.status_code == 200 and response.mimetype == "text/markdown"
        text = response.get_data(as_text=True)
        assert "| # | fact | dw | nyt | weight |" in text
        assert "●" in text and "攻击 → 侵犯" in text


def test_article_count_limits(client, redis_server):
    ids = stored_ids(client, "000")
    response = client.post("/v1/comparisons", json={"articles": ids})
    assert response.status_code == 422 and "from 2 to 50" in response.get_json()["detail"]
    app = create_app({"redis_url": redis_server.url, "max_documents": 3})
    app.test_client_class = ContractClient
    many = [{"content": f"第{i}篇文章。这里有一句话。"} for i in range(4)]
    response = app.test_client().post("/v1/comparisons", json={"documents": many})
    assert response.status_code == 422 and "from 2 to 3" in response.get_json()["detail"]


def test_bad_comparison_requests(client):
    ids = stored_ids(client, "000", "001")
    both = client.post("/v1/comparisons", json={"articles": ids, "documents": [{"content": "x"}]})
    assert both.status_code == 422
    unknown = client.post("/v1/comparisons", json={"articles": [ids[0], "ffffffffffffffff"]})
    assert unknown.status_code == 422 and "ffffffffffffffff" in unknown.get_json()["detail"]
    bad_threshold = client.post("/v1/comparisons", json={"articles": ids, "options": {"threshold": 140}})
    assert bad_threshold.status_code == 422
    assert client.post("/v1/comparisons", data=b"x", content_type="text/plain").status_code == 415
    assert client.get("/v1/comparisons/0000").status_code == 404


def test_comparison_answers_uncached_when_redis_is_down(tmp_path):
    app = create_app({"redis_url": f"unix://{tmp_path}/absent.sock", "redis_timeout": 0.2})
    app.test_client_class = ContractClient
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    response = app.test_client().post("/v1/comparisons", json={"documents": documents})
    assert response.status_code == 200 and response.get_json()["cached"] is False


def test_events_separate_the_2022_article_and_group_the_blinken_visit(client):
    ids = stored_ids(client, "000", "001", "003")
    events = client.post("/v1/events", json={"articles": ids}).get_json()["events"]
    groups = [sorted(a["outlet"] for a in event["articles"]) for event in events]
    assert sorted(groups) == [["dw", "nyt"], ["qukanredian.com"]]
    visit = next(e for e in events if len(e["articles"]) == 2)
    assert visit["start"].startswith("2024-04-26") and visit["end"].startswith("2024-04-27")


def test_events_mark_an_aggregator_repost(client):
    repost = seed_bytes("000").decode()
    body = repost.split("来源: 纽约时报中文网", 1)[1].split("24小时新闻排行榜")[0]
    original = client.post("/v1/articles", json={"content": body, "url": "https://cn.nytimes.com/world/x/",
                                                 "published_at": "2024-04-26T20:00:00+08:00"}).get_json()
    ids = [original["id"], *stored_ids(client, "000", "001")]
    events = client.post("/v1/events", json={"articles": ids}).get_json()["events"]
    assert len(events) == 1
    entries = {a["id"]: a for a in events[0]["articles"]}
    assert entries[ids[1]]["repost_of"] == original["id"] and entries[ids[1]]["via"] == "chineseheadlinenews.com"
    assert events[0]["outlets"] == ["dw", "nyt"] and events[0]["reposts"] == 1


def test_events_need_json_and_known_ids(client):
    assert client.post("/v1/events", json={"articles": ["nope"]}).status_code == 422
    assert client.post("/v1/events", json={}).status_code == 422
    assert client.post("/v1/events", data=b"x", content_type="text/plain").status_code == 415


def test_repeated_requests_get_the_same_answer_and_invalid_ones_stay_invalid(client):
    ids = stored_ids(client, "000", "001", "004")
    first = client.post("/v1/comparisons", json={"articles": ids[:2]})
    again = client.post("/v1/comparisons", json={"articles": ids[:2]})
    other = client.post("/v1/comparisons", json={"articles": [ids[0], ids[2]]})
    assert first.status_code == again.status_code == other.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"] != other.get_json()["id"]
    assert again.get_json()["cached"] is True
    for _ in range(2):
        single = client.post("/v1/comparisons", json={"articles": ids[:1]})
        assert single.status_code == 422

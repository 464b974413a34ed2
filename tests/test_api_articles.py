"""/v1/articles through the real Flask app and a real Redis; every response checked against openapi.yaml."""
from __future__ import annotations

import io

from service import create_app

from .conftest import ContractClient, seed_bytes, seed_path


def post_file(client, *prefixes):
    data = {"file": [(io.BytesIO(seed_bytes(p)), seed_path(p).name) for p in prefixes]}
    return client.post("/v1/articles", data=data, content_type="multipart/form-data")


def test_multipart_single_file_creates_then_finds_the_same_article(client):
    first = post_file(client, "001")
    assert first.status_code == 201
    article = first.get_json()
    assert article["outlet"]["id"] == "dw"
    assert first.headers["Location"] == f"/v1/articles/{article['id']}"
    again = post_file(client, "001")
    assert again.status_code == 200 and again.get_json()["id"] == article["id"]
    fetched = client.get(first.headers["Location"])
    assert fetched.status_code == 200 and fetched.get_json()["title"] == article["title"]


def test_multipart_several_files_return_a_list(client):
    response = post_file(client, "000", "002", "004")
    assert response.status_code == 201
    assert [a["outlet"]["id"] for a in response.get_json()] == ["nyt", "voa", "bbc"]


def test_json_document_with_overrides(client):
    content = seed_bytes("003").decode()
    response = client.post("/v1/articles", json={"content": content, "outlet": "xinhua",
                                                 "published_at": "2022-11-17T10:00:00+08:00"})
    assert response.status_code == 201
    article = response.get_json()
    assert article["outlet"]["id"] == "xinhua"
    assert article["published_at"] == "2022-11-17T10:00:00+08:00"


def test_raw_text_body(client):
    response = client.post("/v1/articles", data=seed_bytes("000"), content_type="text/plain; charset=utf-8")
    assert response.status_code == 201
    assert response.get_json()["via"]["id"] == "chineseheadlinenews.com"


def test_raw_markdown_body(client):
    markdown = "# 测试标题\n\n第一段说了一件事。第二句话在这里。\n\n## 小标题\n\n第二段也有内容。\n"
    response = client.post("/v1/articles", data=markdown.encode(), content_type="text/markdown")
    article = response.get_json()
    assert response.status_code == 201
    assert article["title"] == "测试标题"
    assert [p["heading"] for p in article["paragraphs"]] == [False, True, False]
    assert [s["text"] for s in article["sentences"]][:2] == ["第一段说了一件事。", "第二句话在这里。"]


def test_unknown_article_is_404_problem(client):
    response = client.get("/v1/articles/0000000000000000")
    assert response.status_code == 404
    assert "0000000000000000" in response.get_json()["detail"]


def test_delete_removes_article_and_its_listing(client):
    article_id = post_file(client, "002").get_json()["id"]
    assert client.delete(f"/v1/articles/{article_id}").status_code == 204
    assert client.get(f"/v1/articles/{article_id}").status_code == 404
    assert client.get("/v1/articles").get_json()["total"] == 0
    assert client.delete(f"/v1/articles/{article_id}").status_code == 404


def test_list_is_newest_first_paginated_and_filtered(client):
    ids = [post_file(client, p).get_json()["id"] for p in ("000", "001", "002", "004")]
    page1 = client.get("/v1/articles?per_page=3").get_json()
    assert [a["id"] for a in page1["items"]] == ids[::-1][:3]
    assert page1["total"] == 4 and page1["next"]
    page2 = client.get(page1["next"]).get_json()
    assert [a["id"] for a in page2["items"]] == [ids[0]] and "next" not in page2
    only_dw = client.get("/v1/articles?outlet=dw").get_json()
    assert [a["outlet"]["id"] for a in only_dw["items"]] == ["dw"] and only_dw["total"] == 1


def test_bad_query_is_422(client):
    assert client.get("/v1/articles?page=0").status_code == 422


def test_malformed_json_is_400(client):
    response = client.post("/v1/articles", data=b'{"content": ', content_type="application/json")
    assert response.status_code == 400


def test_missing_content_is_422_with_field_errors(client):
    response = client.post("/v1/articles", json={"url": "https://www.dw.com/zh/x"})
    assert response.status_code == 422
    assert "content" in response.get_json()["errors"]


def test_bad_published_at_is_422(client):
    response = client.post("/v1/articles", json={"content": "一段正文。", "published_at": "yesterday"})
    assert response.status_code == 422 and "published_at" in response.get_json()["errors"]


def test_wrong_content_type_is_415(client):
    response = client.post("/v1/articles", data=b"\x00\x01", content_type="application/octet-stream")
    assert response.status_code == 415


def test_empty_and_whitespace_documents_are_422(client):
    for body in (b"", b"   \n\t  \n"):
        response = client.post("/v1/articles", data=body, content_type="text/plain")
        assert response.status_code == 422, body


def test_binary_garbage_is_422(client):
    garbage = bytes(range(256)) * 40
    response = client.post("/v1/articles", data=garbage, content_type="text/plain")
    assert response.status_code == 422
    assert "binary" in response.get_json()["detail"]


def test_body_over_limit_is_413(redis_server):
    app = create_app({"redis_url": redis_server.url, "max_body_bytes": 1000})
    app.test_client_class = ContractClient
    response = app.test_client().post("/v1/articles", data=b"x" * 2000, content_type="text/plain")
    assert response.status_code == 413
    assert "1000" in response.get_json()["detail"]


def test_wrong_method_is_405_problem(client):
    response = client.put("/v1/articles")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]


def test_unknown_path_is_404_problem(client):
    assert client.get("/nope").status_code == 404


def test_stored_data_survives_bad_input(client):
    article_id = post_file(client, "001").get_json()["id"]
    client.post("/v1/articles", data=b'{"content": ', content_type="application/json")
    client.post("/v1/articles", data=bytes(range(256)) * 10, content_type="text/plain")
    assert client.get(f"/v1/articles/{article_id}").status_code == 200


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json()["status"] == "ready"


def test_readiness_fails_without_redis(tmp_path):
    app = create_app({"redis_url": f"unix://{tmp_path}/absent.sock", "redis_timeout": 0.2})
    app.test_client_class = ContractClient
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert app.test_client().get("/healthz").status_code == 200
    ingest = app.test_client().post("/v1/articles", data=seed_bytes("001"), content_type="text/plain")
    assert ingest.status_code == 503


def test_request_id_is_echoed(client):
    response = client.get("/healthz", headers={"X-Request-ID": "abc123"})
    assert response.headers["X-Request-ID"] == "abc123"


def test_openapi_document_is_served(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200 and b"openapi: 3.1.0" in response.data


def test_absurd_page_numbers_are_422_not_a_storage_error(client):
    response = client.get("/v1/articles?page=1425109466187641344&per_page=4505")
    assert response.status_code == 422 and "page" in response.get_json()["errors"]


def test_outlet_names_become_the_same_id_however_they_arrive(client):
    named = client.post("/v1/articles", json={"content": "标题\n\n第一句正文。第二句正文。", "outlet": "Atlas Wire"})
    repost = client.post("/v1/articles", data="标题二\n\n2024-05-01 10:00:00 · example-news.com · Source: Atlas Wire\n\n"
                                          "第三句正文。第四句正文。".encode(), content_type="text/plain")
    assert named.get_json()["outlet"]["id"] == repost.get_json()["outlet"]["id"] == "atlas-wire"


def test_a_lone_date_line_is_a_date_not_body_text(client):
    article = client.post("/v1/articles", data="# 标题\n\n*2024-05-05*\n\n第一句正文。\n".encode(),
                          content_type="text/markdown").get_json()
    assert article["published_at"] == "2024-05-05"
    assert [p["text"] for p in article["paragraphs"]] == ["第一句正文。"]


def test_ingest_answers_only_the_fields_asked_for(client):
    response = client.post("/v1/articles?fields=id,title,sentence_count", data=seed_bytes("001"),
                           content_type="text/plain")
    short = response.get_json()
    assert response.status_code == 201 and set(short) == {"id", "title", "sentence_count"}
    stored = client.get(response.headers["Location"]).get_json()  # the whole article is stored all the same
    assert stored["sentence_count"] == short["sentence_count"] == len(stored["sentences"]) > 5
    listed = client.post("/v1/articles?fields=id,outlet", data={"file": [  # several files: a list of parts
        (io.BytesIO(seed_bytes(p)), seed_path(p).name) for p in ("000", "002")]}, content_type="multipart/form-data")
    assert listed.status_code == 201 and [set(a) for a in listed.get_json()] == [{"id", "outlet"}] * 2
    assert [a["outlet"]["id"] for a in listed.get_json()] == ["nyt", "voa"]


def test_prefer_return_minimal_answers_the_summary(client):
    full = client.post("/v1/articles", data=seed_bytes("002"), content_type="text/plain")
    minimal = client.post("/v1/articles", data=seed_bytes("002"), content_type="text/plain",
                          headers={"Prefer": "respond-async, return=minimal"})
    assert minimal.status_code == 200 and minimal.headers["Preference-Applied"] == "return=minimal"
    summary = minimal.get_json()
    assert "sentences" not in summary and "paragraphs" not in summary and summary["id"] == full.get_json()["id"]
    assert summary["sentence_count"] == len(full.get_json()["sentences"])
    assert len(minimal.get_data()) < 1000 < len(full.get_data()) // 5
    assert "Preference-Applied" not in full.headers


def test_an_unknown_field_is_named_and_nothing_is_stored(client):
    response = client.post("/v1/articles?fields=id,body", data=seed_bytes("001"), content_type="text/plain")
    detail = response.get_json()["detail"]
    assert response.status_code == 422 and "`fields`: unknown field 'body'; choose from id, outlet" in detail
    assert client.get("/v1/articles").get_json()["total"] == 0

"""Corrections through the API: each operation, bad operations, listing, withdrawing, export, keys, a repost
that inherits a correction, concurrent corrections from two app processes, and corrections that outlive a
restart of the embedded Redis."""
from __future__ import annotations

import json
import threading

import pytest
import redis

from service import create_app
from service.corrections_store import CorrectionStore
from service.embedded import start_embedded_redis

from .conftest import ContractClient, seed_bytes


def stored_ids(client, *prefixes):
    return [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
            for p in prefixes]


def compared(client, ids):
    response = client.post("/v1/comparisons", json={"articles": ids})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def shared_fact(result):
    return next(f for f in result["facts"] if len(f["outlets"]) == 2 and len(f["mentions"]) == 2)


def ref(mention):
    return {"article_id": mention["article_id"], "sentence_index": mention["sentence_index"]}


def fact_of(result, mention):
    return next(f for f in result["facts"] if any(ref(m) == ref(mention) for m in f["mentions"]))


@pytest.fixture
def pair(client):
    ids = stored_ids(client, "000", "001")
    return ids, compared(client, ids)


def test_unlink_takes_a_mention_out_and_every_later_comparison_keeps_it(client, pair):
    ids, before = pair
    fact = shared_fact(before)
    taken = fact["mentions"][1]
    response = client.post(f"/v1/comparisons/{before['id']}/corrections",
                           json={"operations": [{"op": "unlink", "mentions": [ref(taken)]}], "note": "not the same"})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    correction = body["correction"]
    assert correction["who"] == "anonymous" and correction["note"] == "not the same"
    assert {p["label"] for p in correction["pairs"]} == {"different"}
    after = client.get(f"/v1/comparisons/{body['comparison']}").get_json()
    assert after["id"] != before["id"]
    alone = fact_of(after, taken)
    assert [ref(m) for m in alone["mentions"]] == [ref(taken)]
    assert alone["corrected"] and alone["corrections"] == [correction["id"]]
    again = compared(client, ids)  # the same request as before answers with the correction applied
    assert again["id"] == after["id"] and fact_of(again, taken)["corrected"]


def test_link_split_and_merge(client, pair):
    _, before = pair
    singles = [f for f in before["facts"] if len(f["mentions"]) == 1]
    a = next(f for f in singles if f["outlets"] == ["nyt"])["mentions"][0]
    b = next(f for f in singles if f["outlets"] == ["dw"])["mentions"][0]
    linked = client.post(f"/v1/comparisons/{before['id']}/corrections",
                         json={"operations": [{"op": "link", "mentions": [ref(a), ref(b)]}]}).get_json()
    result = client.get(f"/v1/comparisons/{linked['comparison']}").get_json()
    joined = fact_of(result, a)
    assert {ref(m)["sentence_index"] for m in joined["mentions"]} >= {a["sentence_index"], b["sentence_index"]}
    assert joined["corrected"]
    split = client.post(f"/v1/comparisons/{result['id']}/corrections",
                        json={"operations": [{"op": "split", "groups": [[ref(a)], [ref(b)]]}]}).get_json()
    result = client.get(f"/v1/comparisons/{split['comparison']}").get_json()
    assert fact_of(result, a)["id"] != fact_of(result, b)["id"]
    other = next(f for f in result["facts"] if f["id"] not in (fact_of(result, a)["id"], fact_of(result, b)["id"]))
    merged = client.post(f"/v1/comparisons/{result['id']}/corrections",
                         json={"operations": [{"op": "merge", "facts": [fact_of(result, a)["id"], other["id"]]}]})
    assert merged.status_code == 201
    result = client.get(f"/v1/comparisons/{merged.get_json()['comparison']}").get_json()
    assert fact_of(result, a)["id"] == fact_of(result, other["mentions"][0])["id"]


@pytest.mark.parametrize("operations, named", [
    ([{"op": "unlink", "mentions": [{"article_id": "nope", "sentence_index": 0}]}], "not in this comparison"),
    ([{"op": "link", "mentions": [{"article_id": "ARTICLE", "sentence_index": 99999}]}], "has no sentence"),
    ([{"op": "merge", "facts": ["f-unknown", "f-other"]}], "unknown"),
    ([{"op": "split", "groups": [[]]}], "split needs"),
])
def test_bad_operations_are_refused_whole(client, pair, operations, named):
    ids, before = pair
    text = json.dumps(operations).replace("ARTICLE", ids[0])
    response = client.post(f"/v1/comparisons/{before['id']}/corrections", json={"operations": json.loads(text)})
    assert response.status_code == 422 and named in response.get_json()["detail"]
    assert "operation 0" in response.get_json()["detail"]
    assert client.get("/v1/corrections").get_json()["total"] == 0


def test_a_link_across_a_split_of_the_same_request_is_refused(client, pair):
    _, before = pair
    fact = shared_fact(before)
    a, b = (ref(m) for m in fact["mentions"])
    response = client.post(f"/v1/comparisons/{before['id']}/corrections", json={"operations": [
        {"op": "split", "groups": [[a], [b]]}, {"op": "link", "mentions": [a, b]}]})
    assert response.status_code == 422 and "operation 1" in response.get_json()["detail"]
    assert client.get("/v1/corrections").get_json()["total"] == 0


def test_list_filter_withdraw_and_export(client, pair):
    ids, before = pair
    fact = shared_fact(before)
    made = client.post(f"/v1/comparisons/{before['id']}/corrections",
                       json={"operations": [{"op": "unlink", "mentions": [ref(fact["mentions"][0])]}]}).get_json()
    listed = client.get(f"/v1/corrections?article={ids[0]}&who=anonymous").get_json()
    assert listed["total"] == 1 and listed["corrections"][0]["id"] == made["correction"]["id"]
    assert client.get("/v1/corrections?who=key:000000000000").get_json()["total"] == 0
    export = client.get("/v1/corrections/export")
    lines = [json.loads(line) for line in export.get_data(as_text=True).splitlines()]
    assert lines and {"a", "b", "label", "correction"} <= lines[0].keys() and lines[0]["label"] == "different"
    corrected = compared(client, ids)
    assert client.delete(f"/v1/corrections/{made['correction']['id']}").status_code == 204
    assert client.delete(f"/v1/corrections/{made['correction']['id']}").status_code == 404
    withdrawn = compared(client, ids)
    assert withdrawn["id"] not in (corrected["id"], before["id"])  # a new state of the corrections
    assert not any(f["corrected"] for f in withdrawn["facts"])
    assert fact_of(withdrawn, fact["mentions"][0])["id"] == fact_of(withdrawn, fact["mentions"][1])["id"]


def test_a_repost_of_the_same_sentences_inherits_the_correction(client, pair):
    ids, before = pair
    fact = shared_fact(before)
    client.post(f"/v1/comparisons/{before['id']}/corrections",
                json={"operations": [{"op": "unlink", "mentions": [ref(fact["mentions"][1])]}]})
    copy = seed_bytes("000").decode() + "\n\n（转载）"
    copy_id = client.post("/v1/articles", json={"content": copy, "outlet": "copycat"}).get_json()["id"]
    result = compared(client, [copy_id, ids[1]])
    texts = {m["text"] for m in fact["mentions"]}
    holding = [f for f in result["facts"] if texts & {m["text"] for m in f["mentions"]}]
    assert len(holding) == 2 and all(f["corrected"] for f in holding)


def test_corrections_need_a_key_when_keys_are_configured(redis_server, pair, client):
    keyed = create_app({"redis_url": redis_server.url, "api_keys": "s3cret"})
    keyed.test_client_class = ContractClient
    with_keys = keyed.test_client()
    _, before = pair
    operations = {"operations": [{"op": "unlink", "mentions": [ref(shared_fact(before)["mentions"][0])]}]}
    assert with_keys.post(f"/v1/comparisons/{before['id']}/corrections", json=operations).status_code == 401
    made = with_keys.post(f"/v1/comparisons/{before['id']}/corrections", json=operations,
                          headers={"Authorization": "Bearer s3cret"})
    assert made.status_code == 201
    who = made.get_json()["correction"]["who"]
    assert who.startswith("key:") and "s3cret" not in who
    assert with_keys.delete(f"/v1/corrections/{made.get_json()['correction']['id']}").status_code == 401


def test_concurrent_corrections_from_two_app_processes_are_all_kept(redis_server, pair):
    _, before = pair
    apps = [create_app({"redis_url": redis_server.url}) for _ in range(2)]
    mentions = [m for f in before["facts"] for m in f["mentions"] if len(f["mentions"]) > 1][:2]
    statuses = []

    def correct(app, mention):
        statuses.append(app.test_client().post(f"/v1/comparisons/{before['id']}/corrections", json={
            "operations": [{"op": "unlink", "mentions": [ref(mention)]}]}).status_code)

    threads = [threading.Thread(target=correct, args=(app, m)) for app, m in zip(apps, mentions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [201, 201]
    store = CorrectionStore(apps[0].extensions["redis"])
    assert store.version() == "2" and len(store.all()) == 2


def test_corrections_outlive_a_restart_of_the_embedded_redis(tmp_path):
    server = start_embedded_redis(tmp_path / "data")
    store = CorrectionStore(redis.Redis.from_url(server.url))
    store.add({"id": "c1", "created_ts": 1.0, "created_at": "2026-01-01T00:00:00Z", "who": "anonymous", "note": "",
               "operations": [], "articles": ["a1"], "pairs": [{"a": "甲。", "b": "乙。", "label": "different"}]})
    server.stop()
    again = start_embedded_redis(tmp_path / "data")
    try:
        restored = CorrectionStore(redis.Redis.from_url(again.url))
        assert restored.version() == "1" and [r["id"] for r in restored.all()] == ["c1"]
        assert [c.label for c in restored.constraints_for(["乙。", "甲。"])] == ["different"]
    finally:
        again.stop()


def test_exported_corrections_are_a_labelled_set_for_eval_and_training(client, pair, tmp_path):
    from service.eval import evaluate_set
    from service.eval.datasets import corrections_export
    from service.train import TextPair, one_sentence_matrix

    _, before = pair
    fact = shared_fact(before)
    client.post(f"/v1/comparisons/{before['id']}/corrections",
                json={"operations": [{"op": "unlink", "mentions": [ref(fact["mentions"][0])]}]})
    path = tmp_path / "corrections.jsonl"
    path.write_bytes(client.get("/v1/corrections/export").get_data())
    labelled = corrections_export(path)
    assert [p.same for p in labelled.pairs] == [False]
    assert {labelled.pairs[0].a.text, labelled.pairs[0].b.text} == {m["text"] for m in fact["mentions"]}
    assert evaluate_set(labelled)["all"]["pairs"] == 1
    rows = one_sentence_matrix([TextPair(p.a.text, p.b.text, p.same) for p in labelled.pairs], 1.0)
    assert rows.rows.shape[0] == 1 and not rows.labels[0]

"""Event grouping of a whole corpus: LSH candidates within the date window, the keyword check, the same
average-link grouping as for a list of ids; and the publication-time index it reads from."""
from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from service.events import average_link, group_corpus, group_events
from service.events_index import CorpusIndex
from service.ingest import parse_document
from service.store import BY_PUBLISHED_KEY, UNDATED_KEY, ArticleStore
from service.tuning import EventParams

from .conftest import seed_bytes


@pytest.fixture(scope="module")
def seeds():
    return {p: parse_document(seed_bytes(p)) for p in ("000", "001", "002", "003", "004")}


def groups(events):
    return sorted(sorted(a["id"] for a in event["articles"]) for event in events)


def test_corpus_grouping_of_the_seeds_agrees_with_the_full_alignment(seeds):
    articles = list(seeds.values())
    corpus = group_corpus(articles)
    assert groups(corpus["events"]) == groups(group_events(articles))
    together = next(e for e in corpus["events"] if seeds["000"].id in {a["id"] for a in e["articles"]})
    assert {a["id"] for a in together["articles"]} == {seeds["000"].id, seeds["001"].id}
    alone = next(e for e in corpus["events"] if seeds["003"].id in {a["id"] for a in e["articles"]})
    assert len(alone["articles"]) == 1
    assert corpus["stats"]["candidate_pairs"] < 10  # of the 10 pairs, not every one is a candidate


def test_corpus_grouping_marks_an_aggregator_repost(seeds):
    body = seed_bytes("000").decode().split("来源: 纽约时报中文网", 1)[1].split("24小时新闻排行榜")[0]
    original = parse_document(body, url="https://cn.nytimes.com/world/x/", published_at="2024-04-26T20:00:00+08:00")
    events = group_corpus([original, seeds["000"], seeds["001"], seeds["003"]])["events"]
    event = next(e for e in events if len(e["articles"]) == 3)
    entries = {a["id"]: a for a in event["articles"]}
    assert entries[seeds["000"].id]["repost_of"] == original.id and event["reposts"] == 1
    assert event["outlets"] == ["dw", "nyt"]


def test_candidates_come_only_from_articles_published_close_together(seeds):
    text = seed_bytes("001").decode()
    monthly = [parse_document(text + f"\n\n第{k}期。", outlet=f"outlet{k}", published_at=f"2024-{k:02d}-15")
               for k in range(1, 9)]
    same_week = [parse_document(text + f"\n\n第{k}版。", outlet=f"daily{k}", published_at=f"2024-03-{10 + k:02d}")
                 for k in range(3)]
    articles = monthly + same_week
    index = CorpusIndex(articles)
    days = np.array([float(np.datetime64(a.published_at[:10]).astype(int)) for a in articles])
    pairs = {tuple(p) for p in index.candidate_pairs(days, 10).tolist()}
    # identical texts a month or more apart are never candidates; the same week's three are all paired
    assert pairs == {(8, 9), (8, 10), (9, 10)} | {(2, k) for k in (8, 9, 10) if abs(days[2] - days[k]) <= 10}
    assert index.similarities(np.array([[8, 9]]))[0] > 0.9


def test_unrelated_articles_are_not_candidates(seeds):
    articles = [seeds["003"], seeds["004"], seeds["000"]]
    undated = np.full(3, np.nan)
    index = CorpusIndex(articles)
    pairs = index.candidate_pairs(undated, 10)
    assert all(s < EventParams().similarity for s in index.similarities(pairs))


def naive_average_link(similarity, days, params):
    """The grouping loop as first written (every pair of groups each round), for reference."""
    groups = [[i] for i in range(len(similarity))]
    while True:
        best = None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                pairs = [(i, j) for i in groups[x] for j in groups[y]]
                if any(abs(days[i] - days[j]) > params.max_event_days for i, j in pairs
                       if not np.isnan(days[i]) and not np.isnan(days[j])):
                    continue
                score = sum(similarity[i][j] for i, j in pairs) / len(pairs)
                if score >= params.similarity and (best is None or score > best[0]):
                    best = (score, x, y)
        if best is None:
            return [sorted(g) for g in groups]
        groups[best[1]] += groups.pop(best[2])


def test_vectorised_average_link_matches_the_reference_loop():
    rng = random.Random(7)
    for _ in range(40):
        n = rng.randint(2, 14)
        values = np.round(np.array([[rng.random() ** 3 for _ in range(n)] for _ in range(n)]), 3)
        similarity = np.triu(values, 1) + np.triu(values, 1).T + np.eye(n)
        days = np.array([rng.choice([np.nan, *range(0, 40, 3)]) for _ in range(n)], dtype=float)
        params = replace(EventParams(), similarity=rng.choice([0.05, 0.12, 0.3]))
        assert average_link(similarity, days, params) == naive_average_link(similarity, days, params)


def test_publication_index_queries_and_backfill(redis_server, seeds):
    store = ArticleStore(__import__("redis").Redis.from_url(redis_server.url))
    store.client.flushdb()
    for article in seeds.values():
        store.save(article)
    dated = sorted((a.published_at, a.id) for a in seeds.values() if a.published_at)
    assert store.published_ids(since="2024-04-20", until="2024-04-26") == [seeds["002"].id, seeds["001"].id]
    assert store.published_ids(since="2024-04-01", outlets=["nyt", "bbc"]) == [seeds["004"].id, seeds["000"].id]
    assert store.published_ids() == [i for _, i in dated] + [seeds["003"].id]  # no bounds: undated too
    store.client.delete(BY_PUBLISHED_KEY, UNDATED_KEY)  # as stored before the index existed
    assert store.published_ids() == []
    assert store.ensure_published_index() == 5 and store.ensure_published_index() == 0
    assert store.published_ids() == [i for _, i in dated] + [seeds["003"].id]
    store.delete(seeds["003"].id)
    assert store.client.scard(UNDATED_KEY) == 0 and store.ensure_published_index() == 0

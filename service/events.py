"""Group articles into events (the same happening) from the facts they share and their dates.

Two articles are about one event when a good share of their sentences land in shared facts (from the same
alignment a comparison uses) and they were published within `max_event_days` of each other. Groups merge
only while their average similarity stays high (average link), so one broad background piece cannot chain
unrelated events. An aggregator repost of an original in the group (same outlet, nearly the same facts) is
marked as a repost and not counted as another outlet.

`group_events` aligns every article with every other (for a list of ids); `group_corpus` scales to a whole
stored corpus: candidate pairs from MinHash/LSH (service.events_index), a sentence-level keyword check on
those only, then the same average-link grouping within each set of linked articles.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .comparison import compare
from .grouping import average_link, day_number
from .models import Article
from .tuning import AlignParams, CorpusParams, EventParams

Progress = Callable[[int, int, str], None]
PROGRESS_CHUNK = 250  # articles indexed per progress step of a corpus grouping


def story_units(articles: list[Article]) -> list[Article]:
    """The articles with each multi-story document (a programme, a digest) split into one article per story
    (id `<id>#<story>`), so that a programme can belong to several events."""
    units = []
    for article in articles:
        if len(article.stories) <= 1:
            units.append(article)
            continue
        for story in article.stories:
            inside = range(story.first_paragraph, story.last_paragraph + 1)
            sentences = [s for s in article.sentences if s.paragraph in inside]
            if sentences:
                units.append(replace(article, id=f"{article.id}#{story.index}", title=story.title or article.title,
                                     sentences=sentences, captions=[], stories=[story]))
    return units


def group_events(articles: list[Article], *, params: EventParams = EventParams(),
                 align: AlignParams = AlignParams()) -> list[dict]:
    """Events, each with its articles (reposts marked), title, outlets and time span; earliest first. A
    multi-story document takes part story by story (entries carry `story`)."""
    articles = _in_order(story_units(articles))
    similarity = np.array(shared_fact_share(articles, align=align), dtype=float)
    return [_event(members, articles, lambda i, j: similarity[i, j], params)
            for members in average_link(similarity, _days(articles), params)]


def group_corpus(articles: list[Article], *, params: EventParams = EventParams(),
                 corpus: CorpusParams = CorpusParams(), progress: Progress | None = None) -> dict:
    """Events of a large set of articles (as `group_events`, earliest first) and figures on how they were found.

    `progress(done, total, stage)` is called as the work advances (a job reports it)."""
    from .events_index import CorpusIndex

    report = progress or (lambda done, total, stage: None)
    started = time.perf_counter()
    articles = _in_order(story_units(articles))
    chunks = -(-len(articles) // PROGRESS_CHUNK)
    total = chunks + 3
    index = CorpusIndex(articles, params=corpus,
                        progress=lambda k: k % PROGRESS_CHUNK == 0 and report(k // PROGRESS_CHUNK, total, "index"))
    report(chunks, total, "index")
    days = _days(articles)
    indexed = time.perf_counter()
    pairs = index.candidate_pairs(days, params.max_event_days)
    report(chunks + 1, total, "candidates")
    similarity = index.similarities(pairs)
    report(chunks + 2, total, "similarities")
    checked = time.perf_counter()
    linked = similarity >= params.similarity
    graph = sparse.coo_matrix((np.ones(int(linked.sum())), (pairs[linked, 0], pairs[linked, 1])),
                              shape=(len(articles), len(articles)))
    _, labels = connected_components(graph, directed=False)
    known = {(int(i), int(j)): float(v) for (i, j), v in zip(pairs, similarity)}
    events, largest = [], 1
    for component in _components(labels):
        largest = max(largest, len(component))
        matrix = _component_similarity(component, index, known, corpus)
        position = {article: k for k, article in enumerate(component)}
        for members in average_link(matrix, days[component], params):
            group = [component[m] for m in members]
            similar = lambda i, j, m=matrix, p=position: m[p[i], p[j]]  # noqa: E731
            events.append((group[0], _event(group, articles, similar, params)))
    report(total, total, "grouping")
    return {
        "events": [event for _, event in sorted(events, key=lambda e: e[0])],
        "stats": {"articles": len(articles), "sentences": int(index.sizes.sum()),
                  "candidate_pairs": len(pairs), "linked_pairs": int(linked.sum()), "largest_group": largest,
                  "index_seconds": round(indexed - started, 3), "check_seconds": round(checked - indexed, 3),
                  "group_seconds": round(time.perf_counter() - checked, 3)},
    }


def shared_fact_share(articles: list[Article], *, align: AlignParams = AlignParams()) -> list[list[float]]:
    """For each pair of articles: facts both report, over the sentence count of the shorter one."""
    n = len(articles)
    matrix = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    if n < 2:
        return matrix
    position = {a.id: i for i, a in enumerate(articles)}
    shared = Counter()
    for fact in compare(articles, params=align)["facts"]:
        members = sorted({position[m["article_id"]] for m in fact["mentions"]})
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    for (i, j), count in shared.items():
        size = max(min(len(articles[i].sentences), len(articles[j].sentences)), 1)
        matrix[i][j] = matrix[j][i] = count / size
    return matrix


def _in_order(articles: list[Article]) -> list[Article]:
    return sorted({a.id: a for a in articles}.values(), key=lambda a: (a.published_at or "9999", a.id))


def _days(articles: list[Article]) -> np.ndarray:
    """Each article's calendar day as the stamp writes it (NaN when undated): what max_event_days counts."""
    return np.array([day_number(a.published_at) for a in articles], dtype=float)


def _components(labels: np.ndarray) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(position)
    return list(groups.values())


def _component_similarity(component, index, known, corpus: CorpusParams) -> np.ndarray:
    """Similarities within a group of linked articles: every pair when it is small enough, else the candidate
    pairs alone (the rest count as unrelated)."""
    size = len(component)
    matrix = np.eye(size)
    if size == 1:
        return matrix
    inner = [(x, y) for x in range(size) for y in range(x + 1, size)]
    if size <= corpus.max_component:
        values = index.similarities(np.array([(component[x], component[y]) for x, y in inner], dtype=np.int64))
    else:
        values = [known.get((component[x], component[y]), 0.0) for x, y in inner]
    for (x, y), value in zip(inner, values):
        matrix[x, y] = matrix[y, x] = value
    return matrix


def _event(members, articles, similar: Callable[[int, int], float], params) -> dict:
    """One event: its most central article's title, its articles (reposts marked), outlets and time span."""
    dates = sorted(a.published_at for a in (articles[i] for i in members) if a.published_at)
    central = max(members, key=lambda i: (sum(similar(i, j) for j in members), -i))
    entries = []
    for i in members:
        article = articles[i]
        original = next((articles[j] for j in members
                         if j != i and _is_repost(article, articles[j], similar(i, j), params)), None)
        document, _, story = article.id.partition("#")
        entries.append({"id": document, "story": int(story) if story else None, "outlet": article.outlet_id,
                        "via": article.via.id if article.via else None, "title": article.title,
                        "published_at": article.published_at, "repost_of": original.id if original else None})
    return {
        "title": articles[central].title,
        "articles": entries,
        "outlets": sorted({e["outlet"] for e in entries}),
        "reposts": sum(1 for e in entries if e["repost_of"]),
        "start": dates[0] if dates else None,
        "end": dates[-1] if dates else None,
    }


def _is_repost(article: Article, other: Article, similarity: float, params: EventParams) -> bool:
    """`article` reposts `other`: it came via an aggregator, names the same outlet, and says the same."""
    return (article.via is not None and other.via is None and article.outlet_id == other.outlet_id
            and similarity >= params.repost_similarity)


def _day(stamp: str) -> date:
    return datetime.fromisoformat(stamp[:10]).date()

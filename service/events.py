"""Group articles into events (the same happening) from the facts they share and their dates.

Two articles are about one event when a good share of their sentences land in shared facts (from the same
alignment a comparison uses) and they were published within `max_event_days` of each other. Groups merge
only while their average similarity stays high (average link), so one broad background piece cannot chain
unrelated events. An aggregator repost of an original in the group (same outlet, nearly the same facts) is
marked as a repost and not counted as another outlet.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from .comparison import compare
from .models import Article
from .tuning import AlignParams, EventParams


def group_events(articles: list[Article], *, params: EventParams = EventParams(),
                 align: AlignParams = AlignParams()) -> list[dict]:
    """Events, each with its articles (reposts marked), title, outlets and time span; earliest first."""
    articles = sorted({a.id: a for a in articles}.values(), key=lambda a: (a.published_at or "9999", a.id))
    similarity = shared_fact_share(articles, align=align)
    groups = [[i] for i in range(len(articles))]
    while True:
        best = None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                score = _average_link(groups[x], groups[y], similarity, articles, params)
                if score is not None and score >= params.similarity and (best is None or score > best[0]):
                    best = (score, x, y)
        if best is None:
            break
        _, x, y = best
        groups[x] += groups.pop(y)
    return [_event(sorted(g), articles, similarity, params) for g in groups]


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


def _average_link(a, b, similarity, articles, params) -> float | None:
    total = 0.0
    for i in a:
        for j in b:
            if _days_apart(articles[i], articles[j]) > params.max_event_days:
                return None
            total += similarity[i][j]
    return total / (len(a) * len(b))


def _event(members, articles, similarity, params) -> dict:
    dates = sorted(a.published_at for a in (articles[i] for i in members) if a.published_at)
    central = max(members, key=lambda i: (sum(similarity[i][j] for j in members), -i))
    entries = []
    for i in members:
        article = articles[i]
        original = next((articles[j] for j in members
                         if j != i and _is_repost(article, articles[j], similarity[i][j], params)), None)
        entries.append({"id": article.id, "outlet": article.outlet_id,
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


def _days_apart(a: Article, b: Article) -> float:
    if not a.published_at or not b.published_at:
        return 0.0
    return abs((_day(a.published_at) - _day(b.published_at)).days)


def _day(stamp: str) -> date:
    return datetime.fromisoformat(stamp[:10]).date()

"""Where articles live: Redis behind a small class (cached results are in service.results).

Articles are kept without expiry under `article:{id}` and indexed by ingestion time, overall and per
outlet, and by publication time (undated ones in a set of their own), so a corpus query by date reads only
the articles it needs. Deleting an article deletes the cached comparisons and event groupings that include it.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

import redis

from .ingest.dates import published_epoch, query_bound
from .models import Article
from .outages import optional
from .results import DELETED_KEY, USES_KEY, forget_results

ARTICLE_KEY = "article:{}"
BY_TIME_KEY = "articles:by_time"
BY_OUTLET_KEY = "articles:outlet:{}"
BY_PUBLISHED_KEY = "articles:by_published"  # score: publication time, epoch seconds
UNDATED_KEY = "articles:undated"  # articles that do not say when they were published
DELETION_MEMORY = 24 * 3600  # seconds results of a deleted article stay 410 (the comparison TTL, by default)
LOAD_CHUNK = 500  # articles fetched per MGET when reading a corpus


@dataclass
class Page:
    items: list[Article]
    total: int


class ArticleStore:
    def __init__(self, client: redis.Redis, *, deletion_memory: int = DELETION_MEMORY):
        self.client = client
        self.deletion_memory = deletion_memory  # at least as long as cached results live

    def save(self, article: Article) -> tuple[Article, bool]:
        """Store `article` unless one with its id exists; returns the stored article and whether it is new."""
        article.ingested_at = article.ingested_at or _now_iso()
        payload = json.dumps(article.to_dict(), ensure_ascii=False)
        if not self.client.set(ARTICLE_KEY.format(article.id), payload, nx=True):
            existing = self.get(article.id)
            if existing is not None:
                return existing, False
            self.client.set(ARTICLE_KEY.format(article.id), payload)
        score = time.time()
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(DELETED_KEY.format(article.id))  # stored again: results that include it may be cached again
        pipe.zadd(BY_TIME_KEY, {article.id: score})
        pipe.zadd(BY_OUTLET_KEY.format(article.outlet_id), {article.id: score})
        _index_published(pipe, article)
        pipe.execute()
        return article, True

    def save_quietly(self, articles: list[Article]) -> None:
        """Keep documents compared inline like ingested ones, when the store is up (a failure is logged)."""

        def save_all() -> None:
            for article in articles:
                self.save(article)

        optional(save_all, failure="could not store compared articles", fallback=None)

    def get(self, article_id: str) -> Article | None:
        """A stored article, or None."""
        raw = self.client.get(ARTICLE_KEY.format(article_id))
        return Article.from_dict(json.loads(raw)) if raw else None

    def get_many(self, article_ids: list[str]) -> list[Article | None]:
        """Stored articles in the order asked (None where one is not stored), in one round trip."""
        if not article_ids:
            return []
        raws = self.client.mget([ARTICLE_KEY.format(i) for i in article_ids])
        return [Article.from_dict(json.loads(raw)) if raw else None for raw in raws]

    def delete(self, article_id: str) -> bool:
        """Delete the article, and with it (in one transaction) every cached result that includes it."""
        article = self.get(article_id)
        if article is None:
            return False
        uses = USES_KEY.format(article_id)

        def remove(pipe: redis.client.Pipeline) -> None:
            used_by = [_text(key) for key in pipe.smembers(uses)]
            pipe.multi()
            pipe.delete(ARTICLE_KEY.format(article_id))
            pipe.zrem(BY_TIME_KEY, article_id)
            pipe.zrem(BY_OUTLET_KEY.format(article.outlet_id), article_id)
            pipe.zrem(BY_PUBLISHED_KEY, article_id)
            pipe.srem(UNDATED_KEY, article_id)
            forget_results(pipe, article_id, used_by, ttl=self.deletion_memory)

        self.client.transaction(remove, uses)
        return True

    def list(self, *, offset: int, limit: int, outlet: str | None = None) -> Page:
        """Newest first."""
        key = BY_OUTLET_KEY.format(outlet) if outlet else BY_TIME_KEY
        ids = [i.decode() if isinstance(i, bytes) else i for i in self.client.zrevrange(key, offset, offset + limit - 1)]
        total = self.client.zcard(key)
        return Page(items=[a for a in self.get_many(ids) if a is not None], total=total)

    def ensure_published_index(self) -> int:
        """Index by publication time the articles stored before that index existed; returns how many.

        Cheap when nothing is missing (three counts); otherwise one pass over the stored ids."""
        client = self.client
        if client.zcard(BY_TIME_KEY) <= client.zcard(BY_PUBLISHED_KEY) + client.scard(UNDATED_KEY):
            return 0
        indexed, cursor = 0, 0
        while True:
            cursor, batch = client.zscan(BY_TIME_KEY, cursor, count=LOAD_CHUNK)
            ids = [_text(i) for i, _ in batch]
            dated = client.zmscore(BY_PUBLISHED_KEY, ids) if ids else []
            undated = client.smismember(UNDATED_KEY, ids) if ids else []
            missing = [i for i, d, u in zip(ids, dated, undated) if d is None and not u]
            pipe = client.pipeline(transaction=False)
            for article in self.get_many(missing):
                if article is not None:
                    _index_published(pipe, article)
                    indexed += 1
            pipe.execute()
            if cursor == 0:
                return indexed

    def published_ids(self, *, since: str | None = None, until: str | None = None,
                      outlets: list[str] | None = None) -> list[str]:
        """Ids of the articles published in [since, until] (either may be open), oldest first, from the given
        outlets when any are named. With neither bound, undated articles are included too."""
        low = query_bound(since) if since else "-inf"
        high = query_bound(until, end_of_day=True) if until else "+inf"
        ids = [_text(i) for i in self.client.zrangebyscore(BY_PUBLISHED_KEY, low, high)]
        if not since and not until:
            ids += sorted(_text(i) for i in self.client.smembers(UNDATED_KEY))
        if outlets:
            wanted = set()
            for outlet in outlets:
                wanted.update(_text(i) for i in self.client.zrange(BY_OUTLET_KEY.format(outlet), 0, -1))
            ids = [i for i in ids if i in wanted]
        return ids

    def iter_many(self, article_ids: list[str]) -> Iterator[Article]:
        """The stored articles among `article_ids`, in order, read a chunk at a time."""
        for start in range(0, len(article_ids), LOAD_CHUNK):
            yield from (a for a in self.get_many(article_ids[start:start + LOAD_CHUNK]) if a is not None)


def _index_published(pipe, article: Article) -> None:
    epoch = published_epoch(article.published_at)
    if epoch is None:
        pipe.sadd(UNDATED_KEY, article.id)
    else:
        pipe.zadd(BY_PUBLISHED_KEY, {article.id: epoch})


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

"""Where articles and cached comparisons live: Redis behind two small classes.

Articles are kept without expiry under `article:{id}` and indexed by ingestion time, overall and per
outlet. Comparisons are cached under `comparison:{id}` with a TTL (they may be evicted; articles never).
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

import redis

from .models import Article

ARTICLE_KEY = "article:{}"
BY_TIME_KEY = "articles:by_time"
BY_OUTLET_KEY = "articles:outlet:{}"
COMPARISON_KEY = "comparison:{}"


@dataclass
class Page:
    items: list[Article]
    total: int


class ArticleStore:
    def __init__(self, client: redis.Redis):
        self.client = client

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
        pipe.zadd(BY_TIME_KEY, {article.id: score})
        pipe.zadd(BY_OUTLET_KEY.format(article.outlet_id), {article.id: score})
        pipe.execute()
        return article, True

    def get(self, article_id: str) -> Article | None:
        raw = self.client.get(ARTICLE_KEY.format(article_id))
        return Article.from_dict(json.loads(raw)) if raw else None

    def get_many(self, article_ids: list[str]) -> list[Article | None]:
        if not article_ids:
            return []
        raws = self.client.mget([ARTICLE_KEY.format(i) for i in article_ids])
        return [Article.from_dict(json.loads(raw)) if raw else None for raw in raws]

    def delete(self, article_id: str) -> bool:
        article = self.get(article_id)
        if article is None:
            return False
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(ARTICLE_KEY.format(article_id))
        pipe.zrem(BY_TIME_KEY, article_id)
        pipe.zrem(BY_OUTLET_KEY.format(article.outlet_id), article_id)
        pipe.execute()
        return True

    def list(self, *, offset: int, limit: int, outlet: str | None = None) -> Page:
        """Newest first."""
        key = BY_OUTLET_KEY.format(outlet) if outlet else BY_TIME_KEY
        ids = [i.decode() if isinstance(i, bytes) else i for i in self.client.zrevrange(key, offset, offset + limit - 1)]
        total = self.client.zcard(key)
        return Page(items=[a for a in self.get_many(ids) if a is not None], total=total)


class ComparisonCache:
    def __init__(self, client: redis.Redis, *, ttl: int):
        self.client = client
        self.ttl = ttl

    def get(self, comparison_id: str) -> dict | None:
        raw = self.get_raw(comparison_id)
        return json.loads(raw) if raw else None

    def get_raw(self, comparison_id: str) -> bytes | None:
        """The stored JSON as bytes, for answering without decoding and encoding it again."""
        return self.client.get(COMPARISON_KEY.format(comparison_id))

    def put(self, comparison_id: str, result: dict) -> None:
        self.client.set(COMPARISON_KEY.format(comparison_id), json.dumps(result, ensure_ascii=False), ex=self.ttl)


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

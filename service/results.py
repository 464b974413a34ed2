"""Cached results: comparisons under `comparison:{id}`, event groupings under `events:{id}`, both with a TTL.

A result is only as good as its articles: each article keeps the set of result keys that include it
(`uses:{article}`, without a TTL so that memory-pressure eviction cannot lose it; pruned of expired results
when it grows), and deleting the article deletes those results and leaves a tombstone
(`gone:{result key}`, naming the deleted article) for the rest of their lifetime, so reading one answers 410
instead of serving the deleted text. A result computed while one of its articles was being deleted is not
stored (the deletion leaves `deleted:{article}` until the article is stored again), only its tombstone.
"""
from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

import redis

from .outages import optional

COMPARISON_KEY = "comparison:{}"
EVENTS_KEY = "events:{}"
USES_KEY = "uses:{}"  # the result keys that include an article (no TTL: never evicted before its results)
GONE_KEY = "gone:{}"  # a result key deleted with an article: the article's id
DELETED_KEY = "deleted:{}"  # an article deleted and not stored again since
UNEXPIRING_COPY_SECONDS = 300
USES_PRUNE_AT = 256  # an article's list of results is pruned of expired ones when it grows past this


def store_result(client: redis.Redis, key: str, raw: bytes, article_ids: Iterable[str], *, ttl: int) -> bool:
    """Store a result and note it under each of its articles, atomically; unless an article was deleted since
    (then only the tombstone is written). Returns whether the result was stored."""
    ids = list(dict.fromkeys(article_ids))
    markers = [DELETED_KEY.format(i) for i in ids]

    def write(pipe: redis.client.Pipeline) -> bool:
        deleted = [i for i, marker in zip(ids, pipe.mget(markers) if markers else []) if marker is not None]
        pipe.multi()
        if deleted:
            pipe.set(GONE_KEY.format(key), deleted[0], ex=ttl)
            return False
        pipe.set(key, raw, ex=ttl)
        for article_id in ids:
            pipe.sadd(USES_KEY.format(article_id), key)
        return True

    stored = client.transaction(write, *markers, value_from_callable=True)
    if stored:
        _prune_uses(client, ids)
    return stored


def _prune_uses(client: redis.Redis, article_ids: list[str]) -> None:
    """Drop expired results from the lists of articles whose list has grown long (rarely: once per
    USES_PRUNE_AT results). The lists carry no TTL, so that an eviction under memory pressure (volatile-lru)
    can drop a result but never the note that lets a deletion find it."""
    pipe = client.pipeline(transaction=False)
    for article_id in article_ids:
        pipe.scard(USES_KEY.format(article_id))
    for article_id, size in zip(article_ids, pipe.execute()):
        if size > USES_PRUNE_AT:
            keys = list(client.smembers(USES_KEY.format(article_id)))
            gone = [k for k, alive in zip(keys, _exist(client, keys)) if not alive]
            if gone:
                client.srem(USES_KEY.format(article_id), *gone)


def _exist(client: redis.Redis, keys: list) -> list[bool]:
    pipe = client.pipeline(transaction=False)
    for key in keys:
        pipe.exists(key)
    return [bool(n) for n in pipe.execute()]


def forget_results(pipe: redis.client.Pipeline, article_id: str, used_by: Iterable[str], *, ttl: int) -> None:
    """Within the transaction that deletes an article: delete the results that include it, tombstone them, and
    remember the deletion so a result still being computed with it is not stored."""
    for key in used_by:
        pipe.delete(key)
        pipe.set(GONE_KEY.format(key), article_id, ex=ttl)
    pipe.delete(USES_KEY.format(article_id))
    pipe.set(DELETED_KEY.format(article_id), 1, ex=ttl)


def gone_because(client: redis.Redis, key: str) -> str | None:
    """The id of the deleted article that took this result with it, if that is why it is missing."""
    value = client.get(GONE_KEY.format(key))
    return value.decode() if isinstance(value, bytes) else value


class LocalCopies:
    """This process's copies of recently served comparisons, each kept until the moment Redis expires it.

    A comparison id names its inputs, options and algorithm version, so its bytes never change; a copy goes
    stale only when Redis drops the comparison (expiry, or the deletion of one of its articles), which the
    cache checks before serving it. Least recently used copies go first once `max_bytes` is reached."""

    def __init__(self, *, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.copies: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The local copy of a result, unless it has expired."""
        with self.lock:
            entry = self.copies.get(key)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                self._drop(key)
                return None
            self.copies.move_to_end(key)
            return entry[1]

    def put(self, key: str, raw: bytes, *, seconds: float) -> None:
        """Keep a copy for `seconds`; one bigger than a quarter of the budget is not kept."""
        if len(raw) > self.max_bytes // 4 or seconds <= 0:
            return
        with self.lock:
            self._drop(key)
            self.copies[key] = (time.monotonic() + seconds, raw)
            self.size += len(raw)
            while self.size > self.max_bytes:
                self._drop(next(iter(self.copies)))

    def forget(self, key: str) -> None:
        """Drop the copy of a result that Redis no longer holds."""
        with self.lock:
            self._drop(key)

    def _drop(self, key: str) -> None:
        entry = self.copies.pop(key, None)
        if entry is not None:
            self.size -= len(entry[1])


class ComparisonCache:
    """Comparisons under their id; `lookup` and `keep` are the reads and writes a request can do without."""

    def __init__(self, client: redis.Redis, *, ttl: int, local_bytes: int = 0):
        self.client = client
        self.ttl = ttl
        self.local = LocalCopies(max_bytes=local_bytes) if local_bytes > 0 else None

    def get(self, comparison_id: str) -> dict | None:
        """A cached comparison, decoded, or None."""
        raw = self.get_raw(comparison_id)
        return json.loads(raw) if raw else None

    def get_raw(self, comparison_id: str) -> bytes | None:
        """The stored JSON as bytes, for answering without decoding and encoding it again. A local copy is
        served when Redis still has the comparison (one small EXISTS instead of the value) or cannot be asked."""
        key = COMPARISON_KEY.format(comparison_id)
        if self.local is None:
            return self.client.get(key)
        raw = self.local.get(key)
        if raw is not None:
            try:
                if self.client.exists(key):
                    return raw
            except redis.RedisError:
                return raw  # nothing can be deleted while Redis is away
            self.local.forget(key)
            return None
        pipe = self.client.pipeline(transaction=False)
        pipe.get(key)
        pipe.pttl(key)
        raw, remaining_ms = pipe.execute()
        if raw is not None:
            # a key without an expiry (-1) is kept a while; one expiring in the same instant (-2) is not
            seconds = remaining_ms / 1000 if remaining_ms > 0 else UNEXPIRING_COPY_SECONDS * (remaining_ms == -1)
            self.local.put(key, raw, seconds=seconds)
        return raw

    def lookup(self, comparison_id: str) -> bytes | None:
        """get_raw, or None (a miss, logged) when Redis cannot be asked: the comparison is computed afresh."""
        return optional(lambda: self.get_raw(comparison_id), failure="comparison cache unavailable", fallback=None)

    def gone_because(self, comparison_id: str) -> str | None:
        """The deleted article that took this comparison with it, if that is why it is gone."""
        return gone_because(self.client, COMPARISON_KEY.format(comparison_id))

    def put(self, comparison_id: str, result: dict) -> bool:
        """Cache a comparison (whose `articles` say what it includes); False when one was deleted meanwhile."""
        key = COMPARISON_KEY.format(comparison_id)
        raw = json.dumps(result, ensure_ascii=False).encode()
        stored = store_result(self.client, key, raw, (a["id"] for a in result.get("articles", ())), ttl=self.ttl)
        if stored and self.local is not None:
            self.local.put(key, raw, seconds=self.ttl)
        return stored

    def keep(self, comparison_id: str, result: dict) -> bool:
        """put, or False (logged) when Redis cannot take it: the answer is served uncached."""
        return optional(lambda: self.put(comparison_id, result), failure="comparison not cached", fallback=False)


class EventsCache:
    """Event groupings of a stored corpus, under the id of the job that computed them."""

    def __init__(self, client: redis.Redis, *, ttl: int):
        self.client = client
        self.ttl = ttl

    def get_raw(self, events_id: str) -> bytes | None:
        """A stored event grouping's JSON bytes, or None."""
        return self.client.get(EVENTS_KEY.format(events_id))

    def gone_because(self, events_id: str) -> str | None:
        """The deleted article that took this grouping with it, if that is why it is gone."""
        return gone_because(self.client, EVENTS_KEY.format(events_id))

    def put(self, events_id: str, result: dict, article_ids: Iterable[str]) -> bool:
        """Keep a grouping of the given articles; False when one of them was deleted meanwhile."""
        raw = json.dumps(result, ensure_ascii=False).encode()
        return store_result(self.client, EVENTS_KEY.format(events_id), raw, article_ids, ttl=self.ttl)

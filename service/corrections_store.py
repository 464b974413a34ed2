"""Reviewers' corrections in Redis: kept without expiry (they outlive the comparison cache and restarts),
indexed by the sentence texts they constrain, the articles they were made on and who made them.

Every correction and withdrawal raises `corrections:version`, which names the corrections' state in a
comparison's id: a comparison computed before a correction is never served as one computed after it.
"""
from __future__ import annotations

import json

import redis

from .corrections import Constraint, pair_key, text_key

RECORD = "correction:{}"
VERSION = "corrections:version"
BY_TIME = "corrections:by_time"
BY_TEXT = "corrections:by_text:{}"
BY_ARTICLE = "corrections:by_article:{}"
BY_WHO = "corrections:by_who:{}"


class CorrectionStore:
    def __init__(self, client: redis.Redis):
        self.client = client

    def version(self) -> str:
        """The state of the corrections: "0" before any."""
        value = self.client.get(VERSION)
        return value.decode() if value else "0"

    def add(self, record: dict) -> str:
        """Keep a correction ({id, created_at, who, note, operations, articles, pairs: [{a, b, label}]}) and
        return the new version. One transaction: a reader never sees half of it."""
        texts = {text_key(t) for pair in record["pairs"] for t in (pair["a"], pair["b"])}
        with self.client.pipeline(transaction=True) as pipe:
            pipe.set(RECORD.format(record["id"]), json.dumps(record, ensure_ascii=False))
            pipe.zadd(BY_TIME, {record["id"]: record["created_ts"]})
            for key in texts:
                pipe.sadd(BY_TEXT.format(key), record["id"])
            for article in record["articles"]:
                pipe.sadd(BY_ARTICLE.format(article), record["id"])
            pipe.sadd(BY_WHO.format(record["who"]), record["id"])
            pipe.incr(VERSION)
            return str(pipe.execute()[-1])

    def get(self, correction_id: str) -> dict | None:
        """One correction record, or None when there is none of that id."""
        raw = self.client.get(RECORD.format(correction_id))
        return json.loads(raw) if raw else None

    def delete(self, correction_id: str) -> bool:
        """Withdraw a correction; False when there is none of that id."""
        record = self.get(correction_id)
        if record is None:
            return False
        texts = {text_key(t) for pair in record["pairs"] for t in (pair["a"], pair["b"])}
        with self.client.pipeline(transaction=True) as pipe:
            pipe.delete(RECORD.format(correction_id))
            pipe.zrem(BY_TIME, correction_id)
            for key in texts:
                pipe.srem(BY_TEXT.format(key), correction_id)
            for article in record["articles"]:
                pipe.srem(BY_ARTICLE.format(article), correction_id)
            pipe.srem(BY_WHO.format(record["who"]), correction_id)
            pipe.incr(VERSION)
            pipe.execute()
        return True

    def constraints_for(self, texts: list[str]) -> list[Constraint]:
        """The constraints of every correction on pairs of these sentence texts, oldest correction first."""
        keys = {text_key(t) for t in texts}
        if not keys:
            return []
        with self.client.pipeline(transaction=False) as pipe:
            for key in sorted(keys):
                pipe.smembers(BY_TEXT.format(key))
            ids = set().union(*pipe.execute())
        records = [r for r in self._records(sorted(i.decode() for i in ids)) if r]
        constraints = []
        for record in sorted(records, key=lambda r: (r["created_ts"], r["id"])):
            for pair in record["pairs"]:
                if text_key(pair["a"]) in keys and text_key(pair["b"]) in keys:
                    constraints.append(Constraint(pair_key(pair["a"], pair["b"]), pair["label"], record["id"]))
        return constraints

    def page(self, *, page: int, per_page: int, article: str | None = None, who: str | None = None) -> tuple[list[dict], int]:
        """Newest first, optionally only those made on an article or by someone; and the total."""
        ids = [i.decode() for i in self.client.zrevrange(BY_TIME, 0, -1)]
        for index, value in ((BY_ARTICLE, article), (BY_WHO, who)):
            if value is not None:
                allowed = {i.decode() for i in self.client.smembers(index.format(value))}
                ids = [i for i in ids if i in allowed]
        start = (page - 1) * per_page
        return [r for r in self._records(ids[start:start + per_page]) if r], len(ids)

    def all(self) -> list[dict]:
        """Every correction, oldest first."""
        return [r for r in self._records([i.decode() for i in self.client.zrange(BY_TIME, 0, -1)]) if r]

    def _records(self, ids: list[str]) -> list[dict | None]:
        if not ids:
            return []
        return [json.loads(raw) if raw else None for raw in self.client.mget([RECORD.format(i) for i in ids])]

"""Each process keeps copies of comparisons it has read, for exactly as long as Redis keeps them."""
from __future__ import annotations

import time

import redis

from service.results import COMPARISON_KEY, ComparisonCache, LocalCopies


def _client(redis_server) -> redis.Redis:
    return redis.Redis.from_url(redis_server.url)


def test_a_copy_expires_when_redis_expires_the_comparison(redis_server):
    client = _client(redis_server)
    writer = ComparisonCache(client, ttl=60)  # another replica, without local copies
    reader = ComparisonCache(client, ttl=60, local_bytes=1 << 20)
    writer.put("short-lived", {"id": "short-lived", "facts": []})
    client.pexpire(COMPARISON_KEY.format("short-lived"), 300)
    assert reader.get("short-lived") == {"id": "short-lived", "facts": []}
    time.sleep(0.4)
    assert reader.get_raw("short-lived") is None  # neither Redis nor the copy outlives the expiry


def test_a_copy_answers_while_redis_keeps_the_comparison_and_never_after(redis_server):
    client = _client(redis_server)
    reader = ComparisonCache(client, ttl=60, local_bytes=1 << 20)
    reader.put("kept", {"id": "kept"})
    assert reader.get("kept") == {"id": "kept"}
    client.delete(COMPARISON_KEY.format("kept"))  # gone from Redis (an article of it was deleted): gone here too
    assert reader.get("kept") is None
    assert reader.local.get(COMPARISON_KEY.format("kept")) is None


def test_a_copy_answers_when_redis_cannot_be_asked(redis_server, tmp_path):
    reader = ComparisonCache(_client(redis_server), ttl=60, local_bytes=1 << 20)
    reader.put("kept", {"id": "kept"})
    reader.client = redis.Redis.from_url(f"unix://{tmp_path}/nobody-listens.sock")  # Redis unreachable
    assert reader.get("kept") == {"id": "kept"}  # nothing can be deleted while Redis is away


def test_copies_stay_within_their_byte_budget_least_recently_used_first():
    copies = LocalCopies(max_bytes=300)
    for name in "abcde":  # 70 bytes each: the fifth goes over the budget
        copies.put(name, name.encode() * 70, seconds=60)
        if name == "b":
            assert copies.get("a") is not None  # "a" is now more recent than "b"
    assert copies.size <= 300
    assert copies.get("b") is None and copies.get("a") is not None and copies.get("e") is not None
    copies.put("huge", b"x" * 100, seconds=60)  # more than a quarter of the budget: never copied
    assert copies.get("huge") is None

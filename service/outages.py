"""What a Redis failure costs a request, decided here rather than in each view.

An optional step (reading or writing the comparison cache, keeping compared documents, reading the corrections'
version) is skipped with a log line and the answer is computed without it. A step an answer needs fails: a
RedisError reaching the API is the article store's 503 (service/api/errors.py), a failure inside `queue_step` is
the job queue's (QueueUnavailable, its own 503)."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import redis

log = logging.getLogger(__name__)
T = TypeVar("T")


def optional(step: Callable[[], T], *, failure: str, fallback: T) -> T:
    """step(), or `fallback` with the warning `failure` when Redis fails: the request goes on without it."""
    try:
        return step()
    except redis.RedisError as error:
        log.warning(failure, extra={"error": str(error)})
        return fallback


class QueueUnavailable(Exception):
    """Redis failed while a job was submitted or read (or a correction kept): nothing was submitted."""


@contextmanager
def queue_step() -> Iterator[None]:
    """Within it, a Redis failure is reported as the job queue's (QueueUnavailable)."""
    try:
        yield
    except redis.RedisError as error:
        raise QueueUnavailable(str(error)) from error

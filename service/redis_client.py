"""The Redis connection of an app, and the stores built on it."""
from __future__ import annotations

import atexit
import logging

import redis
from flask import Flask, current_app

from .corrections_store import CorrectionStore
from .embedded import start_embedded_redis
from .jobs import JobQueue
from .results import ComparisonCache, EventsCache
from .store import ArticleStore

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Connect to REDIS_URL (or start an embedded Redis) and build the stores and caches on that client."""
    settings = app.config["SETTINGS"]
    url = settings.redis_url
    if not url:
        server = start_embedded_redis(settings.data_dir)
        atexit.register(server.stop)
        url = server.url
        log.info("started embedded Redis", extra={"redis_url": url})
    client = redis.Redis.from_url(url, socket_timeout=settings.redis_timeout,
                                  socket_connect_timeout=settings.redis_timeout, health_check_interval=30)
    app.extensions["redis"] = client
    app.extensions["redis_url"] = url
    # a deleted article's results answer 410 while they would have lived, and a result still being computed
    # with it (a job may run for job_timeout) is not stored
    app.extensions["articles"] = ArticleStore(client,
                                              deletion_memory=max(settings.comparison_ttl, settings.job_timeout))
    app.extensions["comparisons"] = ComparisonCache(client, ttl=settings.comparison_ttl,
                                                     local_bytes=settings.local_cache_mb * 1024 * 1024)
    app.extensions["events"] = EventsCache(client, ttl=settings.comparison_ttl)
    app.extensions["jobs"] = JobQueue(client, settings)
    app.extensions["corrections"] = CorrectionStore(client)


def client() -> redis.Redis:
    """The app's Redis client."""
    return current_app.extensions["redis"]


def articles() -> ArticleStore:
    """The app's article store."""
    return current_app.extensions["articles"]


def comparisons() -> ComparisonCache:
    """The app's comparison cache."""
    return current_app.extensions["comparisons"]


def events() -> EventsCache:
    """The app's cache of event groupings."""
    return current_app.extensions["events"]


def corrections() -> CorrectionStore:
    """The app's store of reviewers' corrections."""
    return current_app.extensions["corrections"]


def jobs() -> JobQueue:
    """The app's job queue."""
    return current_app.extensions["jobs"]

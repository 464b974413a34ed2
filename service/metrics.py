"""Prometheus metrics at GET /metrics: requests, latency, cache hits and misses, comparison sizes.

Under gunicorn each worker is a process: with PROMETHEUS_MULTIPROC_DIR set (the `serve` command and the
container set it) the workers write to shared files and /metrics sums them."""
from __future__ import annotations

import os
import time

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import multiprocess

REQUESTS = Counter("news_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("news_http_request_duration_seconds", "Request latency", ["route"],
                    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
CACHE = Counter("news_comparison_cache_total", "Comparison cache lookups", ["result"])
COMPARED_ARTICLES = Histogram("news_comparison_articles", "Articles per comparison",
                              buckets=(2, 3, 5, 10, 20, 50, 100, 200))
COMPARED_SENTENCES = Histogram("news_comparison_sentences", "Sentences per comparison",
                               buckets=(50, 100, 250, 500, 1000, 2500, 5000, 10000, 20000))

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def metrics():
    """The Prometheus metrics, gathered across gunicorn's processes when PROMETHEUS_MULTIPROC_DIR is set."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    """Serve /metrics and count every request and its latency by route."""
    app.register_blueprint(bp)

    @app.before_request
    def _start_timer():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def _record(response):
        route = request.url_rule.rule if request.url_rule else "unmatched"
        REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        LATENCY.labels(route).observe(time.perf_counter() - g.get("metrics_started", time.perf_counter()))
        return response


def record_comparison(*, cached: bool, articles: int, sentences: int) -> None:
    """Count a comparison as a cache hit or miss; a computed one's size goes into the histograms."""
    CACHE.labels("hit" if cached else "miss").inc()
    if not cached:
        COMPARED_ARTICLES.observe(articles)
        COMPARED_SENTENCES.observe(sentences)

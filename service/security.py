"""What protects the API: CORS for browser frontends, optional API keys for writes, per-client rate limits
(flask-limiter on the same Redis, so all replicas share the counts; comparisons and event groupings have
their own, lower limit), and standard security headers. Only a valid key is a client identity: an invalid
one is 401 on every /v1 route when keys are configured, and never opens a rate-limit bucket of its own."""
from __future__ import annotations

import hashlib
import hmac
import re

from flask import Flask, current_app, request
from flask_cors import CORS
from flask_limiter import Limiter

from .problems import ApiProblem

WRITE_METHODS = frozenset(("POST", "DELETE", "PUT", "PATCH"))
PROTECTED = re.compile(r"^/v1/articles|^/v1/corrections|^/v1/comparisons/[^/]+/corrections")  # writes here need
# a key when keys are configured
KEYED_PREFIX = "/v1/"  # where a key that is sent must be valid (health checks and pages never look at keys)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
}
UNLIMITED_ENDPOINTS = ("health.healthz", "health.readyz", "metrics.metrics", "web.page", "web.docs", "web.asset",
                       "web.seed", "web.swagger_asset")
COSTLY_ENDPOINTS = ("comparisons.create_comparison", "events.create_events", "corrections.create_correction")


def client_key() -> str:
    """Rate limits count per valid API key, else per client address: an invented key opens no bucket."""
    key = presented_key()
    if key and key_is_valid(key):
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:16]  # no key in Redis key names
    return f"addr:{request.remote_addr or 'unknown'}"


def presented_key() -> str | None:
    """The API key a request presents: Authorization: Bearer, else X-API-Key."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.headers.get("X-API-Key") or None


def configured_keys() -> list[str]:
    """The API keys configured (API_KEYS, comma-separated)."""
    return [k.strip() for k in current_app.config["SETTINGS"].api_keys.split(",") if k.strip()]


def key_is_valid(key: str) -> bool:
    """Whether the key is one configured, compared in constant time."""
    return any(hmac.compare_digest(key.encode(), known.encode()) for known in configured_keys())


def init_app(app: Flask) -> None:
    """Call after the blueprints are registered: limits attach to their view functions."""
    settings = app.config["SETTINGS"]
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    CORS(app, origins=origins or [], expose_headers=["ETag", "Location", "X-Request-ID", "Retry-After"],
         allow_headers=["Content-Type", "Authorization", "X-API-Key", "X-Request-ID", "If-None-Match"])
    limiter = Limiter(client_key, app=app, default_limits=[settings.rate_limit] if settings.rate_limit else [],
                      enabled=bool(settings.rate_limit), storage_uri=_limits_uri(app.extensions["redis_url"]),
                      swallow_errors=True, in_memory_fallback_enabled=True, headers_enabled=True,
                      retry_after="delta-seconds", key_prefix="ratelimit")
    for endpoint in UNLIMITED_ENDPOINTS:
        if endpoint in app.view_functions:
            limiter.exempt(app.view_functions[endpoint])
    if settings.comparison_rate_limit:
        for endpoint in COSTLY_ENDPOINTS:
            if endpoint in app.view_functions:  # the limiter checks the wrapper it returns: it must be the view
                app.view_functions[endpoint] = limiter.limit(settings.comparison_rate_limit)(
                    app.view_functions[endpoint])
    app.extensions["rate_limiter"] = limiter

    @app.before_request
    def _check_keys():
        if not configured_keys() or not request.path.startswith(KEYED_PREFIX):
            return None
        given = presented_key()
        if given is not None and not key_is_valid(given):
            raise ApiProblem(401, "the API key sent is not valid: send a key the service was configured with "
                                  "(`Authorization: Bearer <key>` or `X-API-Key: <key>`), or none for reading",
                             slug="api-key-invalid", headers={"WWW-Authenticate": 'Bearer realm="news-compare"'})
        if given is None and request.method in WRITE_METHODS and PROTECTED.match(request.path):
            raise ApiProblem(401, "writing articles or corrections needs an API key: send `Authorization: Bearer "
                                  "<key>` or `X-API-Key: <key>`", slug="api-key-required",
                             headers={"WWW-Authenticate": 'Bearer realm="news-compare"'})
        return None

    @app.after_request
    def _security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def reviewer() -> str:
    """Who a correction is recorded as made by: the valid key's fingerprint (never the key), else anonymous."""
    given = presented_key()
    if given is None or not configured_keys() or not key_is_valid(given):
        return "anonymous"
    return "key:" + hashlib.sha256(given.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def writes_allowed() -> bool:
    """Whether this request may store articles (no keys configured, or a valid key presented)."""
    given = presented_key()
    return not configured_keys() or given is not None and key_is_valid(given)


def _limits_uri(redis_url: str) -> str:
    return "redis+unix://" + redis_url[len("unix://"):] if redis_url.startswith("unix://") else redis_url

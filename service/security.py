"""What protects the API: CORS for browser frontends, optional API keys for writes, per-client rate limits
(flask-limiter on the same Redis, so all replicas share the counts), and standard security headers."""
from __future__ import annotations

import hmac

from flask import Flask, current_app, request
from flask_cors import CORS
from flask_limiter import Limiter

from .api.errors import ApiProblem

WRITE_METHODS = frozenset(("POST", "DELETE", "PUT", "PATCH"))
PROTECTED_PREFIX = "/v1/articles"
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
COSTLY_ENDPOINTS = ("comparisons.create_comparison", "events.create_events")


def client_key() -> str:
    """Rate limits count per API key when one is given, else per client address."""
    key = presented_key()
    return f"key:{key}" if key else f"addr:{request.remote_addr or 'unknown'}"


def presented_key() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.headers.get("X-API-Key") or None


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
            if endpoint in app.view_functions:
                limiter.limit(settings.comparison_rate_limit)(app.view_functions[endpoint])
    app.extensions["rate_limiter"] = limiter

    @app.before_request
    def _require_key_for_writes():
        keys = [k.strip() for k in settings.api_keys.split(",") if k.strip()]
        if not keys or request.method not in WRITE_METHODS or not request.path.startswith(PROTECTED_PREFIX):
            return None
        given = presented_key() or ""
        if not any(hmac.compare_digest(given, key) for key in keys):
            raise ApiProblem(401, "writing articles needs an API key: send `Authorization: Bearer <key>` or "
                                  "`X-API-Key: <key>`", slug="api-key-required",
                             headers={"WWW-Authenticate": 'Bearer realm="news-compare"'})
        return None

    @app.after_request
    def _security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def writes_allowed() -> bool:
    """Whether this request may store articles (no keys configured, or a valid key presented)."""
    keys = [k.strip() for k in current_app.config["SETTINGS"].api_keys.split(",") if k.strip()]
    given = presented_key() or ""
    return not keys or any(hmac.compare_digest(given, key) for key in keys)


def _limits_uri(redis_url: str) -> str:
    return "redis+unix://" + redis_url[len("unix://"):] if redis_url.startswith("unix://") else redis_url

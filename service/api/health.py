"""Liveness, readiness and the API contract."""
from __future__ import annotations

from importlib import resources

import redis
from flask import Blueprint, Response

from .. import redis_client
from .errors import problem

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Liveness: the process answers; Redis is not consulted (readyz does that)."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    """Readiness: Redis answers a ping; else 503 with Retry-After."""
    try:
        redis_client.client().ping()
    except (redis.RedisError, OSError) as error:
        return problem(503, f"Redis is not reachable: {error}", slug="not-ready", headers={"Retry-After": "5"})
    return {"status": "ready", "redis": "ok"}


@bp.get("/openapi.yaml")
def openapi():
    """The API contract: the openapi.yaml shipped in the package."""
    text = resources.files("service").joinpath("openapi.yaml").read_text(encoding="utf-8")
    return Response(text, mimetype="application/yaml")

"""Every error as application/problem+json (RFC 9457): type, title, status, detail, and `errors` for fields."""
from __future__ import annotations

import logging

import redis
from flask import Blueprint, Response, current_app, json, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..ingest import IngestError
from ..outages import QueueUnavailable
from ..problems import ApiProblem

bp = Blueprint("errors", __name__)
log = logging.getLogger(__name__)
PROBLEM_TYPE = "https://news-compare.example/problems/{}"
TITLES = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed", 410: "Gone",
          413: "Content Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Content",
          429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}
MAX_NAMED_FIELDS = 5  # a validation detail names this many fields; `errors` has them all


def problem(status: int, detail: str, *, slug: str | None = None, errors: dict | None = None,
            headers: dict | None = None) -> Response:
    """An application/problem+json response (RFC 9457): every error the API answers is one."""
    title = TITLES.get(status, "Error")
    body = {"type": PROBLEM_TYPE.format(slug or title.lower().replace(" ", "-")), "title": title,
            "status": status, "detail": detail, "instance": request.path}
    if errors:
        body["errors"] = errors
    text = json.dumps(body, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate echoed from the request (a field name): keep it escaped
        text = json.dumps(body, ensure_ascii=True)
    response = Response(text, status=status, mimetype="application/problem+json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


@bp.app_errorhandler(ApiProblem)
def _api_problem(error: ApiProblem):
    return problem(error.status, error.detail, slug=error.slug, errors=error.errors, headers=error.headers)


@bp.app_errorhandler(ValidationError)
def _validation(error: ValidationError):
    messages = field_messages(error)
    named = "; ".join(f"`{name}`: {' '.join(map(str, texts))}"
                      for name, texts in list(messages.items())[:MAX_NAMED_FIELDS])
    more = f"; and {len(messages) - MAX_NAMED_FIELDS} more in `errors`" if len(messages) > MAX_NAMED_FIELDS else ""
    return problem(422, f"the request body failed validation: {named}{more}", slug="validation", errors=messages)


def field_messages(error: ValidationError) -> dict[str, list]:
    """marshmallow's messages as {"documents.0.content": [...]} ("_schema" for the body as a whole)."""
    flat: dict[str, list] = {}

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        else:
            flat[prefix or "_schema"] = value if isinstance(value, list) else [value]

    walk("", error.messages if isinstance(error.messages, dict) else {"_schema": error.messages})
    return flat


@bp.app_errorhandler(IngestError)
def _ingest(error: IngestError):
    return problem(422, error.detail, slug="unreadable-document")


@bp.app_errorhandler(redis.RedisError)
def _storage(error: redis.RedisError):
    log.error("storage unavailable", extra={"error": str(error)})
    return problem(503, "the article store (Redis) is unavailable; nothing was stored. Retry later.",
                   slug="storage-unavailable", headers={"Retry-After": "5"})


@bp.app_errorhandler(QueueUnavailable)
def _queue(error: QueueUnavailable):
    current_app.logger.warning("job queue unavailable: %s", error)
    return problem(503, "the job queue (Redis) is unavailable; no job was submitted or read. Retry later.",
                   slug="queue-unavailable", headers={"Retry-After": "5"})


@bp.app_errorhandler(HTTPException)
def _http(error: HTTPException):
    details = {
        404: f"no resource at {request.path}",
        405: f"{request.method} is not allowed on {request.path}",
        413: f"the request body is larger than the limit of {current_app.config['MAX_CONTENT_LENGTH']} bytes",
        429: f"too many requests from this client (limit: {error.description}); retry after the time in "
             "Retry-After",
    }
    headers = {}
    if error.code == 405 and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    detail = details.get(error.code) if error.description == type(error).description or error.code == 429 \
        else error.description
    return problem(error.code or 500, detail or error.description or "", headers=headers)


@bp.app_errorhandler(Exception)
def _unexpected(error: Exception):
    log.exception("unhandled error")
    return problem(500, "an unexpected error occurred; it has been logged with this request's X-Request-ID")

"""JSON log lines on stderr, each request tagged with a request id (taken from X-Request-ID or made up)."""
from __future__ import annotations

import json
import logging
import sys
import time
import uuid

from flask import Flask, g, has_request_context, request

RESERVED = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        """The record as one JSON line: time, level, logger, message, request id and the extra fields."""
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and "request_id" in g:
            entry["request_id"] = g.request_id
        entry.update({k: v for k, v in record.__dict__.items() if k not in RESERVED and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_as_json(level: str) -> None:
    """The service's loggers write JSON lines to stderr (the API processes, and `serve` itself)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("service")
    root.handlers = [handler]
    root.setLevel(level.upper())
    root.propagate = False


def init_app(app: Flask) -> None:
    """JSON logs at the configured level, and an access line per request tagged with its X-Request-ID."""
    log_as_json(app.config["SETTINGS"].log_level)
    access = logging.getLogger("service.access")

    @app.before_request
    def _start() -> None:
        g.request_id = (request.headers.get("X-Request-ID") or uuid.uuid4().hex)[:64]
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response):
        response.headers["X-Request-ID"] = g.get("request_id", "")
        access.info("request", extra={
            "method": request.method, "path": request.path, "status": response.status_code,
            "duration_ms": round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 2),
        })
        return response

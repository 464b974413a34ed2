"""The error a view raises for something a client can fix (or wait out); the API renders it as problem+json
(RFC 9457, service/api/errors.py). Neutral, so that security and the views both raise it without importing
each other."""
from __future__ import annotations


class ApiProblem(Exception):
    """Raised by views for an error a client can fix (or wait out); rendered as problem+json."""

    def __init__(self, status: int, detail: str, *, slug: str | None = None, errors: dict | None = None,
                 headers: dict | None = None):
        super().__init__(detail)
        self.status, self.detail, self.slug, self.errors, self.headers = status, detail, slug, errors, headers

"""The comparison page and the interactive API docs: plain HTML/CSS/JS files shipped in this package (no build
step, no CDN). The page talks to the service only through the public API; the docs page renders
/openapi.yaml with the offline Swagger UI assets of the `swagger-ui-bundle` package."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, send_from_directory
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("web", __name__)

STATIC = Path(__file__).resolve().parent / "static"
SWAGGER_UI = Path(str(swagger_ui_path))
# Only the Swagger UI files /docs uses (its bundled index.html and initializer point at an external demo spec).
SWAGGER_FILES = {"swagger-ui.css", "swagger-ui.css.map", "swagger-ui-bundle.js", "swagger-ui-bundle.js.map",
                 "favicon-16x16.png", "favicon-32x32.png"}
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
}
# Everything comes from this origin; scripts only from files (no inline script, no eval).
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
               "form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets inline style attributes.
DOCS_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@bp.get("/")
def page():
    """The single-page web client."""
    return _send(STATIC, "index.html", policy=PAGE_POLICY)


@bp.get("/docs")
def docs():
    """The API documentation page (Swagger UI over openapi.yaml)."""
    return _send(STATIC, "docs.html", policy=DOCS_POLICY)


@bp.get("/static/web/<filename>")
def asset(filename: str):
    """A static file of the web client."""
    return _send(STATIC, filename)


@bp.get("/static/web/seeds/<filename>")
def seed(filename: str):
    """One of the seed documents the web client offers to compare."""
    return _send(STATIC / "seeds", filename)


@bp.get("/static/swagger-ui/<filename>")
def swagger_asset(filename: str):
    """One of Swagger UI's files, from the installed package; only the ones the docs page uses."""
    if filename not in SWAGGER_FILES:
        abort(404)
    return _send(SWAGGER_UI, filename)


def _send(directory: Path, filename: str, *, policy: str | None = None):
    content_type = CONTENT_TYPES.get(Path(filename).suffix.lower())
    if content_type is None:
        abort(404)
    response = send_from_directory(directory, filename, mimetype=content_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    if policy:
        response.headers["Content-Security-Policy"] = policy
    return response

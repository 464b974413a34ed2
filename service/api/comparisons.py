"""/v1/comparisons: align articles (stored ids, inline documents or uploaded files) into facts; cached."""
from __future__ import annotations

import json
import threading
from collections import OrderedDict

from flask import Blueprint, Response, current_app, request, url_for

from .. import redis_client
from ..comparing import Backends, Wanted, answer_comparison, check_count
from ..metrics import record_comparison
from ..report import render_markdown
from ..security import writes_allowed
from .articles import documents_from_request
from .body import json_body
from .errors import ApiProblem
from .jobs import accepted
from .schemas import comparison_options, comparison_request

bp = Blueprint("comparisons", __name__, url_prefix="/v1/comparisons")
VALIDATED_REQUESTS = "validated_comparison_requests"


@bp.record_once
def _remember_validated_requests(state) -> None:
    state.app.extensions[VALIDATED_REQUESTS] = ValidatedRequests()


@bp.post("")
def create_comparison():
    """Compare stored articles, inline documents or uploaded files: from the cache, computed, or a job (202)."""
    answer = answer_comparison(_wanted(), _backends(), current_app.config["SETTINGS"], may_store=writes_allowed())
    record_comparison(cached=answer.cached, articles=answer.articles, sentences=answer.sentences)
    if answer.job is not None:
        return accepted(answer.job)
    if answer.raw is not None:
        return _respond_raw(answer.raw, answer.id)
    return _respond(answer.result, cached=False)


@bp.get("/<comparison_id>")
def get_comparison(comparison_id: str):
    """A cached comparison: 410 when one of its articles was deleted, 404 when unknown or expired."""
    cache = redis_client.comparisons()
    raw = cache.get_raw(comparison_id)
    if raw is None:
        deleted = cache.gone_because(comparison_id)
        if deleted:
            raise ApiProblem(410, f"comparison {comparison_id!r} included article {deleted!r}, which has been "
                                  "deleted; compare the remaining articles again", slug="comparison-gone")
        raise ApiProblem(404, f"no comparison {comparison_id!r}: unknown, or expired from the cache "
                              "(post the articles again to recompute it)", slug="comparison-not-found")
    return _respond_raw(raw, comparison_id)


class ValidatedRequests:
    """Bodies of recent comparison requests naming stored articles, with what validating them gave: a frontend
    or a script that posts the same comparison again is answered without parsing and validating it again."""

    def __init__(self, *, size: int = 1024, max_body: int = 4096):
        self.size, self.max_body = size, max_body
        self.known: OrderedDict[bytes, tuple[tuple[str, ...], dict]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, body: bytes):
        """The ids and options this exact body gave when it was validated, or None."""
        with self.lock:
            entry = self.known.get(body)
            if entry is not None:
                self.known.move_to_end(body)
            return entry

    def put(self, body: bytes, ids: list[str], payload: dict) -> None:
        """Remember a small body's ids and options; past `size`, the least recently used goes."""
        if len(body) > self.max_body:
            return
        with self.lock:
            self.known[body] = (tuple(ids), payload)
            if len(self.known) > self.size:
                self.known.popitem(last=False)


def _stored_ids_and_options():
    """For a JSON request naming stored articles: the distinct ids and the options; else (None, None)."""
    if request.mimetype != "application/json":
        return None, None
    validated = current_app.extensions[VALIDATED_REQUESTS]
    body = request.get_data()
    known = validated.get(body)
    if known is not None:
        return list(known[0]), known[1]
    payload = comparison_request.load(json_body())
    if not payload.get("articles"):
        return None, payload
    ids = list(dict.fromkeys(payload["articles"]))
    settings = current_app.config["SETTINGS"]
    check_count(payload["articles"], settings.max_documents, stored_limit=settings.max_job_documents)
    validated.put(body, ids, payload)
    return ids, payload


def _wanted() -> Wanted:
    """The comparison a request asks for: stored ids or inline documents (JSON), or uploaded files."""
    stored_ids, payload = _stored_ids_and_options()
    if request.mimetype == "multipart/form-data":
        documents = documents_from_request()
        options = comparison_options.load({k: request.form[k] for k in ("min_confidence", "threshold", "min_outlets")
                                            if k in request.form})
        return Wanted(options, documents=documents)
    if request.mimetype != "application/json":
        raise ApiProblem(415, "send application/json ({\"articles\": [ids]} or {\"documents\": [...]}) or "
                              "multipart/form-data files", slug="unsupported-media-type")
    if stored_ids is not None:
        return Wanted(payload["options"], stored_ids=stored_ids)
    return Wanted(payload["options"], documents=payload["documents"], indexed=True)


def _backends() -> Backends:
    return Backends(cache=redis_client.comparisons(), articles=redis_client.articles(),
                    corrections=redis_client.corrections(), jobs=redis_client.jobs())


def _respond_raw(raw: bytes, comparison: str):
    """A cached comparison (cached under its id), answered from its stored bytes (JSON is not decoded unless a
    report is wanted)."""
    if _wants_markdown() or request.method == "GET" and f'"{comparison}"' in request.headers.get("If-None-Match", ""):
        return _respond(json.loads(raw), cached=True)
    body = b'{"cached": true, ' + raw[1:]
    return Response(body, mimetype="application/json", headers=_headers(comparison))


def _headers(comparison: str) -> dict:
    return {"ETag": f'"{comparison}"', "Vary": "Accept",
            "Location": url_for("comparisons.get_comparison", comparison_id=comparison)}


def _respond(result: dict, *, cached: bool):
    etag = f'"{result["id"]}"'
    headers = _headers(result["id"])
    if request.method == "GET" and etag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers=headers)
    if _wants_markdown():
        return Response(render_markdown(result), mimetype="text/markdown", headers=headers)
    return {**{"id": result["id"], "cached": cached}, **result}, 200, headers


def _wants_markdown() -> bool:
    if request.args.get("format") in ("md", "markdown"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/markdown"], default="application/json")
    return best == "text/markdown" and request.accept_mimetypes["text/markdown"] > request.accept_mimetypes[
        "application/json"]

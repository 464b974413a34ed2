"""/v1/comparisons: align articles (stored ids, inline documents or uploaded files) into facts; cached."""
from __future__ import annotations

import json
import logging
import threading
from collections import Counter, OrderedDict

import redis
from flask import Blueprint, Response, current_app, g, request, url_for

from .. import redis_client
from ..comparing import comparison_key, corrections_version, run_comparison
from ..comparison import align_params
from ..ingest import parse_document
from ..metrics import record_comparison
from ..report import render_markdown
from ..security import writes_allowed
from .articles import documents_from_request, stored_articles
from .body import json_body
from .errors import ApiProblem
from .jobs import accepted, unavailable
from .schemas import comparison_options, comparison_request

bp = Blueprint("comparisons", __name__, url_prefix="/v1/comparisons")
log = logging.getLogger(__name__)
VALIDATED_REQUESTS = "validated_comparison_requests"


@bp.record_once
def _remember_validated_requests(state) -> None:
    state.app.extensions[VALIDATED_REQUESTS] = ValidatedRequests()


@bp.post("")
def create_comparison():
    stored_ids, payload = _stored_ids_and_options()
    if stored_ids is not None:  # stored articles: a cached answer needs only their ids
        key = _key(stored_ids, payload["options"])
        raw = _cache_get(key)
        if raw is not None:
            record_comparison(cached=True, articles=len(stored_ids), sentences=0)
            return _respond_raw(raw, key)
    articles, options = _articles_and_options(stored_ids, payload)
    key = _key([a.id for a in articles], options)
    raw = _cache_get(key) if stored_ids is None else None  # stored ids were looked up above
    if raw is not None:
        record_comparison(cached=True, articles=len(articles), sentences=0)
        return _respond_raw(raw, key)
    if _runs_as_job(articles):
        return _submit(key, articles, options, stored=stored_ids is not None)
    result = run_comparison(articles, options, store=redis_client.corrections(), version=_version())
    _cache_put(result["id"], result)
    record_comparison(cached=False, articles=len(articles), sentences=sum(len(a.sentences) for a in articles))
    return _respond(result, cached=False)


@bp.get("/<comparison_id>")
def get_comparison(comparison_id: str):
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


def _runs_as_job(articles) -> bool:
    settings = current_app.config["SETTINGS"]
    return (len(articles) > settings.job_min_articles
            or sum(len(a.sentences) for a in articles) > settings.job_min_sentences)


def _submit(key: str, articles, options: dict, *, stored: bool):
    """A large comparison goes to a worker: 202 with the job, whose result lands in the comparison cache."""
    options = {"min_confidence": align_params(options).min_confidence, "min_outlets": options["min_outlets"],
               "corrections": _version()}
    source = {"article_ids": [a.id for a in articles]} if stored else {"articles": [a.to_dict() for a in articles]}
    try:
        job = redis_client.jobs().submit_comparison(key, options=options, **source)
    except redis.RedisError as error:
        raise unavailable(error) from None
    record_comparison(cached=False, articles=len(articles), sentences=sum(len(a.sentences) for a in articles))
    return accepted(job)


def _key(article_ids: list[str], options: dict) -> str:
    return comparison_key(article_ids, options, _version())


def _version() -> str | None:
    """The corrections' state, read once per request (none when Redis is down: the answer is computed without
    corrections and not cached)."""
    if "corrections_version" not in g:
        try:
            g.corrections_version = corrections_version(redis_client.corrections())
        except redis.RedisError as error:
            log.warning("corrections unavailable", extra={"error": str(error)})
            g.corrections_version = None
    return g.corrections_version


class ValidatedRequests:
    """Bodies of recent comparison requests naming stored articles, with what validating them gave: a frontend
    or a script that posts the same comparison again is answered without parsing and validating it again."""

    def __init__(self, *, size: int = 1024, max_body: int = 4096):
        self.size, self.max_body = size, max_body
        self.known: OrderedDict[bytes, tuple[tuple[str, ...], dict]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, body: bytes):
        with self.lock:
            entry = self.known.get(body)
            if entry is not None:
                self.known.move_to_end(body)
            return entry

    def put(self, body: bytes, ids: list[str], payload: dict) -> None:
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
    _check_count(payload["articles"], settings.max_documents, stored_limit=settings.max_job_documents)
    validated.put(body, ids, payload)
    return ids, payload


def _articles_and_options(stored_ids, payload):
    settings = current_app.config["SETTINGS"]
    parsed = True
    if request.mimetype == "multipart/form-data":
        documents = documents_from_request()
        options = comparison_options.load({k: request.form[k] for k in ("min_confidence", "threshold", "min_outlets")
                                            if k in request.form})
        articles = [parse_document(**doc) for doc in documents]
    else:
        if request.mimetype != "application/json":
            raise ApiProblem(415, "send application/json ({\"articles\": [ids]} or {\"documents\": [...]}) or "
                                  "multipart/form-data files", slug="unsupported-media-type")
        options = payload["options"]
        if stored_ids is not None:
            articles, parsed = stored_articles(stored_ids), False
        else:
            _check_count(range(len(payload["documents"])), settings.max_documents)
            articles = [_parse_indexed(i, d) for i, d in enumerate(payload["documents"])]
    stored = stored_ids is not None
    _check_count([a.id for a in articles], settings.max_documents,
                 stored_limit=settings.max_job_documents if stored else None)
    articles = list({a.id: a for a in articles}.values())
    sentences = sum(len(a.sentences) for a in articles)
    sentence_limit = settings.max_job_sentences if stored else settings.max_sentences
    if sentences > sentence_limit:
        raise ApiProblem(422, f"the articles have {sentences} sentences; the limit per comparison is "
                              f"{sentence_limit}", slug="too-many-sentences")
    if parsed:
        _store_quietly(articles)
    return articles, options


def _check_count(ids, limit: int, *, stored_limit: int | None = None) -> None:
    """From 2 to `limit` distinct articles; stored articles (named by id) up to `stored_limit`, compared as a job.
    A list too short only because it names one article twice (or holds identical documents) says so."""
    ids = list(ids)
    count, upper = len(set(ids)), max(limit, stored_limit or 0)
    if 2 <= count <= upper:
        return
    also = f" (stored articles named by id: up to {stored_limit}, compared as a job)" if stored_limit else ""
    repeated = [str(i) for i, times in Counter(ids).items() if times > 1]
    got = (f"got {len(ids)}, but they are duplicates: {', '.join(repeated)} comes more than once (the same "
           "document always gets the same id)" if repeated and count < 2 else f"got {count}")
    raise ApiProblem(422, f"a comparison takes from 2 to {limit} distinct articles{also}; {got}",
                     slug="article-count", errors={"articles": [f"between 2 and {upper} distinct articles"]})


def _parse_indexed(index: int, document: dict):
    from ..ingest import IngestError

    try:
        return parse_document(**document)
    except IngestError as error:
        raise ApiProblem(422, f"document {index}: {error.detail}", slug="unreadable-document",
                         errors={f"documents.{index}": [error.detail]}) from None


def _store_quietly(articles) -> None:
    """Documents compared inline are kept like ingested ones, when the store is up (and writes allowed)."""
    if not writes_allowed():
        return
    try:
        for article in articles:
            redis_client.articles().save(article)
    except redis.RedisError as error:
        log.warning("could not store compared articles", extra={"error": str(error)})


def _cache_get(key: str) -> bytes | None:
    try:
        return redis_client.comparisons().get_raw(key)
    except redis.RedisError as error:
        log.warning("comparison cache unavailable", extra={"error": str(error)})
        return None


def _cache_put(key: str, result: dict) -> None:
    try:
        redis_client.comparisons().put(key, result)
    except redis.RedisError as error:
        log.warning("comparison not cached", extra={"error": str(error)})


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

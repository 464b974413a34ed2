"""/v1/events: group stored articles into events (the same happening), reposts recognised.

A list of ids is grouped at once; a corpus query (`since`, `until`, `outlets`) goes to a worker (202 with the
job), whose grouping is then read at /v1/events/{id}."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from .. import redis_client
from ..events import group_events
from ..ingest.dates import parse_date
from ..outages import queue_step
from .articles import stored_articles
from .body import json_body
from .errors import ApiProblem
from .jobs import accepted
from .schemas import events_request

bp = Blueprint("events", __name__, url_prefix="/v1/events")


@bp.post("")
def create_events():
    """Group the named stored articles into events at once, or submit a corpus query as a job (202)."""
    if request.mimetype != "application/json":
        raise ApiProblem(415, 'send application/json: {"articles": [ids]} or {"since": ..., "until": ..., '
                              '"outlets": [...]}', slug="unsupported-media-type")
    settings = current_app.config["SETTINGS"]
    payload = events_request.load(json_body())
    if not payload.get("articles"):
        return _submit_corpus(payload)
    ids = list(dict.fromkeys(payload["articles"]))
    if len(ids) > settings.max_documents:
        raise ApiProblem(422, f"at most {settings.max_documents} articles per request; got {len(ids)} (a corpus "
                              "query takes more)", slug="article-count",
                         errors={"articles": [f"at most {settings.max_documents}"]})
    articles = stored_articles(ids)
    return {"events": group_events(articles)}


@bp.get("/<events_id>")
def get_events(events_id: str):
    """A finished corpus grouping as stored: 410 when one of its articles was deleted, else 404."""
    cache = redis_client.events()
    raw = cache.get_raw(events_id)
    if raw is None:
        deleted = cache.gone_because(events_id)
        if deleted:
            raise ApiProblem(410, f"event grouping {events_id!r} included article {deleted!r}, which has been "
                                  "deleted; run the corpus query again", slug="events-gone")
        raise ApiProblem(404, f"no event grouping {events_id!r}: unknown, not finished yet (see its job), or "
                              "expired", slug="events-not-found")
    return Response(raw, mimetype="application/json")


def _submit_corpus(payload: dict):
    settings = current_app.config["SETTINGS"]
    query = {"since": parse_date(payload.get("since")), "until": parse_date(payload.get("until")),
             "outlets": list(dict.fromkeys(payload.get("outlets") or [])) or None}
    with queue_step():  # counting the corpus is part of submitting its job
        store = redis_client.articles()
        store.ensure_published_index()
        count = len(store.published_ids(**query))
    if count > settings.max_corpus_articles:
        raise ApiProblem(422, f"the query selects {count} stored articles; the limit per grouping is "
                              f"{settings.max_corpus_articles} (narrow `since`/`until` or `outlets`)",
                         slug="corpus-too-large")
    return accepted(redis_client.jobs().submit_events(query))

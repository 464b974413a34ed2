"""/v1/events: group stored articles into events (the same happening), reposts recognised."""
from __future__ import annotations

from flask import Blueprint, current_app, request

from ..events import group_events
from .comparisons import _stored
from .errors import ApiProblem
from .schemas import EventsRequest

bp = Blueprint("events", __name__, url_prefix="/v1/events")


@bp.post("")
def create_events():
    if request.mimetype != "application/json":
        raise ApiProblem(415, 'send application/json: {"articles": [ids]}', slug="unsupported-media-type")
    settings = current_app.config["SETTINGS"]
    ids = list(dict.fromkeys(EventsRequest().load(request.get_json())["articles"]))
    if len(ids) > settings.max_documents:
        raise ApiProblem(422, f"at most {settings.max_documents} articles per request; got {len(ids)}",
                         slug="article-count", errors={"articles": [f"at most {settings.max_documents}"]})
    articles = _stored(ids)
    return {"events": group_events(articles)}

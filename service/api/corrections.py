"""Reviewers' corrections: POST /v1/comparisons/{id}/corrections, GET /v1/corrections (paged),
DELETE /v1/corrections/{id}, GET /v1/corrections/export (labelled sentence pairs, JSON Lines)."""
from __future__ import annotations

import json
import secrets
import time
from datetime import datetime, timezone

from flask import Blueprint, Response, current_app, url_for

from .. import redis_client
from ..comparing import run_comparison
from ..correction_plans import CorrectionError, plan
from ..outages import queue_step
from ..security import reviewer
from .body import json_body, load_query
from .errors import ApiProblem
from .schemas import correction_query, correction_request

bp = Blueprint("corrections", __name__)


@bp.post("/v1/comparisons/<comparison_id>/corrections")
def create_correction(comparison_id: str):
    """Record a correction of a cached comparison; answer with the comparison recomputed under it."""
    payload = correction_request.load(json_body())
    raw = redis_client.comparisons().get_raw(comparison_id)
    if raw is None:
        raise ApiProblem(404, f"no comparison {comparison_id!r} to correct: unknown or expired from the cache "
                              "(compare the articles again, then correct that comparison)", slug="comparison-not-found")
    comparison = json.loads(raw)
    try:
        pairs = plan(comparison, payload["operations"])
    except CorrectionError as error:
        raise ApiProblem(422, error.detail, slug="invalid-correction",
                         errors={f"operations.{error.operation}": [error.detail]}) from None
    now = datetime.now(timezone.utc)
    record = {"id": secrets.token_hex(8), "comparison": comparison_id, "who": reviewer(), "note": payload["note"],
              "created_at": now.isoformat(timespec="seconds").replace("+00:00", "Z"), "created_ts": time.time(),
              "operations": payload["operations"], "articles": [a["id"] for a in comparison["articles"]],
              "pairs": pairs}
    store = _store()
    with queue_step():  # answered as the job queue's failure, as it always was
        version = store.add(record)
    corrected = _recompute(comparison, version)
    body = {"correction": _public(record), "comparison": corrected}
    headers = {"Location": url_for("corrections.list_corrections")}
    if corrected:
        headers["Content-Location"] = url_for("comparisons.get_comparison", comparison_id=corrected)
    return body, 201, headers


@bp.get("/v1/corrections")
def list_corrections():
    """Recorded corrections, a page at a time, optionally of one article or one reviewer."""
    query = load_query(correction_query)
    per_page = query["per_page"] or 50
    records, total = _store().page(page=query["page"], per_page=per_page, article=query["article"],
                                   who=query["who"])
    return {"corrections": [_public(r) for r in records], "page": query["page"], "per_page": per_page,
            "total": total}


@bp.delete("/v1/corrections/<correction_id>")
def delete_correction(correction_id: str):
    """Withdraw a correction (204): comparisons computed afterwards no longer apply it."""
    if not _store().delete(correction_id):
        raise ApiProblem(404, f"no correction {correction_id!r}: list them at /v1/corrections",
                         slug="correction-not-found")
    return Response(status=204)


@bp.get("/v1/corrections/export")
def export_corrections():
    """Every correction's sentence pairs, one JSON document a line, in the shape of the gold sets."""
    lines = []
    for record in _store().all():
        for pair in record["pairs"]:
            lines.append(json.dumps({"a": {"text": pair["a"]}, "b": {"text": pair["b"]}, "label": pair["label"],
                                     "correction": record["id"], "who": record["who"], "note": record["note"],
                                     "created_at": record["created_at"]}, ensure_ascii=False))
    return Response("".join(line + "\n" for line in lines), mimetype="application/x-ndjson")


def _recompute(comparison: dict, version: str) -> str | None:
    """The comparison of the same stored articles with the corrections applied, cached; None when an article
    is no longer stored or the comparison is too large to run here (it is recomputed on the next POST)."""
    ids = [a["id"] for a in comparison["articles"]]
    settings = current_app.config["SETTINGS"]
    articles = redis_client.articles().get_many(ids)
    if any(a is None for a in articles) or len(ids) > settings.job_min_articles:
        return None
    options = {"min_confidence": comparison["options"].get("min_confidence"),
               "min_outlets": comparison["options"].get("min_outlets", 1)}
    result = run_comparison(articles, options, store=_store(), version=version)
    redis_client.comparisons().put(result["id"], result)
    return result["id"]


def _store():
    return redis_client.corrections()


def _public(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "created_ts"}

"""/v1/jobs/{id}: the status, progress and result link of a long comparison or corpus event grouping."""
from __future__ import annotations

from flask import Blueprint, current_app, url_for

from .. import redis_client
from ..jobs import describe
from .errors import ApiProblem

bp = Blueprint("jobs", __name__, url_prefix="/v1/jobs")
RESULT_ROUTES = {"comparison": ("comparisons.get_comparison", "comparison_id"),
                 "events": ("events.get_events", "events_id")}


@bp.get("/<job_id>")
def get_job(job_id: str):
    """A job's status and progress, linking its result once finished; 404 when unknown or expired."""
    job = redis_client.jobs().get(job_id)
    if job is None:
        raise ApiProblem(404, f"no job {job_id!r}: unknown, or expired (finished and failed jobs are kept for "
                              f"{current_app.config['SETTINGS'].job_result_ttl} s)", slug="job-not-found")
    return job_body(job)


def job_body(job) -> dict:
    """The Job resource, with the result as a link to where it can be read."""
    body = describe(job, current_app.config["SETTINGS"])
    result = body.pop("result")
    body["result"] = None
    if result and result.get("kind") in RESULT_ROUTES:
        endpoint, argument = RESULT_ROUTES[result["kind"]]
        body["result"] = url_for(endpoint, **{argument: result["id"]})
    return body


def accepted(job):
    """202 Accepted for a submitted job: its resource in the body, its address in Location."""
    location = url_for("jobs.get_job", job_id=job.id)
    return job_body(job), 202, {"Location": location}

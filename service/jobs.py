"""Long work as RQ jobs on the service's Redis: what the API calls to submit a large comparison or a corpus event
grouping and to read a job back, from any replica (all state is in Redis).

Workers (`python -m service worker`, service.worker) run the functions in service.tasks. A job whose worker
died is found by its expired heartbeat, by RQ's own abandoned-job handling (StartedJobRegistry.cleanup): it is
run again while it has retries left, else marked failed. Workers run that check periodically; reading a job
that looks abandoned runs it too, so a job is never left "started" when no worker is alive to notice.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

import redis
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import StartedJobRegistry
from rq.serializers import JSONSerializer

from .config import Settings
from .outages import queue_step

PENDING = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED, JobStatus.CREATED}
JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,128}")  # what RQ accepts as a job id (anything else is unknown here)
SHOWN_STATUS = {JobStatus.QUEUED: "queued", JobStatus.DEFERRED: "queued", JobStatus.SCHEDULED: "queued",
                JobStatus.CREATED: "queued", JobStatus.STARTED: "started", JobStatus.FINISHED: "finished",
                JobStatus.FAILED: "failed", JobStatus.STOPPED: "failed", JobStatus.CANCELED: "failed"}


def make_queue(client: redis.Redis, settings: Settings) -> Queue:
    """The queue the API submits to and the workers listen on (JSON payloads, not pickles)."""
    return Queue(settings.job_queue, connection=client, serializer=JSONSerializer)


class JobQueue:
    """Submitting and reading jobs; a Redis failure in either is QueueUnavailable (the API's 503)."""

    def __init__(self, client: redis.Redis, settings: Settings):
        self.settings = settings
        self.queue = make_queue(client, settings)

    def submit_comparison(self, key: str, *, options: dict, article_ids: list[str] | None = None,
                          articles: list[dict] | None = None) -> Job:
        """One job per comparison: while one is queued or running, submitting the same comparison returns it."""
        job_id = f"comparison-{key}"
        with queue_step():
            existing = self.get(job_id)
            if existing is not None and existing.get_status(refresh=False) in PENDING:
                return existing
            if existing is not None:
                existing.delete()
            return self._enqueue("service.tasks.run_comparison", "comparison", job_id=job_id,
                                 kwargs={"article_ids": article_ids, "articles": articles, "options": options,
                                         "cache_ttl": self.settings.comparison_ttl})

    def submit_events(self, query: dict) -> Job:
        """Queue the event grouping of the stored articles a corpus query selects."""
        with queue_step():
            return self._enqueue("service.tasks.run_events", "events",
                                 kwargs={"query": query, "cache_ttl": self.settings.comparison_ttl})

    def _enqueue(self, function: str, kind: str, *, kwargs: dict, job_id: str | None = None) -> Job:
        settings = self.settings
        return self.queue.enqueue(
            function, kwargs=kwargs, job_id=job_id, job_timeout=settings.job_timeout,
            result_ttl=settings.job_result_ttl, failure_ttl=settings.job_result_ttl,
            retry=Retry(max=settings.job_retries) if settings.job_retries > 0 else None,
            meta={"kind": kind, "attempts": 0, "progress": {"done": 0, "total": None, "stage": "queued"}},
            description=f"{kind} ({len(kwargs.get('article_ids') or kwargs.get('articles') or []) or 'corpus'})")

    def get(self, job_id: str) -> Job | None:
        """The job, after letting RQ settle it if its worker stopped sending heartbeats."""
        if not JOB_ID.fullmatch(job_id):
            return None
        with queue_step():
            try:
                job = Job.fetch(job_id, connection=self.queue.connection, serializer=JSONSerializer)
            except NoSuchJobError:
                return None
            if job.get_status(refresh=False) == JobStatus.STARTED and self._abandoned(job):
                self._reap_abandoned()
                job.refresh()
            return job

    def _abandoned(self, job: Job) -> bool:
        registry = StartedJobRegistry(queue=self.queue)
        return job.id in registry.get_expired_job_ids()

    def _reap_abandoned(self) -> None:
        """RQ's abandoned-job handling, under the same lock its workers take for it."""
        if not self.queue.acquire_maintenance_lock():
            return
        try:
            StartedJobRegistry(queue=self.queue).cleanup()
        finally:
            self.queue.release_maintenance_lock()


def describe(job: Job, settings: Settings) -> dict:
    """What GET /v1/jobs/{id} shows: status, progress, attempts, times, the error, and what it produced."""
    status = job.get_status(refresh=False)
    meta = job.meta or {}
    progress = dict(meta.get("progress") or {"done": 0, "total": None, "stage": None})
    result = job.return_value() if status == JobStatus.FINISHED else None
    return {
        "id": job.id,
        "kind": meta.get("kind"),
        "status": SHOWN_STATUS.get(status, "queued"),
        "progress": {"done": progress.get("done", 0), "total": progress.get("total"),
                     "stage": progress.get("stage")},
        "attempts": meta.get("attempts", 0),
        "created_at": _iso(job.created_at),
        "enqueued_at": _iso(job.enqueued_at),
        "started_at": _iso(job.started_at),
        "ended_at": _iso(job.ended_at),
        "error": _error(job, status, meta, settings),
        "result": result if isinstance(result, dict) else None,
    }


def _error(job: Job, status, meta: dict, settings: Settings) -> str | None:
    if status == JobStatus.STOPPED:
        return "the job was stopped before it finished"
    if status == JobStatus.CANCELED:
        return "the job was canceled"
    if status != JobStatus.FAILED:
        return None
    latest = job.latest_result()
    text = (latest.exc_string if latest is not None else None) or ""
    attempts = meta.get("attempts", 0)
    if "AbandonedJobError" in text:
        return (f"the worker running this job stopped before it finished (killed or crashed); it was tried "
                f"{attempts} time{'s' if attempts != 1 else ''}")
    if "JobTimeoutException" in text:
        return f"the job ran longer than the limit of {settings.job_timeout} s (JOB_TIMEOUT)"
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "the job failed"


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")

"""`python -m service worker`: an RQ worker on the service's queue, with the service's settings.

It pays the pipeline's one-time costs (segmenter dictionary, OpenCC, data files) before taking a job, so each
job's work horse, forked from this warm process, starts ready. Heartbeats, the grace after which a silent job
counts as abandoned, and how often an idle worker looks for abandoned jobs come from Settings (WORKER_*).
"""
from __future__ import annotations

import logging
import os
import socket
import time

import redis
from rq import SimpleWorker, Worker
from rq.job import Job
from rq.serializers import JSONSerializer

from .config import Settings
from .jobs import make_queue

log = logging.getLogger(__name__)
MAX_START_WAIT = 5.0  # seconds between attempts to reach Redis when a worker starts
RESTART_DELAY_SECONDS = 1.0  # before a worker that quit is replaced (never a busy loop)


class HeartbeatGrace:
    """RQ keeps a started job alive for one heartbeat interval plus a fixed minute; ours is configurable, so a
    killed worker's job is noticed (and retried or failed) after `heartbeat_grace` seconds. Also bounds RQ's
    reconnection back-off (below)."""

    heartbeat_grace = 60
    max_connection_wait_time = 5.0  # RQ's back-off while Redis is away stops growing here (its default is 60 s),
    # so a worker takes jobs again within seconds of Redis coming back

    def get_heartbeat_ttl(self, job: Job, working_time: float = 0.0) -> int:
        """Seconds a started job stays alive without a heartbeat: the interval plus our grace, not RQ's minute."""
        interval = self.job_monitoring_interval
        if job.timeout and job.timeout > 0:
            interval = min(job.timeout - working_time, interval)
        return int(interval) + self.heartbeat_grace


class NewsWorker(HeartbeatGrace, Worker):
    """Forks a work horse per job (a job's memory is returned when it ends); the default."""


class InlineWorker(HeartbeatGrace, SimpleWorker):
    """Runs jobs in its own process: for tests and for platforms without fork."""


def build_worker(client: redis.Redis, settings: Settings, *, worker_class: type[Worker] = NewsWorker,
                 generation: int = 0) -> Worker:
    """An RQ worker on the service's queue, with the configured heartbeat, grace and maintenance intervals;
    `generation` numbers the workers one process has started (a replacement must not take its predecessor's name,
    which Redis may still hold)."""
    worker = worker_class(
        [make_queue(client, settings)], connection=client, serializer=JSONSerializer,
        name=f"{socket.gethostname()}.{os.getpid()}" + (f".{generation}" if generation else ""),
        job_monitoring_interval=settings.worker_heartbeat,
        maintenance_interval=settings.worker_maintenance,
        worker_ttl=settings.worker_maintenance + 15,  # an idle worker wakes up this often minus 15 s
    )
    worker.heartbeat_grace = settings.worker_grace
    return worker


def connected_worker(client: redis.Redis, settings: Settings, *, worker_class: type[Worker] = NewsWorker,
                     max_wait: float = MAX_START_WAIT, generation: int = 0) -> Worker:
    """build_worker, waiting for Redis while it is away (restarting, not up yet): a worker that starts while the
    embedded Redis restarts would otherwise die, and nothing starts it again."""
    wait = 0.5
    while True:
        try:
            return build_worker(client, settings, worker_class=worker_class, generation=generation)
        except redis.ConnectionError as error:
            log.warning("worker waiting for Redis", extra={"error": str(error), "retry_in_s": wait})
            time.sleep(wait)
            wait = min(wait * 2, max_wait)


def run_worker(settings: Settings, *, burst: bool = False) -> int:
    """Warm up, then work on the queue until stopped (SIGTERM finishes the current job first)."""
    from .warmup import warm_up

    if not settings.redis_url:
        raise SystemExit("set REDIS_URL to the Redis the API uses (`python -m service serve` does it for you)")
    warm_up()
    client = redis.Redis.from_url(settings.redis_url)
    return keep_working(client, settings, burst=burst)


def keep_working(client: redis.Redis, settings: Settings, *, burst: bool = False,
                 worker_class: type[Worker] = NewsWorker) -> int:
    """Work until asked to stop (or, in burst mode, until the queue is empty). RQ gives up when Redis goes away
    outside its wait for a job (its suspension check, its maintenance): such a worker is replaced, under a new
    name, once Redis is back, so the service's jobs keep running without anyone restarting it."""
    generation = 0
    while True:
        worker = connected_worker(client, settings, worker_class=worker_class, generation=generation)
        log.info("worker ready", extra={"worker": worker.name, "queue": settings.job_queue})
        print(f"worker {worker.name} listening on queue {settings.job_queue!r}", flush=True)
        worker.work(burst=burst, logging_level=settings.log_level.upper())
        if burst or _asked_to_stop(worker):
            return 0
        log.warning("worker quit without being asked to; starting another", extra={"worker": worker.name})
        time.sleep(RESTART_DELAY_SECONDS)
        generation += 1


def _asked_to_stop(worker: Worker) -> bool:
    """SIGINT or SIGTERM reached the worker: RQ notes when (idle or busy) before it stops."""
    return worker._shutdown_requested_date is not None or worker._stop_requested

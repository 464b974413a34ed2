"""Scale-out end to end: two API replicas (gunicorn) and two `python -m service worker` processes on one real
Redis. A job submitted through one replica is read through the other; a worker killed with SIGKILL mid-job
(with its work horse) leaves a job that runs again on the other worker, and when that one is killed too, the
job is reported failed with a clear error instead of staying "started". Heartbeats and grace are short here
(WORKER_HEARTBEAT=1, WORKER_GRACE=2) so the kills are noticed in seconds."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from rq import Worker
from rq.job import Job
from rq.serializers import JSONSerializer

from service.embedded import start_embedded_redis

from .conftest import ROOT, seed_bytes
from .test_e2e_gunicorn import free_port

READY_TIMEOUT = 60


def call(port, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), error.headers


def wait_for(condition, what, timeout=30.0, every=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    pytest.fail(f"timed out waiting for {what}")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def long_documents(count=36):
    """Documents mixing the seeds' sentences (each its own outlet): a comparison that takes a few seconds."""
    rng = random.Random(5)
    lines = [line for p in ("000", "001", "002", "003", "004") for line in seed_bytes(p).decode().splitlines()
             if len(line) > 30]
    return [{"content": "\n\n".join(rng.sample(lines, 60)), "outlet": f"outlet{k}",
             "published_at": "2024-04-26T08:00:00+00:00", "title": f"第{k}篇"} for k in range(count)]


@pytest.fixture
def cluster(tmp_path):
    """One Redis, two API replicas, two workers; everything stopped at the end."""
    server = start_embedded_redis(tmp_path / "redis", appendonly=False)
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PROMETHEUS_MULTIPROC_DIR")}
    env.update(REDIS_URL=server.url, JOB_MIN_ARTICLES="1", JOB_RETRIES="1", WORKER_HEARTBEAT="1",
               WORKER_GRACE="2", WORKER_MAINTENANCE="1", RATE_LIMIT="", COMPARISON_RATE_LIMIT="",
               LOG_LEVEL="WARNING")
    processes, ports = {}, [free_port(), free_port()]
    for k, port in enumerate(ports):
        processes[f"api{k}"] = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "service.wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
    for k in range(2):
        processes[f"worker{k}"] = subprocess.Popen(
            [sys.executable, "-m", "service", "worker"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
    connection = redis.Redis.from_url(server.url)
    try:
        wait_for(lambda: all(_ready(port) for port in ports), "the API replicas", READY_TIMEOUT, 0.2)
        wait_for(lambda: len(Worker.all(connection=connection)) == 2, "two workers", READY_TIMEOUT, 0.2)
        yield ports, connection, processes
    finally:
        for process in processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        server.stop()


def _ready(port) -> bool:
    try:
        return call(port, "GET", "/readyz")[0] == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def test_replicas_share_jobs_and_a_killed_worker_never_leaves_a_job_started(cluster):
    (first, second), connection, processes = cluster

    # a job submitted through one replica is read, and its result fetched, through the other
    ids = [call(first, "POST", "/v1/articles", {"content": seed_bytes(p).decode()})[1]["id"] for p in ("000", "001")]
    status, job, headers = call(first, "POST", "/v1/comparisons", {"articles": ids})
    assert status == 202
    done = wait_for(lambda: (body := call(second, "GET", headers["Location"])[1])["status"] == "finished" and body,
                    "the small job")
    status, comparison, _ = call(second, "GET", done["result"])
    assert status == 200 and comparison["outlets"] == ["dw", "nyt"]

    # a longer job: kill the worker running it (and its work horse) as soon as it has started
    status, job, headers = call(first, "POST", "/v1/comparisons", {"documents": long_documents()})
    assert status == 202

    def running(attempt):
        fetched = Job.fetch(job["id"], connection=connection, serializer=JSONSerializer)
        if fetched.get_status() == "started" and fetched.meta.get("attempts") == attempt and fetched.worker_name:
            return int(fetched.worker_name.rsplit(".", 1)[1])
        return None

    def kill(pid):
        for victim in [pid, *children(pid)]:
            os.kill(victim, signal.SIGKILL)
        name = next(n for n, p in processes.items() if p.pid == pid)
        processes[name].wait()
        return name

    killed = kill(wait_for(lambda: running(1), "the long job to start", every=0.02))
    # RQ notices the silent job, runs it again on the worker still alive...
    retried = wait_for(lambda: running(2), "the job to run again on the other worker", every=0.02)
    assert processes[killed].pid != retried
    assert call(second, "GET", headers["Location"])[1]["status"] == "started"
    # ...and with that worker killed too, no worker is left: reading the job through a replica settles it
    kill(retried)
    failed = wait_for(lambda: (body := call(second, "GET", headers["Location"])[1])["status"] == "failed" and body,
                      "the job to be marked failed", every=0.2)
    assert failed["attempts"] == 2 and failed["result"] is None
    assert "worker running this job stopped before it finished" in failed["error"]
    assert call(first, "GET", headers["Location"])[1]["status"] == "failed"

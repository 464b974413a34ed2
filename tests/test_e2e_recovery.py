"""End to end through `python -m service serve` (what `make run` starts): the service recovers by itself when its
Redis goes away and comes back (the embedded one restarted by the supervisor, or an external REDIS_URL), with
every acknowledged article kept and job workers working again; and a second run started right after a stop waits
for the first one's Redis instead of failing."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.error
import urllib.request

from service.embedded import PIDFILE, PREVIOUS_SERVER_WAIT_SECONDS, start_embedded_redis

from .conftest import seed_bytes
from .test_e2e_gunicorn import START_TIMEOUT, free_port, get, start, stop

RECOVERY_SECONDS = 30
SEEDS = ("000", "001", "002", "003", "004")


def post(port: int, path: str, body: bytes, content_type: str) -> tuple[int, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method="POST",
                                     headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read())


def ingest_seeds(port: int) -> list[str]:
    return [post(port, "/v1/articles", seed_bytes(p), "text/plain")[1]["id"] for p in SEEDS]


def ready_within(port: int, seconds: float) -> float | None:
    """Seconds until /readyz answers 200, or None if it does not within `seconds`."""
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        try:
            if get(port, "/readyz")[0] == 200:
                return time.monotonic() - began
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    return None


def readyz_status(port: int) -> int:
    try:
        return get(port, "/readyz")[0]
    except urllib.error.HTTPError as error:
        return error.code


def a_job_runs(port: int, timeout: float = 60) -> bool:
    """A corpus event grouping, submitted now, is finished by a job worker within `timeout`."""
    status, job = post(port, "/v1/events", json.dumps({"outlets": ["dw", "nyt"]}).encode(), "application/json")
    assert status == 202
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if get(port, f"/v1/jobs/{job['id']}")[1]["status"] == "finished":
            return True
        time.sleep(0.5)
    return False


def test_the_service_recovers_from_its_redis_killed_with_sigkill(tmp_path):
    port = free_port()
    with open(tmp_path / "stderr.log", "w") as log:
        process = start(tmp_path / "data", port, stderr=log, WEB_CONCURRENCY=1)
        try:
            ids = ingest_seeds(port)  # acknowledged: 201 each
            killed = int((tmp_path / "data" / PIDFILE).read_text())
            os.kill(killed, signal.SIGKILL)
            assert ready_within(port, RECOVERY_SECONDS) is not None
            assert int((tmp_path / "data" / PIDFILE).read_text()) != killed
            assert all(get(port, f"/v1/articles/{i}")[0] == 200 for i in ids)
            assert get(port, "/v1/articles")[1]["total"] == len(SEEDS)
            assert a_job_runs(port)  # the job worker reconnected too
        finally:
            stop(process)
    lines = [json.loads(line) for line in (tmp_path / "stderr.log").read_text().splitlines()
             if line.startswith('{"time"')]
    restarts = [line for line in lines if line["logger"] == "service.redis_supervisor"]
    assert [line["message"] for line in restarts] == ["embedded Redis stopped unexpectedly; restarting it on its data",
                                                      "embedded Redis restarted"]
    assert restarts[0]["exit"] == "killed by SIGKILL" and restarts[0]["pid"] == killed


def test_a_run_started_right_after_a_stop_waits_for_the_old_redis(tmp_path):
    first_port, second_port = free_port(), free_port()
    first = start(tmp_path, first_port)
    try:
        ids = ingest_seeds(first_port)
    finally:
        os.killpg(first.pid, signal.SIGINT)  # Ctrl-C on `make run`: the shell prompt is back at once...
        os.kill(first.pid, signal.SIGSTOP)  # ...while the old run is still stopping (held there, to be sure)
    threading.Timer(3.0, os.kill, (first.pid, signal.SIGCONT)).start()
    with open(tmp_path / "second.log", "w") as log:
        # the user runs it again: it may wait for the old Redis (PREVIOUS_SERVER_WAIT_SECONDS), then starts as usual
        second = start(tmp_path, second_port, stderr=log, timeout=PREVIOUS_SERVER_WAIT_SECONDS + START_TIMEOUT)
    try:
        first.wait(timeout=30)
        assert all(get(second_port, f"/v1/articles/{i}")[0] == 200 for i in ids)
    finally:
        stop(second)
    assert "for the embedded Redis (pid " in (tmp_path / "second.log").read_text()


def test_the_service_reconnects_to_an_external_redis_that_comes_back(tmp_path):
    external = start_embedded_redis(tmp_path / "external")
    port = free_port()
    process = start(tmp_path / "unused", port, REDIS_URL=external.url, WEB_CONCURRENCY=1)
    try:
        ids = ingest_seeds(port)
        external.stop()
        assert readyz_status(port) == 503
        external = start_embedded_redis(tmp_path / "external")  # the same server, back on its socket and data
        assert ready_within(port, RECOVERY_SECONDS) is not None
        assert all(get(port, f"/v1/articles/{i}")[0] == 200 for i in ids)
        assert a_job_runs(port)
    finally:
        stop(process)
        external.stop()

"""The embedded Redis of `make run` comes back by itself: a server killed with SIGKILL is restarted on its data
(with back-off while restarts fail), and a start while a previous server still holds the data directory waits
for a stopping run or names the stale process and how to stop it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import redis

from service.embedded import PIDFILE, _running, start_embedded_redis
from service.redis_supervisor import RedisSupervisor

from .conftest import ROOT


def wait_until(condition, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def test_a_killed_server_is_restarted_on_its_data(tmp_path):
    supervisor = RedisSupervisor(tmp_path, first_delay=0.1)
    try:
        client = redis.Redis.from_url(supervisor.url)
        for number in range(200):
            client.set(f"acknowledged:{number}", number)
        killed = supervisor.server.process.pid
        os.kill(killed, signal.SIGKILL)  # no shutdown, no save: only what the append-only file has
        assert wait_until(lambda: supervisor.restarts == 1, timeout=10)
        assert supervisor.server.process.pid != killed and not _running(killed)
        assert [int(v) for v in client.mget([f"acknowledged:{n}" for n in range(200)])] == list(range(200))
    finally:
        supervisor.stop()
    assert supervisor.server.process.poll() is not None and supervisor.restarts == 1  # stop() is not a crash


def test_restarts_back_off_while_they_fail(tmp_path):
    attempts = []

    def flaky_start(path):
        attempts.append(time.monotonic())
        if len(attempts) in (2, 3):
            raise RuntimeError("the embedded Redis server exited at start")
        return start_embedded_redis(path)

    supervisor = RedisSupervisor(tmp_path, start=flaky_start, first_delay=0.2, max_delay=5)
    try:
        killed_at = time.monotonic()
        supervisor.server.process.kill()
        assert wait_until(lambda: supervisor.restarts == 1, timeout=10)
        waits = [later - earlier for earlier, later in zip([killed_at] + attempts[1:], attempts[1:])]
        assert len(waits) == 3 and 0.2 <= waits[0] < waits[1] < waits[2]  # 0.2 s, then 0.4 s, then 0.8 s
        assert waits[2] >= 0.8 and redis.Redis.from_url(supervisor.url).ping()
    finally:
        supervisor.stop()


def test_a_start_waits_for_the_stopping_server_of_its_directory(tmp_path, capfd):
    first = start_embedded_redis(tmp_path)
    redis.Redis.from_url(first.url).set("kept", "yes")
    threading.Timer(1.0, first.stop).start()  # a previous run, still shutting down
    began = time.monotonic()
    second = start_embedded_redis(tmp_path, wait_for_previous=15)
    try:
        assert 0.9 < time.monotonic() - began < 15
        assert f"waiting up to 15 s for the embedded Redis (pid {first.process.pid})" in capfd.readouterr().err
        assert redis.Redis.from_url(second.url).get("kept") == b"yes"
    finally:
        second.stop()


def test_a_stale_server_of_a_crashed_run_is_named_with_how_to_stop_it(tmp_path):
    crashed_run = ("import os, sys\nfrom service.embedded import start_embedded_redis\n"
                   "print(start_embedded_redis(sys.argv[1]).process.pid, flush=True)\nos._exit(1)\n")
    started = subprocess.run([sys.executable, "-c", crashed_run, str(tmp_path)], cwd=ROOT, capture_output=True,
                             text=True, timeout=30)
    stale = int(started.stdout)
    try:
        assert _running(stale) and int((tmp_path / PIDFILE).read_text()) == stale
        began = time.monotonic()
        with pytest.raises(RuntimeError) as refused:
            start_embedded_redis(tmp_path)
        assert time.monotonic() - began < 5  # its run is gone: nothing to wait for
        assert f"a Redis server (pid {stale}) left by an earlier run" in str(refused.value)
        assert f"`kill {stale}`" in str(refused.value) and "REDIS_URL=unix://" in str(refused.value)
    finally:
        os.kill(stale, signal.SIGTERM)
        assert wait_until(lambda: not _running(stale), timeout=15)

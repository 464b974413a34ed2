"""End to end: `python -m service serve` (what `make run` starts) runs gunicorn on an embedded Redis whose
data survives a restart."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest

from .conftest import ROOT, seed_bytes, seed_path

START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(data_dir, port, *, stderr=subprocess.DEVNULL, timeout: float = START_TIMEOUT, **settings):
    """`python -m service serve` on the port, in its own process group; returns once /readyz answers 200."""
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(DATA_DIR=str(data_dir), PORT=str(port), HOST="127.0.0.1", WEB_CONCURRENCY="2")
    env.update({name: str(value) for name, value in settings.items()})
    process = subprocess.Popen([sys.executable, "-m", "service", "serve"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=stderr, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as response:
                if response.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    stop(process)
    pytest.fail(f"the service did not become ready within {timeout} s")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def upload(port, prefix):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{seed_path(prefix).name}\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + seed_bytes(prefix) + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/articles", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.status, json.loads(response.read())


def test_serve_ingests_and_keeps_articles_across_restart(tmp_path):
    port = free_port()
    process = start(tmp_path, port)
    try:
        status, article = upload(port, "001")
        assert status == 201 and article["outlet"]["id"] == "dw"
        assert process.stdout.readline().decode().startswith("embedded Redis")
    finally:
        stop(process)
    process = start(tmp_path, port)
    try:
        status, stored = get(port, f"/v1/articles/{article['id']}")
        assert status == 200 and stored["title"] == article["title"]
    finally:
        stop(process)

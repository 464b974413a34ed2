"""Limits through gunicorn (what `make run` serves): a chunked body over MAX_BODY_BYTES from a client that never
reads the reply is refused without storing anything or holding the worker, and what gunicorn itself refuses (a
URL over its request-line limit, oversized headers) is problem+json like every other error."""
from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from .test_e2e_gunicorn import free_port, get, start, stop

CHUNK = 64 * 1024
HOSTILE_BYTES = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    """The service with a single gunicorn worker: anything that holds it shows at once."""
    port = free_port()
    process = start(tmp_path_factory.mktemp("limits"), port, WEB_CONCURRENCY=1, JOB_WORKERS=0)
    yield port
    stop(process)


def raw_request(port: int, head: str) -> tuple[int, str, dict]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    header, _, body = data.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    fields = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), fields.get("Content-Type", ""), json.loads(body)


def test_a_long_url_is_a_problem_that_names_the_limit(one_worker):
    status, content_type, problem = raw_request(
        one_worker, f"GET /v1/articles?outlet={'x' * 7000} HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert status == 414 and content_type == "application/problem+json"
    assert problem["status"] == 414 and "longer than the limit of 4094 bytes" in problem["detail"]


def test_oversized_headers_are_a_problem(one_worker):
    status, content_type, problem = raw_request(
        one_worker, f"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: {'y' * 9000}\r\n\r\n")
    assert status in (400, 431) and content_type == "application/problem+json" and problem["detail"]


def send_chunked_without_reading(port: int, answer: list) -> None:
    """POST 20 MB of text chunked and never read the reply while sending; then keep what arrived, if anything."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(b"POST /v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = f"{CHUNK:x}\r\n".encode() + ("布林肯周五在北京会见习近平。" * 2000).encode()[:CHUNK] + b"\r\n"
        try:
            for _ in range(HOSTILE_BYTES // CHUNK):
                sock.sendall(chunk)
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server stopped reading and closed: expected
        try:
            answer.append(sock.recv(65536))
        except OSError:
            answer.append(b"")


def test_a_chunked_flood_is_refused_and_does_not_hold_the_worker(one_worker):
    answer: list[bytes] = []
    sender = threading.Thread(target=send_chunked_without_reading, args=(one_worker, answer), daemon=True)
    started = time.monotonic()
    sender.start()
    time.sleep(0.5)  # the only worker is reading the flood now
    status, health = get(one_worker, "/healthz")  # queued behind it: answered once the worker is free again
    assert status == 200 and health == {"status": "ok"}
    assert time.monotonic() - started < 10  # gunicorn's timeout (30 s) would be the bound if the reply blocked it
    sender.join(timeout=30)
    assert not answer or not answer[0] or answer[0].startswith(b"HTTP/1.1 413"), answer[0][:100]
    assert get(one_worker, "/v1/articles")[1]["total"] == 0  # nothing of it was stored, cut or whole

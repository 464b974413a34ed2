"""Size limits that hold however the body arrives: chunked bodies over MAX_BODY_BYTES, multipart bodies with too
many parts or too large a text field. Each 413 names the limit that was broken and nothing is stored."""
from __future__ import annotations

import io
import json

import pytest
from werkzeug.test import EnvironBuilder, run_wsgi_app

from service import create_app

from .conftest import ContractClient, seed_bytes

LIMIT = 4096


@pytest.fixture
def small(redis_server):
    app = create_app({"redis_url": redis_server.url, "max_body_bytes": LIMIT})
    app.test_client_class = ContractClient
    app.extensions["redis"].flushdb()
    return app.test_client()


def chunked(client, path, body: bytes, content_type: str) -> tuple[int, str, dict]:
    """A body without Content-Length, as a server hands a Transfer-Encoding: chunked request to the app (straight
    to the WSGI app: the test client would count the body and set a Content-Length)."""
    environ = EnvironBuilder(path=path, method="POST", input_stream=io.BytesIO(body), content_type=content_type,
                             environ_overrides={"wsgi.input_terminated": True}).get_environ()
    del environ["CONTENT_LENGTH"]
    chunks, status, headers = run_wsgi_app(client.application, environ, buffered=True)
    return int(status.split()[0]), headers["Content-Type"], json.loads(b"".join(chunks))


def stored_total(client) -> int:
    return client.get("/v1/articles").get_json()["total"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "multipart/form-data; boundary=b"])
def test_a_chunked_body_over_the_limit_is_413_and_nothing_is_stored(small, content_type):
    text = ("布林肯周五在北京会见了习近平。" * 200).encode()  # 9,000 bytes: over the 4,096 limit
    if content_type == "application/json":
        body = b'{"content": "' + text + b'"}'
    elif content_type.startswith("multipart"):
        body = (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n' + text
                + b"\r\n--b--\r\n")
    else:
        body = text
    status, answer_type, problem = chunked(small, "/v1/articles", body, content_type)
    assert status == 413 and answer_type == "application/problem+json"
    assert problem["detail"].startswith(f"the request body is larger than the limit of {LIMIT} bytes")
    assert stored_total(small) == 0


def test_a_chunked_body_within_the_limit_is_read_whole(small):
    text = "布林肯周五在北京会见了习近平。双方讨论了乌克兰问题。" * 30  # 2,340 bytes
    status, _, article = chunked(small, "/v1/articles", text.encode(), "text/plain")
    assert status == 201
    assert "".join(s["text"] for s in article["sentences"]) == text


def test_a_chunked_body_of_exactly_the_limit_is_accepted(small):
    body = (b"Blinken met Xi in Beijing on Friday. " * 200)[:LIMIT]
    assert chunked(small, "/v1/articles", body, "text/plain")[0] == 201


def multipart(parts: list[tuple[str, str | None, bytes]]) -> bytes:
    chunks = []
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        chunks.append(f"--b\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(chunks) + b"--b--\r\n"


def test_too_many_multipart_parts_name_the_parts_limit(client):
    body = multipart([("file", "a.txt", seed_bytes("001"))] + [("x", None, b"1")] * 1200)
    assert len(body) < 1_000_000  # far below the 10 MiB body limit
    response = client.post("/v1/articles", data=body, content_type="multipart/form-data; boundary=b")
    detail = response.get_json()["detail"]
    assert response.status_code == 413 and "more than 1000 parts" in detail and "10485760" not in detail
    assert stored_total(client) == 0


def test_a_huge_multipart_text_field_names_the_field_limit(client):
    body = multipart([("file", "a.txt", seed_bytes("001")), ("title", None, b"t" * 600_000)])
    response = client.post("/v1/articles", data=body, content_type="multipart/form-data; boundary=b")
    detail = response.get_json()["detail"]
    assert response.status_code == 413 and "text field is larger than 500000 bytes" in detail
    assert stored_total(client) == 0

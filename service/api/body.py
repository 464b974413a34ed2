"""Reading a request: its body within the size limit (chunked bodies too), JSON that says where it breaks, form
limits named for what they are, query parameters named when invalid."""
from __future__ import annotations

import io
import json
import sys
from typing import Any

from flask import Request, current_app, request
from marshmallow import Schema, ValidationError
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser

from .errors import ApiProblem, field_messages

READ_CHUNK = 64 * 1024
JSON_EXAMPLE = '{"content": "..."} for /v1/articles, {"articles": ["<id>", "<id>"]} for /v1/comparisons'


class BodyTooLarge(RequestEntityTooLarge):
    """413 for a body over MAX_BODY_BYTES that was streamed without a Content-Length."""

    def __init__(self, limit: int):
        super().__init__(f"the request body is larger than the limit of {limit} bytes (MAX_BODY_BYTES); nothing "
                         "was stored")


class CappedBody(io.RawIOBase):
    """A request body without Content-Length (Transfer-Encoding: chunked): 413 as soon as more than `limit` bytes
    arrive. (Werkzeug's own limit returns the first `limit` bytes as if they were the whole body.)"""

    def __init__(self, stream, limit: int):
        self.stream, self.limit, self.seen = stream, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        """Read what the buffer holds, and 413 as soon as the body passes the limit."""
        data = self.stream.read(min(len(buffer), self.limit + 1 - self.seen) or 1)
        self.seen += len(data)
        if self.seen > self.limit:
            raise BodyTooLarge(self.limit)
        buffer[:len(data)] = data
        return len(data)

    def readall(self) -> bytes:
        """The whole body, READ_CHUNK bytes at a time, each read checked against the limit."""
        chunks = []
        while chunk := self.read(READ_CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)


class CountingStream(io.RawIOBase):
    """Passes a multipart body through, counting its part delimiters (to name which form limit was hit)."""

    def __init__(self, stream, boundary: bytes):
        self.stream, self.delimiter, self.parts, self.tail = stream, b"--" + boundary, 0, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        """Pass the bytes on, counting the part delimiters, also one split across two reads."""
        data = self.stream.read(len(buffer))
        window = self.tail + data
        self.parts += window.count(self.delimiter) - self.tail.count(self.delimiter)
        self.tail = window[-len(self.delimiter):]
        buffer[:len(data)] = data
        return len(data)


class NamedLimitsFormParser(FormDataParser):
    """Werkzeug's form parser, whose 413s say which limit a multipart body broke: parts or a text field's size."""

    def _parse_multipart(self, stream, mimetype, content_length, options):
        counted = CountingStream(stream, options.get("boundary", "").encode("ascii", "replace"))
        try:
            return super()._parse_multipart(counted, mimetype, content_length, options)
        except BodyTooLarge:
            raise
        except RequestEntityTooLarge:
            if self.max_form_parts is not None and counted.parts > self.max_form_parts:
                raise RequestEntityTooLarge(
                    f"the multipart body has more than {self.max_form_parts} parts; send at most "
                    f"{current_app.config['SETTINGS'].max_documents} `file` parts and the fields url, outlet, "
                    "published_at, title") from None
            raise RequestEntityTooLarge(
                f"a multipart text field is larger than {self.max_form_memory_size} bytes; "
                "send documents as `file` parts (-F file=@PATH), which may be up to the body limit") from None


class ApiRequest(Request):
    """The service's request: the body limit also holds for chunked bodies; form limits are named."""

    form_data_parser_class = NamedLimitsFormParser

    @property
    def stream(self):
        """The body stream, capped at the body limit when the body is chunked (no Content-Length)."""
        cached = self.__dict__.get("_capped_stream")
        if cached is not None:
            return cached
        environ, limit = self.environ, self.max_content_length
        if self.content_length is None and environ.get("wsgi.input_terminated") and limit is not None:
            cached = CappedBody(environ["wsgi.input"], limit)
        else:
            cached = super().stream
        self.__dict__["_capped_stream"] = cached
        return cached


def json_body() -> Any:
    """The request's JSON document; 400 with where and why when it is empty, not UTF-8, malformed or too deep."""
    data = request.get_data(cache=True)
    if not data.strip():
        raise _bad_json(f"the request body is empty: send a JSON document, e.g. {JSON_EXAMPLE}")
    try:
        text = data.decode("utf-8-sig")  # a byte order mark may be ignored (RFC 8259), so it is
    except UnicodeDecodeError as error:
        raise _bad_json(f"the JSON body is not UTF-8: byte {error.start} (0x{data[error.start]:02x}) cannot start "
                        "or continue a UTF-8 character") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _bad_json(f"the body is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno} "
                        f"(character {error.pos}); near {_excerpt(text, error.pos)!r}") from None
    except RecursionError:
        raise _bad_json("the JSON body is nested too deeply for the parser; requests to this API nest three "
                        'levels at most ({"documents": [{"content": "..."}]})') from None
    except ValueError:  # json.loads' other refusal: an integer too long to convert
        raise _bad_json(f"the JSON body holds a number of more than {sys.get_int_max_str_digits()} digits; no field "
                        "of this API takes one") from None


def load_query(schema: Schema) -> dict:
    """The query parameters, loaded with `schema`; 422 names each invalid parameter."""
    try:
        return schema.load(request.args)
    except ValidationError as error:
        messages = field_messages(error)
        named = "; ".join(f"`{name}`: {' '.join(map(str, texts))}" for name, texts in messages.items())
        raise ApiProblem(422, f"invalid query parameter {named}", slug="validation", errors=messages) from None


def _excerpt(text: str, position: int, width: int = 20) -> str:
    return text[max(0, position - width):position + width]


def _bad_json(detail: str) -> ApiProblem:
    return ApiProblem(400, detail, slug="invalid-json")

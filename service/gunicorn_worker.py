"""gunicorn's sync worker, whose own error answers (a request it refuses before the app sees it: a URL over
`limit_request_line`, too many or too large headers, malformed HTTP) are problem+json like the app's, with a
detail that says what to fix, instead of gunicorn's HTML page.

`worker_class = "service.gunicorn_worker.ProblemWorker"` in service/gunicorn_hooks.py and docker/gunicorn.conf.py.
"""
from __future__ import annotations

import json
from ssl import SSLError

from gunicorn import util
from gunicorn.http import errors
from gunicorn.workers.sync import SyncWorker

PROBLEM_TYPE = "https://news-compare.example/problems/{}"  # as service.api.errors


def describe(error: BaseException, cfg) -> tuple[int, str, str]:
    """(status, title, detail) of gunicorn's answer to `error`."""
    if isinstance(error, (errors.InvalidResponseHeader, errors.InvalidResponseHeaderName)):
        return 500, "Internal Server Error", "the service made an invalid response header; it has been logged"
    if isinstance(error, errors.LimitRequestLine):
        return 414, "URI Too Long", (f"the request line (method, URL and version) is longer than the limit of "
                                     f"{cfg.limit_request_line} bytes: shorten the URL (article ids and options "
                                     "go in a JSON body)")
    if isinstance(error, errors.LimitRequestHeaders):
        return 431, "Request Header Fields Too Large", (
            f"the request headers are over the limit ({error}): at most {cfg.limit_request_fields} header "
            f"fields of at most {cfg.limit_request_field_size} bytes each")
    if isinstance(error, errors.UnsupportedTransferCoding):
        return 501, "Not Implemented", f"{error}: send the body with Content-Length or Transfer-Encoding: chunked"
    if isinstance(error, errors.ExpectationFailed):
        return 417, "Expectation Failed", str(error)
    if isinstance(error, (errors.ForbiddenProxyRequest, SSLError)):
        return 403, "Forbidden", "the request is not allowed from this address or connection"
    if isinstance(error, errors.ConfigurationProblem):
        return 500, "Internal Server Error", "the server is misconfigured; it has been logged"
    if isinstance(error, errors.ParseException):
        return 400, "Bad Request", f"the request is not valid HTTP/1.1: {error}"
    return 500, "Internal Server Error", "an unexpected error occurred; it has been logged"


def problem_response(status: int, title: str, detail: str) -> bytes:
    """A raw HTTP/1.1 problem+json response, for errors gunicorn meets before Flask sees the request."""
    body = json.dumps({"type": PROBLEM_TYPE.format(title.lower().replace(" ", "-")), "title": title,
                       "status": status, "detail": detail}, ensure_ascii=False).encode()
    head = (f"HTTP/1.1 {status} {title}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


class ProblemWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc):
        """Answer gunicorn's own request errors in problem+json like the API's; log server faults as errors."""
        status, title, detail = describe(exc, self.cfg)
        if status >= 500:
            self.log.exception("Error handling request %s", getattr(req, "uri", "(no URI read)"))
        else:
            self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, problem_response(status, title, detail))
        except Exception:  # noqa: BLE001 - the client may be gone; nothing else to tell it
            self.log.debug("Failed to send error message.")

"""HTTP benchmark: the service through gunicorn on a free loopback port, with a private embedded Redis, loaded
by wrk (Debian's `wrk`, Lua scripts for the POST bodies and for JSON percentiles).

    python bench/load.py                  # 2 and 4 gunicorn workers, 8 s per route; prints JSON
    python bench/load.py --workers 2 --duration 5

For each worker count a fresh `python -m service serve` is started (REDIS_URL unset, so it starts its own Redis
on a unix socket under a temporary DATA_DIR; HOST=127.0.0.1, PORT a free port) and stopped afterwards. Measured:
- cold_comparison: POST /v1/comparisons with the five seeds as multipart files (parse, align, framing, cache
  write, response), sequentially: the very first one, then repeats, each with a threshold a thousandth apart
  (another cache key, so none is answered from Redis or from a worker's local copy).
- with wrk, each route for --duration seconds with 2 threads and as many connections as gunicorn workers (sync
  workers serve one request each, so more connections only add queueing): GET /healthz; POST /v1/articles (the
  five seeds in turn as raw text/plain bodies: parse and store, 200 once stored); GET /v1/comparisons/{id} and
  POST /v1/comparisons {"articles": [ids]} answered from the cache.
wrk runs on the same two cores as gunicorn and Redis, so requests/s are a lower bound for a separate client.
Traffic goes to 127.0.0.1 only and every run is bounded in time.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
STARTUP_TIMEOUT = 90
WRK_SCRIPT = r"""
local bodies = {}
local paths = {%(paths)s}
local method, target, content_type = "%(method)s", "%(target)s", "%(content_type)s"
local counter = 0
local requests = {}

init = function(args)
  for i, path in ipairs(paths) do
    local f = assert(io.open(path, "rb"))
    local body = f:read("*a")
    f:close()
    local headers = {}
    if content_type ~= "" then headers["Content-Type"] = content_type end
    requests[i] = wrk.format(method, target, headers, body)
  end
  if #paths == 0 then
    requests[1] = wrk.format(method, target)
  end
end

request = function()
  counter = counter %% #requests + 1
  return requests[counter]
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect_errors": %%d, "read_errors": %%d, ' ..
    '"write_errors": %%d, "status_errors": %%d, "timeouts": %%d, "p50_us": %%d, "p90_us": %%d, "p95_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "mean_us": %%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
end
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """`python -m service serve` on 127.0.0.1 with its own DATA_DIR; stopped by its own process id."""

    def __init__(self, workers: int, scratch: Path):
        self.workers = workers
        self.port = free_port()
        self.data_dir = scratch / f"data-{workers}"
        self.log_path = scratch / f"serve-{workers}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        env.update({"HOST": "127.0.0.1", "PORT": str(self.port), "DATA_DIR": str(self.data_dir),
                    "WEB_CONCURRENCY": str(self.workers),
                    # one client address sends everything: the per-client limits (600/min, 120/min for
                    # comparisons by default) would answer 429 and measure the limiter, not the service
                    "RATE_LIMIT": "", "COMPARISON_RATE_LIMIT": ""})
        started = time.perf_counter()
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen([sys.executable, "-m", "service", "serve", "--workers", str(self.workers)],
                                        cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"service exited at start; see {self.log_path}:\n{self.tail()}")
            try:
                status, _, _ = self.request("GET", "/healthz", timeout=2)
                if status == 200:
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"service did not answer /healthz within {STARTUP_TIMEOUT} s:\n{self.tail()}")

    def tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # `serve` forwards it to gunicorn and stops its Redis
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # the session this benchmark started, nothing else
                self.process.wait(timeout=10)
        if getattr(self, "log", None):
            self.log.close()

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 60):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def redis(self):
        import redis

        return redis.Redis(unix_socket_path=str(self.data_dir / "redis.sock"), socket_timeout=5)


def multipart(files: list[Path], fields: dict[str, str] | None = None) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in (fields or {}).items()]
    for path in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
                     f"Content-Type: text/plain\r\n\r\n".encode() + path.read_bytes() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def cold_comparisons(service: Service, repeats: int) -> dict:
    timings, comparison_id, cached_flags = [], None, []
    for attempt in range(repeats + 1):
        # each repeat is a new comparison (a threshold a hair apart is another cache key, in Redis and in the
        # workers' local copies), so none is answered from a cache
        body, content_type = multipart(SEEDS, {"threshold": f"{60 + attempt / 1000:.3f}"})
        started = time.perf_counter()
        status, _, payload = service.request("POST", "/v1/comparisons", body, {"Content-Type": content_type})
        timings.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"cold comparison answered {status}: {payload[:300]!r}")
        result = json.loads(payload)
        comparison_id = result["id"]
        cached_flags.append(result.get("cached"))
    later = timings[1:]
    return {"first_ms": round(timings[0], 1), "n": len(later), "median_ms": round(statistics.median(later), 1),
            "min_ms": round(min(later), 1), "all_ms": [round(t, 1) for t in timings],
            "all_uncached": not any(cached_flags), "response_bytes": len(payload), "id": comparison_id}


def ingest_ids(service: Service) -> list[str]:
    ids = []
    for path in SEEDS:
        status, _, payload = service.request("POST", "/v1/articles", path.read_bytes(),
                                             {"Content-Type": "text/plain; charset=utf-8"})
        if status not in (200, 201):
            raise RuntimeError(f"ingest of {path.name} answered {status}: {payload[:300]!r}")
        ids.append(json.loads(payload)["id"])
    return ids


def wrk(service: Service, scratch: Path, *, name: str, method: str, target: str, duration: float,
        connections: int, bodies: list[Path] = (), content_type: str = "") -> dict:
    script = scratch / f"{name}.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(str(p)) for p in bodies), "method": method,
                                    "target": target, "content_type": content_type}, encoding="utf-8")
    command = ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{duration:g}s",
               "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{service.port}{target}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    for line in done.stdout.splitlines():
        if line.startswith("WRKJSON "):
            raw = json.loads(line[len("WRKJSON "):])
            errors = sum(raw[k] for k in ("connect_errors", "read_errors", "write_errors", "status_errors",
                                           "timeouts"))
            return {"requests": raw["requests"], "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
                    "p50_ms": raw["p50_us"] / 1000, "p95_ms": raw["p95_us"] / 1000, "p99_ms": raw["p99_us"] / 1000,
                    "max_ms": raw["max_us"] / 1000, "mean_ms": round(raw["mean_us"] / 1000, 3),
                    "errors": errors, "non_2xx": raw["status_errors"],
                    "bytes_per_response": round(raw["bytes"] / max(raw["requests"], 1)),
                    "connections": connections}
    return {"error": f"wrk exit {done.returncode}", "stderr": done.stderr[-1000:], "stdout": done.stdout[-1000:]}


def run_config(workers: int, scratch: Path, *, duration: float, cold_repeats: int, log) -> dict:
    service = Service(workers, scratch)
    log(f"gunicorn with {workers} workers on 127.0.0.1:{service.port}")
    figures: dict = {}
    try:
        figures["startup_s"] = round(service.start(), 2)
        figures["cold_comparison"] = cold_comparisons(service, cold_repeats)
        ids = ingest_ids(service)
        comparison = json.dumps({"articles": ids}).encode()
        status, _, payload = service.request("POST", "/v1/comparisons", comparison,
                                             {"Content-Type": "application/json"})
        cached_id = json.loads(payload)["id"]
        status, _, _ = service.request("GET", f"/v1/comparisons/{cached_id}")
        assert status == 200, status
        body_file = scratch / "compare.json"
        body_file.write_bytes(comparison)
        connections = max(2, workers)
        figures["healthz"] = wrk(service, scratch, name="healthz", method="GET", target="/healthz",
                                 duration=duration, connections=connections)
        figures["ingest"] = wrk(service, scratch, name="ingest", method="POST", target="/v1/articles",
                                duration=duration, connections=connections, bodies=SEEDS,
                                content_type="text/plain; charset=utf-8")
        figures["get_cached"] = wrk(service, scratch, name="get_cached", method="GET",
                                    target=f"/v1/comparisons/{cached_id}", duration=duration, connections=connections)
        figures["post_cached"] = wrk(service, scratch, name="post_cached", method="POST", target="/v1/comparisons",
                                     duration=duration, connections=connections, bodies=[body_file],
                                     content_type="application/json")
    finally:
        service.stop()
    return figures


def run(*, workers=(2, 4), duration: float = 8.0, cold_repeats: int = 7, log=None) -> dict:
    log = log or (lambda message: print(message, file=sys.stderr, flush=True))
    if not shutil.which("wrk"):
        return {"load_generator": None, "error": "wrk is not installed (apt-get install -y wrk)"}
    version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[:1]
    results = {"load_generator": (version[0].split(" [")[0] if version else "wrk"), "duration_s": duration,
               "connections": "as many as gunicorn workers (min 2), 2 wrk threads",
               "server": "python -m service serve (gunicorn sync workers; its logs to a file); RATE_LIMIT and "
                         "COMPARISON_RATE_LIMIT empty (rate limiting off: one client address sends everything)",
               "configs": {}}
    with tempfile.TemporaryDirectory(prefix="bench-http-") as scratch:
        for count in workers:
            try:
                results["configs"][str(count)] = run_config(count, Path(scratch), duration=duration,
                                                            cold_repeats=cold_repeats, log=log)
            except Exception as error:  # keep the other configuration's figures
                results["configs"][str(count)] = {"error": f"{type(error).__name__}: {error}"[:2000]}
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--cold-repeats", type=int, default=7)
    args = parser.parse_args(argv)
    print(json.dumps(run(workers=args.workers, duration=args.duration, cold_repeats=args.cold_repeats),
                     ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

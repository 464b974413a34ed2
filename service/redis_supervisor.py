"""Keeps the embedded Redis of `python -m service serve` (`make run`) running: when the server dies (killed,
crashed, out of memory), it is started again on its data directory (its append-only file has every write it
acknowledged), with back-off while it keeps failing, and each step is logged. The API and the job workers
reconnect by themselves (redis-py and RQ retry), so the service recovers without anyone restarting it."""
from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .embedded import EmbeddedRedis, start_embedded_redis

log = logging.getLogger(__name__)
FIRST_DELAY_SECONDS = 0.5  # before the first restart
MAX_DELAY_SECONDS = 30.0  # the back-off doubles up to this while restarts fail or the server keeps dying
STABLE_SECONDS = 60.0  # a server that ran this long before dying is restarted after FIRST_DELAY_SECONDS again


class RedisSupervisor:
    """Starts the embedded Redis on `data_dir` and restarts it whenever it exits without `stop()`."""

    def __init__(self, data_dir: str | Path, *, start: Callable[[str | Path], EmbeddedRedis] = start_embedded_redis,
                 first_delay: float = FIRST_DELAY_SECONDS, max_delay: float = MAX_DELAY_SECONDS,
                 stable: float = STABLE_SECONDS):
        self.data_dir, self.start = data_dir, start
        self.first_delay, self.max_delay, self.stable = first_delay, max_delay, stable
        self.server = start(data_dir)
        self.restarts = 0
        self.stopping = threading.Event()
        self.lock = threading.Lock()  # stop() and a restart never overlap
        self.thread = threading.Thread(target=self._watch, name="redis-supervisor", daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        """The server's address: a unix socket in data_dir, the same after a restart."""
        return self.server.url

    def stop_watching(self) -> None:
        """Restart nothing from now on: a run that is stopping (Ctrl-C reached its Redis too) lets it go."""
        self.stopping.set()

    def stop(self) -> None:
        """Stop watching and shut the server down, so it is not restarted on the way out."""
        with self.lock:
            self.stopping.set()
            self.server.stop()
        self.thread.join(timeout=5)

    def _watch(self) -> None:
        delay = self.first_delay
        while not self.stopping.is_set():
            server, since = self.server, time.monotonic()
            code = server.process.wait()
            if self.stopping.is_set():
                return
            if time.monotonic() - since >= self.stable:
                delay = self.first_delay
            log.error("embedded Redis stopped unexpectedly; restarting it on its data",
                      extra={"pid": server.process.pid, "exit": _exit_reason(code), "data_dir": str(server.data_dir),
                             "restart_in_seconds": delay})
            delay = self._restart(delay)

    def _restart(self, delay: float) -> float:
        """Start the server again, waiting `delay` first and doubling it after each failure; the next delay."""
        while not self.stopping.wait(delay):
            with self.lock:
                if self.stopping.is_set():
                    break
                try:
                    self.server = self.start(self.data_dir)
                except RuntimeError as error:
                    delay = min(delay * 2, self.max_delay)
                    log.error("embedded Redis did not start again", extra={"error": str(error),
                                                                           "retry_in_seconds": delay})
                    continue
            self.restarts += 1
            log.warning("embedded Redis restarted", extra={"pid": self.server.process.pid, "url": self.server.url,
                                                           "restarts": self.restarts})
            break
        return min(delay * 2, self.max_delay)


def _exit_reason(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"

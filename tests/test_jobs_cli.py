"""`python -m service compare` draws compare()'s progress on stderr for many files (or with --progress), and
`python -m service worker` runs the queue's jobs (burst mode here) with the service's settings."""
from __future__ import annotations

import os
import subprocess
import sys

import redis

from service.config import Settings
from service.jobs import JobQueue

from .conftest import ROOT, seed_path


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "service", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)


def test_compare_draws_a_progress_bar_on_stderr_only_when_asked_or_for_many_files():
    files = [str(seed_path(p)) for p in ("000", "001", "004")]
    shown = run("compare", "--json", "--progress", *files)
    assert shown.returncode == 0, shown.stderr
    assert "100% framing (" in shown.stderr and "candidates" in shown.stderr and shown.stderr.endswith("\n")
    assert shown.stdout.lstrip().startswith("{")  # the report itself is untouched on stdout
    quiet = run("compare", "--json", *files)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_worker_command_runs_queued_jobs(redis_server, tmp_path):
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    settings = Settings(redis_url=redis_server.url, job_queue="cli-test")
    job = JobQueue(client, settings).submit_events({"since": "2024-01-01", "until": None, "outlets": None})
    env = {**os.environ, "REDIS_URL": redis_server.url, "JOB_QUEUE": "cli-test"}
    result = run("worker", "--burst", env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "listening on queue 'cli-test'" in result.stdout
    job.refresh()
    assert job.get_status() == "finished" and job.return_value() == {"kind": "events", "id": job.id}

"""gunicorn settings and hooks for `python -m service serve` (`--config python:service.gunicorn_hooks`)."""
import os

worker_class = "service.gunicorn_worker.ProblemWorker"  # gunicorn's own error answers as problem+json


def child_exit(server, worker):  # noqa: ARG001 - gunicorn's hook signature
    """A dead worker's gauges leave the Prometheus multiprocess totals."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

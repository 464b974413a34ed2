"""gunicorn settings for the container: bind to PORT, workers from WEB_CONCURRENCY, logs to stderr.

It must not import the service: the Prometheus multiprocess directory has to exist, empty, before the app
(preloaded below) creates its metrics."""
import os
import shutil

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
accesslog = None  # the app logs each request as JSON
errorlog = "-"
preload_app = True  # load the segmenter, OpenCC and the data files once, before forking
worker_class = "service.gunicorn_worker.ProblemWorker"  # gunicorn's own error answers as problem+json

_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _metrics_dir:
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):  # noqa: ARG001 - gunicorn's hook signature
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

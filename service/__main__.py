"""Command line: `python -m service ingest FILE...`, `compare FILE...`, `serve`, `worker`."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from .config import Settings
from .shapes import ArticleSchema
from .ingest import IngestError, parse_document

PROGRESS_MIN_FILES = 10  # `compare` draws a progress bar on stderr for more files than this
CHILD_STOP_SECONDS = 20  # how long a stopping run waits for gunicorn and its job workers, together, before killing them


def main(argv: list[str] | None = None) -> int:
    """The command line: ingest, compare, serve and worker (python -m service --help)."""
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="parse documents and print the articles as JSON")
    ingest.add_argument("files", nargs="+")
    comparison = commands.add_parser("compare", help="compare documents fact by fact (Markdown, or --json)")
    comparison.add_argument("files", nargs="+")
    comparison.add_argument("--json", action="store_true", help="print the comparison as JSON")
    comparison.add_argument("--min-confidence", type=float, default=None,
                            help="link model probability at which sentences are linked (default: chosen on dev)")
    comparison.add_argument("--min-outlets", type=int, default=1)
    comparison.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                            help=f"progress bar on stderr (default: with more than {PROGRESS_MIN_FILES} files)")
    serve = commands.add_parser("serve", help="run the API with gunicorn (embedded Redis unless REDIS_URL is set)")
    settings = Settings.from_env()  # HOST, PORT, WEB_CONCURRENCY, JOB_WORKERS: read in one place
    serve.add_argument("--host", default=settings.host)
    serve.add_argument("--port", default=str(settings.port))
    serve.add_argument("--workers", default=str(settings.web_concurrency))
    serve.add_argument("--job-workers", type=int, default=settings.job_workers,
                       help="RQ workers started beside the API for large comparisons and corpus events")
    worker = commands.add_parser("worker", help="run an RQ worker for the API's jobs (needs REDIS_URL)")
    worker.add_argument("--burst", action="store_true", help="quit when the queue is empty")
    args = parser.parse_args(argv)
    if args.command == "ingest":
        return _ingest(args.files)
    if args.command == "compare":
        show = args.progress if args.progress is not None else len(args.files) > PROGRESS_MIN_FILES
        return _compare(args.files, as_json=args.json, min_confidence=args.min_confidence, min_outlets=args.min_outlets,
                        progress=show)
    if args.command == "worker":
        from .worker import run_worker

        return run_worker(Settings.from_env(), burst=args.burst)
    return _serve(args.host, args.port, args.workers, args.job_workers)


def _ingest(paths: list[str]) -> int:
    schema, articles, failed = ArticleSchema(), [], 0
    for path in paths:
        try:
            with open(path, "rb") as handle:
                articles.append(schema.dump(parse_document(handle.read(), content_type=_guess_type(path))))
        except (OSError, IngestError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            failed += 1
    print(json.dumps(articles[0] if len(paths) == 1 and articles else articles, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _compare(paths: list[str], *, as_json: bool, min_confidence: float | None, min_outlets: int,
             progress: bool = False) -> int:
    from .comparison import align_params, compare
    from .report import render_markdown

    articles = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                articles.append(parse_document(handle.read(), content_type=_guess_type(path)))
        except (OSError, IngestError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 1
    if len({a.id for a in articles}) < 2:
        print("compare needs at least two different documents", file=sys.stderr)
        return 2
    params = align_params({"min_confidence": min_confidence})
    bar = ProgressBar(sys.stderr) if progress else None
    result = compare(articles, params=params, min_outlets=min_outlets, progress=bar)
    if bar:
        bar.close()
    print(json.dumps(result, ensure_ascii=False, indent=2) if as_json else render_markdown(result))
    return 0


class ProgressBar:
    """compare()'s progress(done, total, stage) as one redrawn line: [#####.....]  50% scores (3/6)."""

    def __init__(self, stream, *, width: int = 30):
        self.stream, self.width, self.drawn = stream, width, False

    def __call__(self, done: int, total: int | None, stage: str) -> None:
        share = done / total if total else 0.0
        filled = int(round(share * self.width))
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {share:4.0%} {stage} ({done}/{total})"
                          f"\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the bar's line, if one was drawn, so later output starts on a line of its own."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _guess_type(path: str) -> str | None:
    lowered = path.lower()
    if lowered.endswith((".md", ".markdown")):
        return "text/markdown"
    if lowered.endswith((".html", ".htm")):
        return "text/html"
    return None


def _serve(host: str, port: str, workers: str, job_workers: int = 1) -> int:
    """gunicorn, and `job_workers` RQ workers beside it, on REDIS_URL or an embedded Redis (restarted by a
    supervisor when it dies); all stop together."""
    from .logs import log_as_json
    from .redis_supervisor import RedisSupervisor

    settings = Settings.from_env()
    log_as_json(settings.log_level)
    env = dict(os.environ)
    supervisor = None
    if not env.get("REDIS_URL"):
        try:
            supervisor = RedisSupervisor(settings.data_dir)
        except RuntimeError as error:
            print(f"cannot start the embedded Redis: {error}", file=sys.stderr, flush=True)
            return 1
        env["REDIS_URL"] = supervisor.url
        print(f"embedded Redis: {supervisor.url} (data in {supervisor.server.data_dir})", flush=True)
    metrics_dir = tempfile.mkdtemp(prefix="news-metrics-")  # gunicorn workers share Prometheus counters here
    env.setdefault("PROMETHEUS_MULTIPROC_DIR", metrics_dir)
    base = f"http://{host}:{port}"
    print(f"serving on {base}\n  try: curl -F file=@seeds/001_bef200b8a0c60b0a.txt {base}/v1/articles", flush=True)
    command = [sys.executable, "-m", "gunicorn", "--bind", f"{host}:{port}", "--workers", str(workers),
               "--config", "python:service.gunicorn_hooks", "service.wsgi:app"]
    processes = [subprocess.Popen([sys.executable, "-m", "service", "worker"], env=env)
                 for _ in range(max(job_workers, 0))]
    process = subprocess.Popen(command, env=env)
    processes.append(process)
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        return process.wait()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # stopping: another Ctrl-C must not cut the cleanup short
        if supervisor:
            supervisor.stop_watching()  # the Ctrl-C reached the embedded Redis too: no restart on the way out
        _stop_together(processes)
        return process.returncode
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the children and the embedded Redis are always stopped
        _stop_together(processes)
        if supervisor:
            supervisor.stop()
        shutil.rmtree(metrics_dir, ignore_errors=True)


def _stop_together(processes: list[subprocess.Popen]) -> None:
    """Terminate every child at once (gunicorn stops its workers, an RQ worker finishes its current job's
    bookkeeping), wait for them together up to CHILD_STOP_SECONDS and kill what is left: a stopping run frees its
    embedded Redis within PREVIOUS_SERVER_WAIT_SECONDS, also on a loaded machine, for the run started after it."""
    for child in processes:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + CHILD_STOP_SECONDS
    for child in processes:
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()  # one that does not stop must not keep the embedded Redis running
            child.wait()

if __name__ == "__main__":
    sys.exit(main())

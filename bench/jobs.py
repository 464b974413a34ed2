"""Jobs benchmark: corpus event grouping of 1,000 and 5,000 stored articles with 1 and 2 workers, and a
200-article comparison as a job. Prints one JSON document (and writes bench/jobs-results.json).

The corpus has many distinct events over different dates: event k is one of corpus.py's topical pools of real
text, reported by 3 to 12 outlets (some in traditional script) on day 2k, so the same pool comes back every 18
days as a different event; about one article in ten is a distractor digest on a random day. Reports are built
by corpus.py's `variant()` without background paragraphs from other pools. Everything is drawn from seeded
generators: the same corpus in every run.

For each corpus size (a date range of the stored 5,000 that selects about 1,000, then all of them) and worker
count: the time of one grouping job (submitted to done, `repeats` times, median), and the makespan of two
grouping jobs submitted together (what a second worker buys: one grouping runs on one worker). Workers are
real `python -m service worker` processes on an embedded Redis.

    .venv/bin/python bench/jobs.py                 # about 15 minutes on 2 cores
    .venv/bin/python bench/jobs.py --sizes 1000 --repeats 1
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from multiprocessing import Pool as Processes
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ROTATION = ["blinken-xi-zh", "trade", "tiktok", "g20-bali", "xi-biden-call", "lai-inauguration",
            "blinken-preview", "defense-call", "blinken-xi-en"]  # related pools kept apart in time
BASE = datetime(2021, 1, 4, 8, 0, tzinfo=timezone.utc)
SEED = 20240426


def event_documents(k: int) -> list[dict]:
    """Event k's reports (and a distractor now and then) as parse_document keyword arguments plus the label."""
    from corpus import digest, pools, variant

    from service.text.script import to_traditional

    rng = random.Random(SEED * 100_003 + k)
    pool = pools()[ROTATION[k % len(ROTATION)]]
    day = BASE + timedelta(days=2 * k)
    documents = []
    for copy in range(rng.randint(3, 12)):
        title, paragraphs = variant(pool, rng, background=[])
        if pool.language == "zh" and rng.random() < 0.25:
            title, paragraphs = to_traditional(title), [[to_traditional(s) for s in p] for p in paragraphs]
        joiner = "" if pool.language == "zh" else " "
        documents.append({"content": "\n\n".join(joiner.join(p) for p in paragraphs), "title": title,
                          "outlet": f"outlet-{k}-{copy}", "event": k,
                          "published_at": (day + timedelta(minutes=rng.randint(0, 2880))).isoformat()})
    if rng.random() < 0.9:
        title, paragraphs = digest(rng, None)
        documents.append({"content": "\n\n".join("".join(p) for p in paragraphs), "title": title,
                          "outlet": f"digest-{k}", "event": None,
                          "published_at": (day + timedelta(days=rng.randint(0, 30))).isoformat()})
    return documents


def parsed_event(k: int) -> list[tuple[dict, int | None]]:
    from service.ingest import parse_document

    out = []
    for document in event_documents(k):
        event = document.pop("event")
        out.append((parse_document(document.pop("content"), **document).to_dict(), event))
    return out


def build_corpus(size: int) -> tuple[list[dict], dict[str, int | None]]:
    """At least `size` parsed articles (two processes), with each article's event (None: distractor)."""
    articles, labels, k = [], {}, 0
    with Processes(2) as processes:
        while len(articles) < size:
            for batch in processes.map(parsed_event, range(k, k + 40)):
                for article, event in batch:
                    articles.append(article)
                    labels[article["id"]] = event
            k += 40
    return articles, labels


def start_workers(count: int, env: dict) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-m", "service", "worker"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            for _ in range(count)]


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        os.killpg(worker.pid, signal.SIGTERM)
    for worker in workers:
        worker.wait()


def wait_jobs(jobs, timeout: float = 3600) -> float:
    """Seconds until every job has finished (polled every 50 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        statuses = [job.get_status(refresh=True) for job in jobs]
        if all(s == "finished" for s in statuses):
            return time.perf_counter() - started
        if any(s == "failed" for s in statuses):
            raise RuntimeError(f"a job failed: {[j.latest_result().exc_string for j in jobs if j.is_failed]}")
        time.sleep(0.05)
    raise TimeoutError("jobs did not finish")


def pair_scores(events: list[dict], labels: dict) -> dict:
    """Pairwise precision and recall of the grouping against the generator's events."""
    def pairs(groups):
        return {(a, b) for g in groups for i, a in enumerate(g) for b in g[i + 1:]}
    found = pairs([sorted(a["id"] for a in e["articles"]) for e in events])
    truth_groups: dict[int, list[str]] = {}
    for article_id in sorted({a["id"] for e in events for a in e["articles"]}):
        if labels.get(article_id) is not None:
            truth_groups.setdefault(labels[article_id], []).append(article_id)
    truth = pairs(list(truth_groups.values()))
    hits = len(found & truth)
    return {"precision": round(hits / max(len(found), 1), 4), "recall": round(hits / max(len(truth), 1), 4)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-comparison", action="store_true")
    args = parser.parse_args(argv)

    import redis

    from service.config import Settings
    from service.embedded import start_embedded_redis
    from service.jobs import JobQueue
    from service.models import Article
    from service.store import ArticleStore

    began = time.perf_counter()
    articles, labels = build_corpus(max(args.sizes))
    generated = time.perf_counter() - began
    data = tempfile.mkdtemp(prefix="bench-jobs-")
    server = start_embedded_redis(data, appendonly=False)
    client = redis.Redis.from_url(server.url)
    store = ArticleStore(client)
    for article in articles:
        store.save(Article.from_dict(article))
    settings = Settings(redis_url=server.url, job_timeout=3 * 3600)
    queue = JobQueue(client, settings)
    env = {**os.environ, "REDIS_URL": server.url, "JOB_TIMEOUT": str(settings.job_timeout), "LOG_LEVEL": "WARNING"}
    ordered = store.published_ids()
    report = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": _machine(),
              "corpus": {"articles": len(articles), "events": len({e for e in labels.values() if e is not None}),
                         "distractors": sum(1 for e in labels.values() if e is None),
                         "generate_and_parse_s": round(generated, 1)},
              "grouping": [], "comparison": None}
    try:
        for size in sorted(args.sizes):
            query = {"since": None, "until": None, "outlets": None}
            if size < len(ordered):
                query["until"] = next(a for a in articles if a["id"] == ordered[size - 1])["published_at"]
            selected = len(store.published_ids(since=query["since"], until=query["until"]))
            for count in sorted(args.workers):
                workers = start_workers(count, env)
                try:
                    _wait_registered(client, count)
                    singles, results = [], None
                    for _ in range(args.repeats if size <= 1000 else max(1, args.repeats - 1)):
                        job = queue.submit_events(query)
                        singles.append(wait_jobs([job]))
                        results = json.loads(client.get(f"events:{job.id}"))
                    pair = [queue.submit_events(query) for _ in range(2)]
                    makespan = wait_jobs(pair)
                finally:
                    stop_workers(workers)
                report["grouping"].append({
                    "articles": selected, "workers": count, "single_job_s": [round(s, 2) for s in singles],
                    "single_job_median_s": round(statistics.median(singles), 2),
                    "two_jobs_makespan_s": round(makespan, 2), "events": len(results["events"]),
                    "stats": results["stats"], **pair_scores(results["events"], labels)})
                print(json.dumps(report["grouping"][-1]), file=sys.stderr, flush=True)
        if not args.no_comparison:
            report["comparison"] = _comparison_job(store, queue, client, env)
    finally:
        server.stop()
    report["duration_s"] = round(time.perf_counter() - began, 1)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    (ROOT / "bench" / "jobs-results.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


def _comparison_job(store, queue, client, env) -> dict:
    """corpus.py's corpus-200 workload, stored, compared by one worker as a job."""
    from corpus import corpus_workload

    documents = corpus_workload(200).parse()
    for article in documents:
        store.save(article)
    workers = start_workers(1, env)
    try:
        _wait_registered(client, 1)
        job = queue.submit_comparison("bench-200", options={"threshold": None, "min_outlets": 1},
                                      article_ids=[a.id for a in documents])
        seconds = wait_jobs([job])
        job.refresh()
        meta = job.meta
    finally:
        stop_workers(workers)
    return {"articles": len(documents), "sentences": sum(len(a.sentences) for a in documents),
            "job_s": round(seconds, 2), "progress": meta.get("progress"),
            "run_s": round((job.ended_at - job.started_at).total_seconds(), 2)}


def _wait_registered(client, count: int) -> None:
    from rq import Worker

    deadline = time.monotonic() + 120
    while len(Worker.all(connection=client)) < count:
        if time.monotonic() > deadline:
            raise TimeoutError("workers did not start")
        time.sleep(0.2)


def _machine() -> dict:
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return {"cores": os.cpu_count(), "cpu": model, "memory_gib": round(memory / 2**20, 1),
            "python": platform.python_version(), "load_before": os.getloadavg()}


if __name__ == "__main__":
    sys.exit(main())

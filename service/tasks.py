"""What a worker runs: a large comparison, or the event grouping of a stored corpus.

Results go where the API reads them (the comparison cache, under the comparison's id, so GET
/v1/comparisons/{id} serves them like a synchronous one; event groupings under the job's id). Progress goes into
the job's meta, at most a few times a second. Each function takes the Redis connection of the job it runs in.
"""
from __future__ import annotations

import time

from rq import get_current_job
from rq.job import Job

from .comparing import run_comparison as compare_with_corrections
from .corrections_store import CorrectionStore
from .events import group_corpus
from .models import Article
from .results import ComparisonCache, EventsCache
from .store import ArticleStore

PROGRESS_INTERVAL = 0.25  # seconds between progress writes to Redis


class JobProgress:
    """progress(done, total, stage) for the pipeline functions, kept in the job's meta."""

    def __init__(self, job: Job, *, interval: float = PROGRESS_INTERVAL):
        self.job, self.interval, self.last = job, interval, 0.0

    def start(self) -> None:
        """Count this attempt (a job run again after its worker died shows 2)."""
        self.job.meta = self.job.get_meta(refresh=True)
        self.job.meta["attempts"] = self.job.meta.get("attempts", 0) + 1
        self(0, None, "started", force=True)

    def __call__(self, done: int, total: int | None, stage: str, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval and done != total:
            return
        self.last = now
        self.job.meta["progress"] = {"done": done, "total": total, "stage": stage}
        self.job.save_meta()


def run_comparison(*, options: dict, cache_ttl: int, article_ids: list[str] | None = None,
                   articles: list[dict] | None = None) -> dict:
    """Compare stored articles (by id) or the parsed documents given; cache the result under its id."""
    job = get_current_job()
    progress = JobProgress(job)
    progress.start()
    if article_ids is not None:
        found = ArticleStore(job.connection).get_many(article_ids)
        missing = [i for i, article in zip(article_ids, found) if article is None]
        if missing:
            raise LookupError(f"articles deleted since the comparison was submitted: {', '.join(missing)}")
    else:
        found = [Article.from_dict(data) for data in articles or []]
    result = compare_with_corrections(found, options, store=CorrectionStore(job.connection),
                                      version=options.get("corrections") or None, progress=progress)
    ComparisonCache(job.connection, ttl=cache_ttl).put(result["id"], result)
    return {"kind": "comparison", "id": result["id"]}


def run_events(*, query: dict, cache_ttl: int) -> dict:
    """Group the stored articles a corpus query selects into events; keep the grouping under the job's id."""
    job = get_current_job()
    progress = JobProgress(job)
    progress.start()
    store = ArticleStore(job.connection)
    store.ensure_published_index()
    ids = store.published_ids(since=query.get("since"), until=query.get("until"), outlets=query.get("outlets"))
    articles = []
    for article in store.iter_many(ids):
        articles.append(article)
        progress(0, None, f"loading {len(articles)}/{len(ids)} articles")
    grouped = group_corpus(articles, progress=progress)
    EventsCache(job.connection, ttl=cache_ttl).put(job.id, {"id": job.id, "query": query, **grouped},
                                                    article_ids=[a.id for a in articles])
    return {"kind": "events", "id": job.id}

"""One comparison as the API, the job worker and the CLI run it: the options read once, the reviewers'
corrections that apply, the id that names them; and what a comparison request gets (`answer_comparison`: from
the cache or fresh, inline or as a job), shared by the API's view."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from rq.job import Job

from .comparison import Progress, align_params, compare, comparison_id, compared_sentences, effective_options
from .config import Settings
from .corrections_store import CorrectionStore
from .ingest import IngestError, parse_document
from .jobs import JobQueue
from .models import Article
from .outages import optional
from .problems import ApiProblem
from .results import ComparisonCache
from .store import ArticleStore

T = TypeVar("T")


def corrections_version(store: CorrectionStore | None) -> str | None:
    """The corrections' state a comparison names in its id: None before any correction was ever made (ids of
    earlier comparisons stay as they were)."""
    version = store.version() if store is not None else "0"
    return None if version == "0" else version


def comparison_key(article_ids: list[str], options: dict, version: str | None) -> str:
    """The id (and cache key) of comparing these articles with these request options."""
    return comparison_id(article_ids, effective_options(align_params(options), options["min_outlets"], version))


UNREAD = object()  # the corrections' version was not read by the caller


def run_comparison(articles: list[Article], options: dict, *, store: CorrectionStore | None = None,
                   version: str | None | object = UNREAD, progress: Progress | None = None) -> dict:
    """compare() with the corrections the store holds on the articles' sentences; `version` as named in the
    key the caller computed (None: no corrections apply; read from the store when not given)."""
    version = corrections_version(store) if version is UNREAD else version
    constraints = []
    if store is not None and version is not None:
        constraints = store.constraints_for([s.text for a in articles for s in compared_sentences(a)])
    return compare(articles, params=align_params(options), min_outlets=options.get("min_outlets", 1),
                   progress=progress, corrections=constraints, corrections_version=version)


@dataclass
class Backends:
    """Where a comparison request reads and writes: cache, article store, corrections and job queue."""

    cache: ComparisonCache
    articles: ArticleStore
    corrections: CorrectionStore
    jobs: JobQueue


@dataclass
class Wanted:
    """A loaded comparison request: stored ids, or documents as parse_document's keyword arguments; options."""

    options: dict
    stored_ids: list[str] | None = None
    documents: list[dict] = field(default_factory=list)
    indexed: bool = False  # documents listed in a JSON body: counted before parsing, a bad one named by its index


@dataclass
class Answer:
    """What a comparison request gets: the cached comparison's bytes, a fresh result, or a submitted job."""

    id: str
    articles: int  # how many articles it compares
    sentences: int = 0  # their sentences (0 when served from the cache)
    raw: bytes | None = None
    result: dict | None = None
    job: Job | None = None

    @property
    def cached(self) -> bool:
        """Whether the answer is the cached comparison's bytes (for the cache hit metric)."""
        return self.raw is not None


def answer_comparison(wanted: Wanted, backends: Backends, settings: Settings, *, may_store: bool) -> Answer:
    """A comparison request's answer: cached, computed here, or a job above the job sizes (limits: ApiProblem)."""
    read_version = _read_once(lambda: optional(lambda: corrections_version(backends.corrections),
                                               failure="corrections unavailable", fallback=None))
    stored = wanted.stored_ids is not None
    if stored:  # a cached answer needs only the ids
        key = comparison_key(wanted.stored_ids, wanted.options, read_version())
        raw = backends.cache.lookup(key)
        if raw is not None:
            return Answer(key, articles=len(wanted.stored_ids), raw=raw)
        articles = stored_articles(backends.articles, wanted.stored_ids)
    else:
        articles = _parsed(wanted, settings)
    articles = _within_limits(articles, settings, stored=stored)
    if not stored and may_store:
        backends.articles.save_quietly(articles)
    key = comparison_key([a.id for a in articles], wanted.options, read_version())
    raw = None if stored else backends.cache.lookup(key)  # stored ids were looked up above
    if raw is not None:
        return Answer(key, articles=len(articles), raw=raw)
    sentences = sum(len(a.sentences) for a in articles)
    if len(articles) > settings.job_min_articles or sentences > settings.job_min_sentences:
        options = {"min_confidence": align_params(wanted.options).min_confidence,
                   "min_outlets": wanted.options["min_outlets"], "corrections": read_version()}
        source = {"article_ids": [a.id for a in articles]} if stored else {"articles": [a.to_dict() for a in articles]}
        job = backends.jobs.submit_comparison(key, options=options, **source)
        return Answer(key, articles=len(articles), sentences=sentences, job=job)
    result = run_comparison(articles, wanted.options, store=backends.corrections, version=read_version())
    backends.cache.keep(result["id"], result)
    return Answer(result["id"], articles=len(articles), sentences=sentences, result=result)


def _read_once(read: Callable[[], T]) -> Callable[[], T]:
    """read(), called the first time the value is wanted and remembered after."""
    value: list = []

    def once() -> T:
        if not value:
            value.append(read())
        return value[0]

    return once


def stored_articles(store: ArticleStore, ids: list[str]) -> list[Article]:
    """The stored articles of these ids, in order; 422 naming the ids that are not stored."""
    found = store.get_many(ids)
    missing = [i for i, article in zip(ids, found) if article is None]
    if missing:
        raise ApiProblem(422, f"unknown article ids: {', '.join(missing)}", slug="unknown-articles",
                         errors={"articles": [f"unknown article id: {i}" for i in missing]})
    return found


def _parsed(wanted: Wanted, settings: Settings) -> list[Article]:
    """The wanted documents parsed; listed ones counted first and a bad one named by its index."""
    if not wanted.indexed:
        return [parse_document(**document) for document in wanted.documents]
    check_count(range(len(wanted.documents)), settings.max_documents)
    articles = []
    for index, document in enumerate(wanted.documents):
        try:
            articles.append(parse_document(**document))
        except IngestError as error:
            raise ApiProblem(422, f"document {index}: {error.detail}", slug="unreadable-document",
                             errors={f"documents.{index}": [error.detail]}) from None
    return articles


def _within_limits(articles: list[Article], settings: Settings, *, stored: bool) -> list[Article]:
    """The distinct articles, their count and sentences checked against the limits (larger ones for stored ids)."""
    check_count([a.id for a in articles], settings.max_documents,
                stored_limit=settings.max_job_documents if stored else None)
    articles = list({a.id: a for a in articles}.values())
    sentences = sum(len(a.sentences) for a in articles)
    sentence_limit = settings.max_job_sentences if stored else settings.max_sentences
    if sentences > sentence_limit:
        raise ApiProblem(422, f"the articles have {sentences} sentences; the limit per comparison is "
                              f"{sentence_limit}", slug="too-many-sentences")
    return articles


def check_count(ids, limit: int, *, stored_limit: int | None = None) -> None:
    """From 2 to `limit` distinct articles; stored articles (named by id) up to `stored_limit`, compared as a job.
    A list too short only because it names one article twice (or holds identical documents) says so."""
    ids = list(ids)
    count, upper = len(set(ids)), max(limit, stored_limit or 0)
    if 2 <= count <= upper:
        return
    also = f" (stored articles named by id: up to {stored_limit}, compared as a job)" if stored_limit else ""
    repeated = [str(i) for i, times in Counter(ids).items() if times > 1]
    got = (f"got {len(ids)}, but they are duplicates: {', '.join(repeated)} comes more than once (the same "
           "document always gets the same id)" if repeated and count < 2 else f"got {count}")
    raise ApiProblem(422, f"a comparison takes from 2 to {limit} distinct articles{also}; {got}",
                     slug="article-count", errors={"articles": [f"between 2 and {upper} distinct articles"]})

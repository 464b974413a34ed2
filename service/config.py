"""All configuration in one place: service settings from environment variables, tuning defaults as constants."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


@dataclass
class Settings:
    """Service settings. `Settings.from_env()` reads them; tests pass their own."""

    redis_url: str | None = None  # None: the app expects REDIS_URL set by the launcher (see service.embedded)
    data_dir: str = "var"
    max_body_bytes: int = 10 * 1024 * 1024
    max_documents: int = 50  # per comparison, and per multipart upload
    max_sentences: int = 20_000  # per comparison, summed over its articles
    max_job_documents: int = 1000  # stored articles one comparison may name (above job_min_articles: a job)
    max_job_sentences: int = 200_000  # their sentences, summed
    comparison_ttl: int = 24 * 3600  # seconds a cached comparison lives
    local_cache_mb: int = 64  # each process keeps copies of recently read comparisons (0: always ask Redis)
    page_size: int = 20
    max_page_size: int = 100
    log_level: str = "INFO"
    redis_timeout: float = 2.0
    cors_origins: str = "*"  # comma-separated origins allowed to call the API from a browser
    api_keys: str = ""  # comma-separated keys; when set, writes to /v1/articles need one
    rate_limit: str = "600 per minute"  # per client (API key or address); empty disables rate limiting
    comparison_rate_limit: str = "120 per minute"  # comparisons cost more than reads
    # background jobs (RQ on the same Redis): comparisons above either size, and corpus event groupings
    job_queue: str = "news"
    job_min_articles: int = 20  # a comparison of more articles than this runs as a job
    job_min_sentences: int = 2000  # ...and so does one of more sentences than this
    job_timeout: int = 3600  # seconds a job may run before its worker stops it
    job_result_ttl: int = 24 * 3600  # seconds a finished or failed job stays readable at /v1/jobs/{id}
    job_retries: int = 1  # times a job is run again after it failed or its worker died
    max_corpus_articles: int = 20_000  # per corpus event grouping
    worker_heartbeat: int = 10  # seconds between a busy worker's heartbeats
    worker_grace: int = 60  # a job whose worker missed heartbeats for this long is abandoned (retried or failed)
    worker_maintenance: int = 60  # seconds between an idle worker's checks for abandoned jobs
    host: str = "127.0.0.1"  # where `serve` (make run) listens
    port: int = 8000
    web_concurrency: int = 2  # gunicorn workers `serve` starts
    job_workers: int = 1  # job workers `serve` starts beside the API

    @classmethod
    def from_env(cls) -> "Settings":
        """Settings from the environment variables, each falling back to its default."""
        return cls(
            redis_url=os.environ.get("REDIS_URL") or None,
            data_dir=os.environ.get("DATA_DIR", "var"),
            max_body_bytes=_env_int("MAX_BODY_BYTES", cls.max_body_bytes),
            max_documents=_env_int("MAX_DOCUMENTS", cls.max_documents),
            max_sentences=_env_int("MAX_SENTENCES", cls.max_sentences),
            max_job_documents=_env_int("MAX_JOB_DOCUMENTS", cls.max_job_documents),
            max_job_sentences=_env_int("MAX_JOB_SENTENCES", cls.max_job_sentences),
            comparison_ttl=_env_int("COMPARISON_TTL", cls.comparison_ttl),
            local_cache_mb=_env_int("LOCAL_CACHE_MB", cls.local_cache_mb),
            log_level=os.environ.get("LOG_LEVEL", "INFO"),
            cors_origins=os.environ.get("CORS_ORIGINS", cls.cors_origins),
            api_keys=os.environ.get("API_KEYS", ""),
            rate_limit=os.environ.get("RATE_LIMIT", cls.rate_limit),
            comparison_rate_limit=os.environ.get("COMPARISON_RATE_LIMIT", cls.comparison_rate_limit),
            job_queue=os.environ.get("JOB_QUEUE") or cls.job_queue,
            job_min_articles=_env_int("JOB_MIN_ARTICLES", cls.job_min_articles),
            job_min_sentences=_env_int("JOB_MIN_SENTENCES", cls.job_min_sentences),
            job_timeout=_env_int("JOB_TIMEOUT", cls.job_timeout),
            job_result_ttl=_env_int("JOB_RESULT_TTL", cls.job_result_ttl),
            job_retries=_env_int("JOB_RETRIES", cls.job_retries),
            max_corpus_articles=_env_int("MAX_CORPUS_ARTICLES", cls.max_corpus_articles),
            worker_heartbeat=_env_int("WORKER_HEARTBEAT", cls.worker_heartbeat),
            worker_grace=_env_int("WORKER_GRACE", cls.worker_grace),
            worker_maintenance=_env_int("WORKER_MAINTENANCE", cls.worker_maintenance),
            host=os.environ.get("HOST") or cls.host,
            port=_env_int("PORT", cls.port),
            web_concurrency=_env_int("WEB_CONCURRENCY", cls.web_concurrency),
            job_workers=_env_int("JOB_WORKERS", cls.job_workers),
        )

    def replace(self, **changes) -> "Settings":
        """A copy with some settings changed: create_app's overrides of the environment."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)

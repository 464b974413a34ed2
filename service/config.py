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
    comparison_ttl: int = 24 * 3600  # seconds a cached comparison lives
    page_size: int = 20
    max_page_size: int = 100
    log_level: str = "INFO"
    redis_timeout: float = 2.0
    cors_origins: str = "*"  # comma-separated origins allowed to call the API from a browser
    api_keys: str = ""  # comma-separated keys; when set, writes to /v1/articles need one
    rate_limit: str = "600 per minute"  # per client (API key or address); empty disables rate limiting
    comparison_rate_limit: str = "120 per minute"  # comparisons cost more than reads

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            redis_url=os.environ.get("REDIS_URL") or None,
            data_dir=os.environ.get("DATA_DIR", "var"),
            max_body_bytes=_env_int("MAX_BODY_BYTES", cls.max_body_bytes),
            max_documents=_env_int("MAX_DOCUMENTS", cls.max_documents),
            max_sentences=_env_int("MAX_SENTENCES", cls.max_sentences),
            comparison_ttl=_env_int("COMPARISON_TTL", cls.comparison_ttl),
            log_level=os.environ.get("LOG_LEVEL", "INFO"),
            cors_origins=os.environ.get("CORS_ORIGINS", cls.cors_origins),
            api_keys=os.environ.get("API_KEYS", ""),
            rate_limit=os.environ.get("RATE_LIMIT", cls.rate_limit),
            comparison_rate_limit=os.environ.get("COMPARISON_RATE_LIMIT", cls.comparison_rate_limit),
        )

    def replace(self, **changes) -> "Settings":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)

"""The pipeline's in-process caches (functools): found by looking, so none is missed when one is added.

Per-text caches (bounded by tuning.TEXT_CACHE_ENTRIES) hold first-time work on each distinct text; start-up
tables (unbounded, no arguments or keyed by configuration) hold lexicons, patterns and converters.
"""
from __future__ import annotations

import importlib
import pkgutil

PIPELINE_PACKAGES = ("service.align", "service.text", "service.framing", "service.ingest")


def pipeline_caches() -> dict[str, object]:
    """Every functools cache defined in the pipeline's packages, by dotted name (imports the packages)."""
    found = {}
    for package in PIPELINE_PACKAGES:
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__, package + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if hasattr(type(value), "cache_info") and getattr(value, "__module__", "") == info.name:
                    found[f"{info.name}.{name}"] = value
    return found


def clear_text_caches() -> int:
    """Empty the bounded (per-text) caches, keeping the start-up tables; returns how many were emptied."""
    bounded = [cached for cached in pipeline_caches().values() if cached.cache_info().maxsize is not None]
    for cached in bounded:
        cached.cache_clear()
    return len(bounded)

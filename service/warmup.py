"""warm_up(): pay a process's one-time costs before its first request or job (the entry points call it)."""
from __future__ import annotations

import gc
from functools import cache

GC_YOUNG_THRESHOLD = 20_000  # allocations between young collections (Python's default is 700)


@cache
def warm_up() -> None:
    """Load the segmenter's dictionary, the data files and every lazily built table by comparing the two
    rehearsal documents of data/rehearsal.yaml, then freeze what exists: it lives as long as the process, so
    the collector need not scan it again, and a request's short-lived objects are collected less often (full
    scans over large caches took tens of ms a request)."""
    from .comparison import compare
    from .datafiles import load_yaml
    from .ingest import parse_document

    compare([parse_document(d["content"].encode(), content_type=d["content_type"], outlet=d["outlet"])
             for d in load_yaml("rehearsal.yaml")["documents"]])
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])

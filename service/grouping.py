"""Average-link grouping of articles into events, shared by comparisons (service.scope) and event grouping
(service.events)."""
from __future__ import annotations

from datetime import datetime

import numpy as np

from .tuning import EventParams


def average_link(similarity: np.ndarray, days: np.ndarray, params: EventParams) -> list[list[int]]:
    """Merge the two groups of highest average similarity while it reaches `params.similarity` and the merged
    group spans at most `max_event_days` (undated articles fit anywhere). Groups keep the position of their
    first member; ties go to the first pair in that order."""
    n = len(similarity)
    sums, size = similarity.astype(float).copy(), np.ones(n)
    low, high = days.astype(float).copy(), days.astype(float).copy()
    active, members = np.ones(n, dtype=bool), [[i] for i in range(n)]
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    while n > 1:
        with np.errstate(invalid="ignore"):
            span = np.fmax.outer(high, high) - np.fmin.outer(low, low)
            score = sums / np.outer(size, size)
            allowed = upper & np.outer(active, active) & ~(span > params.max_event_days) & \
                (score >= params.similarity)
        if not allowed.any():
            break
        x, y = divmod(int(np.argmax(np.where(allowed, score, -np.inf))), n)
        sums[x, :] += sums[y, :]
        sums[:, x] += sums[:, y]
        size[x] += size[y]
        low[x], high[x] = np.fmin(low[x], low[y]), np.fmax(high[x], high[y])
        active[y] = False
        members[x] += members[y]
    return [sorted(members[i]) for i in range(n) if active[i]]


def day_number(published_at: str | None) -> float:
    """The calendar day of a stamp as a number (NaN when undated)."""
    return float(datetime.fromisoformat(published_at[:10]).date().toordinal()) if published_at else float("nan")

"""The best-matching clauses of sentence pairs: a quote in two attribution frames matches clause to clause."""
from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from ..tuning import AlignParams
from .features import SentenceFeatures


def best_clauses(left: list[SentenceFeatures], right: list[SentenceFeatures], params: AlignParams, *,
                 workers: int) -> np.ndarray:
    """The best ratio between long-enough clauses of each pair (0-100): every clause pair of every sentence
    pair, enumerated with numpy, scored in one cpdist call."""
    rows: dict[int, int] = {}  # id of a feature -> its row; the features are alive for this call
    clauses: list[str] = []
    first, count = [], []
    for feature in (*left, *right):
        if id(feature) not in rows:
            rows[id(feature)] = len(first)
            long_enough = [c for c in feature.clauses if len(c) >= params.min_clause_chars]
            first.append(len(clauses))
            count.append(len(long_enough))
            clauses.extend(long_enough)
    best = np.zeros(len(left))
    if not clauses:
        return best
    first_of, count_of = np.asarray(first), np.asarray(count)
    a = np.fromiter((rows[id(f)] for f in left), dtype=np.int64, count=len(left))
    b = np.fromiter((rows[id(f)] for f in right), dtype=np.int64, count=len(right))
    per_pair = count_of[a] * count_of[b]
    owner = np.repeat(np.arange(len(left)), per_pair)
    if not len(owner):
        return best
    within = np.arange(len(owner)) - np.repeat(np.cumsum(per_pair) - per_pair, per_pair)
    width = count_of[b][owner]
    texts = np.asarray(clauses, dtype=object)
    xs = texts[first_of[a][owner] + within // width].tolist()
    ys = texts[first_of[b][owner] + within % width].tolist()
    ratios = process.cpdist(xs, ys, scorer=fuzz.ratio, workers=workers)
    np.maximum.at(best, owner, ratios.astype(np.float64))
    return best

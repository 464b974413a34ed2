"""Scores of sentence pairs: the link model's calibrated confidence and the lexical scorer that explains it best.

The decision is the fitted model's (align.link_model over align.pair_features): no single score against a
threshold, and no hard veto. A conflict in the sentences' own words (another named person, place, date or
number) is strong evidence against a link; a conflict only in what context suggests (a pronoun's antecedent)
is weaker evidence; both are features the model weighs.
"""
from __future__ import annotations

import math
from itertools import repeat
from typing import NamedTuple

import numpy as np

from ..tuning import AlignParams
from .features import SentenceFeatures
from .link_model import cross_model, link_model
from .pair_features import INDEX, pair_matrix

SCORERS = {
    "chars": "rapidfuzz ratio over characters",
    "words": "rapidfuzz token_set_ratio over words (jieba for Chinese)",
    "partial": "rapidfuzz partial_ratio of the shorter sentence inside the longer",
    "clause": "rapidfuzz ratio of the best pair of clauses (a quote in different attribution frames)",
    "quote": "a quote of one sentence found in the other",
    "embedding": "cosine of multilingual-e5-small embeddings (sentences in two languages)",
}
EXPLAINING = {"chars": "chars", "words": "words_set", "partial": "partial", "clause": "clause", "quote": "quote"}


class PairScore(NamedTuple):
    """One scored sentence pair; a named tuple, made for every candidate pair (1.5x cheaper than a frozen dataclass)."""

    score: float  # the best lexical scorer's score, 0-100: an explanation, not the decision
    scorer: str
    confidence: float = 1.0  # the link model's probability that both report one fact


def score_pair(a: SentenceFeatures, b: SentenceFeatures, *, params: AlignParams = AlignParams()) -> PairScore:
    return score_pairs([(a, b)], params=params)[0]


def score_pairs(pairs: list[tuple[SentenceFeatures, SentenceFeatures]], *,
                params: AlignParams = AlignParams()) -> list[PairScore]:
    """Scores of many pairs at once: the feature matrix in batch, the model as one matrix product."""
    if not pairs:
        return []
    matrix = pair_matrix(pairs, params=params)
    confidence = link_model().predict(matrix)
    columns = [INDEX[column] for column in EXPLAINING.values()]
    best = matrix[:, columns].argmax(axis=1)
    values = matrix[np.arange(len(pairs)), np.asarray(columns)[best]]
    names = list(EXPLAINING)
    return [PairScore(score=round(100.0 * value, 1), scorer=names[k], confidence=round(p, 4))
            for value, k, p in zip(values.tolist(), best.tolist(), confidence.tolist())]


def score_cross_pairs(crosslingual, pairs: list[tuple[int, int]]) -> list[PairScore]:
    """Scores of unit pairs across languages (crosslingual.CrossLingual): the cross-lingual model's confidence;
    the explanation is the embedding cosine."""
    matrix = crosslingual.matrix(pairs)
    confidence = cross_model().predict(matrix)
    return [PairScore(score=round(100.0 * cosine, 1), scorer="embedding", confidence=round(p, 4))
            for cosine, p in zip(matrix[:, 0].tolist(), confidence.tolist())]


def keyword_cosine(a: SentenceFeatures, b: SentenceFeatures, weights: dict[str, float], *,
                   masses: dict[frozenset, float] | None = None) -> float:
    """Cosine of the IDF-weighted vocabularies. `masses` is the caller's memo of vocabulary masses (keyed by
    the word set itself, valid for one `weights`)."""
    words_a, words_b = a.word_set, b.word_set
    if not words_a or not words_b:
        return 0.0
    if masses is None:
        mass_a, mass_b = _mass(a, weights), _mass(b, weights)
    else:
        mass_a = masses[words_a] if words_a in masses else masses.setdefault(words_a, _mass(a, weights))
        mass_b = masses[words_b] if words_b in masses else masses.setdefault(words_b, _mass(b, weights))
    if not mass_a or not mass_b:
        return 0.0
    shared = sum(map(weights.get, words_a & words_b, repeat(1.0)))
    return 100.0 * shared / math.sqrt(mass_a * mass_b)


def _mass(feature: SentenceFeatures, weights: dict[str, float]) -> float:
    return sum(map(weights.get, feature.word_set, repeat(1.0)))  # weights.get(w, 1.0) without a frame per word

"""Scores of one sentence pair from rapidfuzz scorers, the scorer that carried it, and slot conflicts.

Whole-sentence scores are dragged down when the same quote sits in different attribution frames, so the best
clause pair may carry the sentence pair. Look-alike sentences about different participants, places or years
are kept apart by a consistency check on those slots, which no score can do.
"""
from __future__ import annotations

import math
import operator
from itertools import repeat
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from ..tuning import AlignParams
from .features import SentenceFeatures

SCORERS = {
    "chars": "rapidfuzz ratio over characters",
    "words": "rapidfuzz token_set_ratio over words (jieba for Chinese)",
    "partial": "rapidfuzz partial_ratio of the shorter sentence inside the longer, discounted by length",
    "clause": "rapidfuzz ratio of the best pair of clauses (a quote in different attribution frames)",
    "keywords": "cosine of IDF-weighted words, scaled (rare shared words: names, places, topics)",
    "event": "the same encounter (a meeting or a call) between the same two or more people",
}
BATCH_ORDER = ("chars", "words", "partial", "clause", "event", "keywords")  # ties go to the first, as in score_pair
SLOTS = ("people", "places", "years", "weekdays", "encounters")  # values two reports of one fact cannot disagree on
_slot_values = operator.attrgetter(*SLOTS)  # one C call for all of a sentence's slots
PARALLEL_PAIRS = 5_000  # smaller batches score on one thread (starting threads costs more than it saves)
CLAUSE_DISCOUNT = 0.95  # a clause match is a little weaker evidence than a whole-sentence match
EVENT_SCORE = 70.0  # what agreeing on who met whom is worth, when nothing else conflicts
MIN_SET_WORDS = 4  # token_set_ratio calls any subset a perfect match; short sentences use ratio instead


class PairScore(NamedTuple):
    """One scored sentence pair; a named tuple, made for every candidate pair (1.5x cheaper than a frozen dataclass)."""

    score: float
    scorer: str
    conflict: str | None = None  # the slot that keeps the pair apart, if any

    @property
    def linked(self) -> bool:
        return self.conflict is None

    @property
    def confidence(self) -> float:
        return 0.0 if self.conflict else min(self.score, 100.0) / 100.0


def score_pair(a: SentenceFeatures, b: SentenceFeatures, *, weights: dict[str, float] | None = None,
               params: AlignParams = AlignParams()) -> PairScore:
    """The best scorer's score, which scorer it was, and any slot conflict."""
    return _verdict(a, b, raw_scores(a, b, params=params), weights, params)


def score_pairs(pairs: list[tuple[SentenceFeatures, SentenceFeatures]], *, weights: dict[str, float],
                params: AlignParams = AlignParams(), keywords: np.ndarray | None = None) -> list[PairScore]:
    """score_pair for many pairs at once, the same scores: the rapidfuzz scorers run over all pairs in C
    (`process.cpdist`), clause pairs in one flat batch, keyword cosines as a sparse product (or `keywords`,
    the pairs' cosines when the caller has them from a KeywordIndex)."""
    if not pairs:
        return []
    workers = -1 if len(pairs) >= PARALLEL_PAIRS else 1
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    a_short = np.fromiter((len(a.bare) <= len(b.bare) for a, b in pairs), dtype=bool, count=len(pairs))
    shorter = [a.bare if s else b.bare for (a, b), s in zip(pairs, a_short)]
    longer = [b.bare if s else a.bare for (a, b), s in zip(pairs, a_short)]
    table = np.full((len(pairs), len(BATCH_ORDER)), -np.inf)
    table[:, 0] = process.cpdist([a.bare for a in left], [b.bare for b in right], scorer=fuzz.ratio, workers=workers)
    word_sets = process.cpdist([a.words for a in left], [b.words for b in right], scorer=fuzz.token_set_ratio,
                               workers=workers)
    word_ratios = process.cpdist([a.words for a in left], [b.words for b in right], scorer=fuzz.ratio, workers=workers)
    count_a = np.fromiter((len(a.word_list) for a in left), dtype=float, count=len(pairs))
    count_b = np.fromiter((len(b.word_list) for b in right), dtype=float, count=len(pairs))
    fewer, more = np.minimum(count_a, count_b), np.maximum(count_a, count_b)
    table[:, 1] = np.where(fewer >= MIN_SET_WORDS, word_sets * (0.75 + 0.25 * fewer / np.maximum(more, 1)),
                           word_ratios)
    short = np.fromiter((len(x) for x in shorter), dtype=float, count=len(pairs))
    long = np.fromiter((len(x) for x in longer), dtype=float, count=len(pairs))
    # below the cluster floor a score only ever means "too low", so the slowest scorer may stop early there
    partials = process.cpdist(shorter, longer, scorer=fuzz.partial_ratio, workers=workers,
                              score_cutoff=params.cluster_floor)
    table[:, 2] = np.where(short >= params.min_partial_chars, partials * (0.75 + 0.25 * short / np.maximum(long, 1)),
                           -np.inf)
    table[:, 3] = _best_clauses(left, right, params, skip=table[:, :3].max(axis=1) >= CLAUSE_DISCOUNT * 100,
                                workers=workers)
    table[:, 4] = [EVENT_SCORE if len(a.named & b.named) >= 2 and a.encounters and a.encounters == b.encounters
                   else -np.inf for a, b in pairs]
    if keywords is None:
        index = KeywordIndex([*left, *right], weights)
        keywords = index.cosines(np.arange(len(left)), np.arange(len(left), 2 * len(left)))
    table[:, 5] = np.minimum(100.0, params.keyword_weight * keywords)
    best = table.argmax(axis=1)
    values = table[np.arange(len(pairs)), best]
    return [PairScore(score=round(float(value), 1), scorer=BATCH_ORDER[k], conflict=slot_conflict(a, b))
            for value, k, (a, b) in zip(values.tolist(), best.tolist(), pairs)]


def _best_clauses(left: list[SentenceFeatures], right: list[SentenceFeatures], params: AlignParams,
                  skip: np.ndarray, workers: int) -> np.ndarray:
    """best_clause for each pair not skipped (another scorer already beats any clause score): every clause
    pair of every sentence pair, enumerated with numpy, scored in one cpdist call."""
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
    per_pair = np.where(skip, 0, count_of[a] * count_of[b])
    owner = np.repeat(np.arange(len(left)), per_pair)
    if not len(owner):
        return best
    within = np.arange(len(owner)) - np.repeat(np.cumsum(per_pair) - per_pair, per_pair)
    width = count_of[b][owner]
    texts = np.asarray(clauses, dtype=object)
    xs = texts[first_of[a][owner] + within // width].tolist()
    ys = texts[first_of[b][owner] + within % width].tolist()
    ratios = process.cpdist(xs, ys, scorer=fuzz.ratio, workers=workers)
    np.maximum.at(best, owner, ratios.astype(np.float64) * CLAUSE_DISCOUNT)
    return best


class KeywordIndex:
    """IDF-weighted vocabularies of many sentences as one sparse matrix: keyword cosines of any pairs of them
    in one product."""

    def __init__(self, features: list[SentenceFeatures], weights: dict[str, float]):
        vocabulary: dict[str, int] = {}
        rows, cols, values = [], [], []
        for row, feature in enumerate(features):
            for word in feature.word_set:
                rows.append(row)
                cols.append(vocabulary.setdefault(word, len(vocabulary)))
                values.append(weights.get(word, 1.0))
        self.matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(features), max(len(vocabulary), 1)))
        self.present = self.matrix.copy()
        self.present.data[:] = 1.0
        self.mass = np.asarray(self.matrix.sum(axis=1)).ravel()

    def cosines(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """keyword_cosine of rows a[k] and b[k], for every k."""
        shared = np.asarray(self.matrix[a].multiply(self.present[b]).sum(axis=1)).ravel()
        denominator = np.sqrt(self.mass[a] * self.mass[b])
        return np.where(denominator > 0, 100.0 * shared / np.where(denominator > 0, denominator, 1.0), 0.0)


def raw_scores(a: SentenceFeatures, b: SentenceFeatures, *, params: AlignParams = AlignParams()) -> dict:
    short, long = (a, b) if len(a.bare) <= len(b.bare) else (b, a)
    return _combine(a, b, fuzz.ratio(a.bare, b.bare), fuzz.token_set_ratio(a.words, b.words),
                    fuzz.ratio(a.words, b.words), fuzz.partial_ratio(short.bare, long.bare), params)


def _combine(a: SentenceFeatures, b: SentenceFeatures, chars: float, word_set: float, word_ratio: float,
             partial: float, params: AlignParams) -> dict:
    """The scorers' scores from the raw rapidfuzz ratios, with the discounts that keep them honest."""
    scores = {"chars": chars}
    words_a, words_b = len(a.word_list), len(b.word_list)
    if min(words_a, words_b) >= MIN_SET_WORDS:
        # token_set_ratio calls a subset a perfect match: discount by how much of the longer one it covers
        scores["words"] = word_set * (0.75 + 0.25 * min(words_a, words_b) / max(words_a, words_b))
    else:
        scores["words"] = word_ratio
    short, long = sorted((len(a.bare), len(b.bare)))
    if short >= params.min_partial_chars:
        # a short sentence found inside a long one, discounted by how much of the long one it leaves out
        scores["partial"] = partial * (0.75 + 0.25 * short / max(long, 1))
    scores["clause"] = best_clause(a, b, params=params)
    if len(a.named & b.named) >= 2 and a.encounters and a.encounters == b.encounters:
        scores["event"] = EVENT_SCORE
    return scores


def _verdict(a, b, scores: dict, weights, params: AlignParams) -> PairScore:
    if weights is not None:
        scores["keywords"] = min(100.0, params.keyword_weight * keyword_cosine(a, b, weights))
    scorer = max(scores, key=scores.get)
    return PairScore(score=round(scores[scorer], 1), scorer=scorer, conflict=slot_conflict(a, b))


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


def best_clause(a: SentenceFeatures, b: SentenceFeatures, *, params: AlignParams = AlignParams()) -> float:
    """The best ratio between two long-enough clauses (clauses come longest first), discounted a little."""
    left = [c for c in a.clauses if len(c) >= params.min_clause_chars]
    right = [c for c in b.clauses if len(c) >= params.min_clause_chars]
    if not left or not right:
        return 0.0
    return float(process.cdist(left, right, scorer=fuzz.ratio).max()) * CLAUSE_DISCOUNT


def slot_conflict(a: SentenceFeatures, b: SentenceFeatures) -> str | None:
    """Name the slot whose values the two sentences disagree on (each has a value the other lacks)."""
    for slot, x, y in zip(SLOTS, _slot_values(a), _slot_values(b)):
        if x and y and not x <= y and not y <= x:
            return slot
    return None

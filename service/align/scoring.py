"""Scores of one sentence pair from rapidfuzz scorers, the scorer that carried it, and slot conflicts.

Whole-sentence scores are dragged down when the same quote sits in different attribution frames, so the best
clause pair may carry the sentence pair. Look-alike sentences about different participants, places or years
are kept apart by a consistency check on those slots, which no score can do.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

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
EVENT_SCORE = 70.0  # what agreeing on who met whom is worth, when nothing else conflicts
MIN_SET_WORDS = 4  # token_set_ratio calls any subset a perfect match; short sentences use ratio instead


@dataclass(frozen=True)
class PairScore:
    score: float
    scorer: str
    conflict: str | None = None  # the slot that keeps the pair apart, if any

    @property
    def linked(self) -> bool:
        return self.conflict is None


def score_pair(a: SentenceFeatures, b: SentenceFeatures, *, weights: dict[str, float] | None = None,
               params: AlignParams = AlignParams()) -> PairScore:
    """The best scorer's score, which scorer it was, and any slot conflict."""
    scores = raw_scores(a, b, params=params)
    if weights is not None:
        scores["keywords"] = min(100.0, params.keyword_weight * keyword_cosine(a, b, weights))
    scorer = max(scores, key=scores.get)
    return PairScore(score=round(scores[scorer], 1), scorer=scorer, conflict=slot_conflict(a, b))


def raw_scores(a: SentenceFeatures, b: SentenceFeatures, *, params: AlignParams = AlignParams()) -> dict:
    short, long = (a, b) if len(a.bare) <= len(b.bare) else (b, a)
    scores = {"chars": fuzz.ratio(a.bare, b.bare)}
    words_a, words_b = len(a.words.split()), len(b.words.split())
    if min(words_a, words_b) >= MIN_SET_WORDS:
        # token_set_ratio calls a subset a perfect match: discount by how much of the longer one it covers
        coverage = min(words_a, words_b) / max(words_a, words_b)
        scores["words"] = fuzz.token_set_ratio(a.words, b.words) * (0.75 + 0.25 * coverage)
    else:
        scores["words"] = fuzz.ratio(a.words, b.words)
    if len(short.bare) >= params.min_partial_chars:
        # a short sentence found inside a long one, discounted by how much of the long one it leaves out
        coverage = len(short.bare) / max(len(long.bare), 1)
        scores["partial"] = fuzz.partial_ratio(short.bare, long.bare) * (0.75 + 0.25 * coverage)
    scores["clause"] = best_clause(a, b, params=params)
    if len(a.named & b.named) >= 2 and a.encounters and a.encounters == b.encounters:
        scores["event"] = EVENT_SCORE
    return scores


def keyword_cosine(a: SentenceFeatures, b: SentenceFeatures, weights: dict[str, float]) -> float:
    words_a, words_b = set(a.words.split()), set(b.words.split())
    if not words_a or not words_b:
        return 0.0
    shared = sum(weights.get(w, 1.0) for w in words_a & words_b)
    mass_a = sum(weights.get(w, 1.0) for w in words_a)
    mass_b = sum(weights.get(w, 1.0) for w in words_b)
    return 100.0 * shared / math.sqrt(mass_a * mass_b) if mass_a and mass_b else 0.0


def best_clause(a: SentenceFeatures, b: SentenceFeatures, *, params: AlignParams = AlignParams()) -> float:
    best = 0.0
    for x in a.clauses:
        if len(x) < params.min_clause_chars:
            break
        for y in b.clauses:
            if len(y) < params.min_clause_chars:
                break
            best = max(best, fuzz.ratio(x, y))
    return best * 0.95


def slot_conflict(a: SentenceFeatures, b: SentenceFeatures) -> str | None:
    """Name the slot whose values the two sentences disagree on (each has a value the other lacks)."""
    for slot in ("people", "places", "years", "weekdays", "encounters"):
        x, y = getattr(a, slot), getattr(b, slot)
        if x - y and y - x:
            return slot
    return None

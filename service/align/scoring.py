"""Scores of one sentence pair from rapidfuzz scorers, the scorer that carried it, and slot conflicts.

Whole-sentence scores are dragged down when the same quote sits in different attribution frames, so the best
clause pair may carry the sentence pair. Look-alike sentences about different participants, places or years
are kept apart by a consistency check on those slots, which no score can do.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz, process

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
    return _verdict(a, b, raw_scores(a, b, params=params), weights, params)


def score_pairs(pairs: list[tuple[SentenceFeatures, SentenceFeatures]], *, weights: dict[str, float],
                params: AlignParams = AlignParams()) -> list[PairScore]:
    """score_pair for many pairs at once: the rapidfuzz scorers run over all pairs in C (`process.cpdist`)."""
    if not pairs:
        return []
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    shorter = [a.bare if len(a.bare) <= len(b.bare) else b.bare for a, b in pairs]
    longer = [b.bare if len(a.bare) <= len(b.bare) else a.bare for a, b in pairs]
    chars = process.cpdist([a.bare for a in left], [b.bare for b in right], scorer=fuzz.ratio, workers=-1)
    word_sets = process.cpdist([a.words for a in left], [b.words for b in right], scorer=fuzz.token_set_ratio,
                               workers=-1)
    word_ratios = process.cpdist([a.words for a in left], [b.words for b in right], scorer=fuzz.ratio, workers=-1)
    partials = process.cpdist(shorter, longer, scorer=fuzz.partial_ratio, workers=-1)
    masses = {id(f): _mass(f, weights) for f in {id(f): f for pair in pairs for f in pair}.values()}
    return [_verdict(a, b, _combine(a, b, float(chars[k]), float(word_sets[k]), float(word_ratios[k]),
                                    float(partials[k]), params), weights, params, masses)
            for k, (a, b) in enumerate(pairs)]


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


def _verdict(a, b, scores: dict, weights, params: AlignParams, masses: dict | None = None) -> PairScore:
    if weights is not None:
        scores["keywords"] = min(100.0, params.keyword_weight * keyword_cosine(a, b, weights, masses=masses))
    scorer = max(scores, key=scores.get)
    return PairScore(score=round(scores[scorer], 1), scorer=scorer, conflict=slot_conflict(a, b))


def keyword_cosine(a: SentenceFeatures, b: SentenceFeatures, weights: dict[str, float], *,
                   masses: dict[int, float] | None = None) -> float:
    """Cosine of the IDF-weighted vocabularies. `masses` (id of a feature -> its weighted vocabulary size)
    saves recomputing them in a batch; ids are only valid while the batch's features are alive."""
    words_a, words_b = a.word_set, b.word_set
    if not words_a or not words_b:
        return 0.0
    mass_a = masses[id(a)] if masses else _mass(a, weights)
    mass_b = masses[id(b)] if masses else _mass(b, weights)
    if not mass_a or not mass_b:
        return 0.0
    shared = sum(weights.get(w, 1.0) for w in (words_a & words_b))
    return 100.0 * shared / math.sqrt(mass_a * mass_b)


def _mass(feature: SentenceFeatures, weights: dict[str, float]) -> float:
    return sum(weights.get(w, 1.0) for w in feature.word_set)


def best_clause(a: SentenceFeatures, b: SentenceFeatures, *, params: AlignParams = AlignParams()) -> float:
    """The best ratio between two long-enough clauses (clauses come longest first), discounted a little."""
    left = [c for c in a.clauses if len(c) >= params.min_clause_chars]
    right = [c for c in b.clauses if len(c) >= params.min_clause_chars]
    if not left or not right:
        return 0.0
    return float(process.cdist(left, right, scorer=fuzz.ratio).max()) * 0.95


def slot_conflict(a: SentenceFeatures, b: SentenceFeatures) -> str | None:
    """Name the slot whose values the two sentences disagree on (each has a value the other lacks)."""
    for slot in ("people", "places", "years", "weekdays", "encounters"):
        x, y = getattr(a, slot), getattr(b, slot)
        if x - y and y - x:
            return slot
    return None

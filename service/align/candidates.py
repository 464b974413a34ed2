"""Candidate pairs from an inverted index of character n-gram shingles, weighted by rarity, and the word
weights (IDF) of the compared articles.

Only pairs that share enough rare shingles are scored, so the cost grows with the number of sentences and
their overlap, not with every sentence pair of every article pair.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

from ..text.sentences import is_cjk
from ..tuning import AlignParams
from .features import SentenceFeatures

LATIN_SHINGLE = 4  # letters per shingle for text without Chinese characters


def shingles(feature: SentenceFeatures, *, size: int) -> set[str]:
    """Character n-grams of the folded text (robust to segmentation and script) plus its words."""
    text = feature.bare
    n = size if any(is_cjk(ch) for ch in text[:20]) else LATIN_SHINGLE
    grams = {text[i:i + n] for i in range(max(len(text) - n + 1, 1 if text else 0))}
    return grams | {"w:" + word for word in feature.words.split()}


def word_weights(features: list[SentenceFeatures]) -> dict[str, float]:
    """Inverse document frequency of each word over the compared sentences."""
    df = Counter()
    for feature in features:
        df.update(set(feature.words.split()))
    total = len(features) + 1
    return {word: math.log(total / (count + 0.5)) for word, count in df.items()}


def candidate_pairs(features: list[SentenceFeatures], *, params: AlignParams = AlignParams()) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences of different articles that share enough rare shingles."""
    grams = [shingles(f, size=params.shingle_size) for f in features]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, sentence_grams in enumerate(grams):
        for gram in sentence_grams:
            postings[gram].append(i)
    total = len(features)
    max_df = max(params.min_shingle_cap, int(params.max_shingle_share * total))
    idf = {g: math.log((total + 1) / len(ids)) for g, ids in postings.items() if len(ids) <= max_df}
    mass = [sum(idf.get(g, 0.0) for g in sentence_grams) for sentence_grams in grams]
    pairs: set[tuple[int, int]] = set()
    for i, sentence_grams in enumerate(grams):
        shared: dict[int, float] = defaultdict(float)
        for gram in sentence_grams:
            weight = idf.get(gram)
            if weight is None:
                continue
            for j in postings[gram]:
                if features[j].article != features[i].article:
                    shared[j] += weight
        best_per_article: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for j, weight in shared.items():
            overlap = weight / max(min(mass[i], mass[j]), 1e-9)
            if overlap >= params.min_candidate_overlap:
                best_per_article[features[j].article].append((overlap, j))
        for ranked in best_per_article.values():
            for _, j in heapq.nlargest(params.candidates_per_article, ranked):
                pairs.add((min(i, j), max(i, j)))
    return pairs

"""Candidate pairs from an inverted index of character n-gram shingles, weighted by rarity, and the word
weights (IDF) of the compared articles.

Only pairs that share enough rare shingles are scored, so the cost grows with the number of sentences and
their overlap, not with every sentence pair of every article pair.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy import sparse

from ..text.sentences import is_cjk
from ..tuning import AlignParams
from .features import SentenceFeatures


def shingles(feature: SentenceFeatures, *, size: int) -> set[str]:
    """Words, plus character n-grams of Chinese text (robust to word segmentation and script)."""
    words = {"w:" + word for word in feature.words.split()}
    text = feature.bare
    if not any(is_cjk(ch) for ch in text[:20]):
        return words
    return words | {text[i:i + size] for i in range(max(len(text) - size + 1, 1 if text else 0))}


def word_weights(features: list[SentenceFeatures]) -> dict[str, float]:
    """Inverse document frequency of each word over the compared sentences."""
    df = Counter()
    for feature in features:
        df.update(set(feature.words.split()))
    total = len(features) + 1
    return {word: math.log(total / (count + 0.5)) for word, count in df.items()}


def encounter_pairs(features: list[SentenceFeatures]) -> set[tuple[int, int]]:
    """Pairs that report the same kind of encounter between the same two people, however worded: the
    "event" scorer looks at them even when they share few words."""
    postings: dict[tuple, list[int]] = {}
    for i, feature in enumerate(features):
        people = sorted(feature.named)
        for kind in feature.encounters:
            for x in range(len(people)):
                for y in range(x + 1, len(people)):
                    postings.setdefault((kind, people[x], people[y]), []).append(i)
    pairs = set()
    for members in postings.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if features[i].article != features[j].article:
                    pairs.add((i, j))
    return pairs


def candidate_pairs(features: list[SentenceFeatures], *, params: AlignParams = AlignParams()) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences of different articles that share enough rare shingles.

    Shared weight is a sparse matrix product (sentences x shingles, IDF-weighted), so the work grows with the
    overlap between sentences, not with the number of sentence pairs."""
    total = len(features)
    if total < 2:
        return set()
    grams = [shingles(f, size=params.shingle_size) for f in features]
    df = Counter(g for sentence_grams in grams for g in sentence_grams)
    max_df = max(params.min_shingle_cap, int(params.max_shingle_share * total))
    columns = {g: k for k, g in enumerate(g for g, count in df.items() if 1 < count <= max_df)}
    weight_of = {g: math.log((total + 1) / count) for g, count in df.items() if count <= max_df}
    rows, cols, values, mass = [], [], [], np.zeros(total)
    for i, sentence_grams in enumerate(grams):
        sentence_mass = 0.0
        for gram in sentence_grams:
            weight = weight_of.get(gram)
            if weight is None:
                continue
            sentence_mass += weight
            column = columns.get(gram)
            if column is not None:
                rows.append(i)
                cols.append(column)
                values.append(weight)
        mass[i] = sentence_mass
    if not rows:
        return encounter_pairs(features)
    weighted = sparse.csr_matrix((values, (rows, cols)), shape=(total, len(columns)))
    present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(total, len(columns)))
    shared = sparse.triu(weighted @ present.T, k=1).tocoo()  # sum of the weights of the shingles both have
    article = np.fromiter((f.article for f in features), dtype=np.int64, count=total)
    i, j, weight = shared.row, shared.col, shared.data
    overlap = weight / np.maximum(np.minimum(mass[i], mass[j]), 1e-9)
    keep = (article[i] != article[j]) & (overlap >= params.min_candidate_overlap)
    i, j, overlap = i[keep], j[keep], overlap[keep]
    pairs: set[tuple[int, int]] = set()
    # the best few per sentence and other article, seen from both sides of each pair
    for left, right in ((i, j), (j, i)):
        order = np.lexsort((-overlap, article[right], left))
        group = np.stack([left[order], article[right[order]]])
        new_group = np.ones(len(order), dtype=bool)
        new_group[1:] = np.any(group[:, 1:] != group[:, :-1], axis=0)
        starts = np.flatnonzero(new_group)
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.append(starts, len(order))))
        chosen = order[rank < params.candidates_per_article]
        pairs.update(zip(np.minimum(i[chosen], j[chosen]).tolist(), np.maximum(i[chosen], j[chosen]).tolist()))
    return pairs | encounter_pairs(features)

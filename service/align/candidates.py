"""Candidate pairs from an inverted index of character n-gram shingles, weighted by rarity, and the word
weights (IDF) of the compared articles.

Only pairs that share enough rare shingles are scored, so the cost grows with the number of sentences and
their overlap, not with every sentence pair of every article pair.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import numpy as np
from scipy import sparse

from ..text.sentences import is_cjk
from ..tuning import TEXT_CACHE_ENTRIES, AlignParams
from .features import SentenceFeatures

GRAM_CACHE_SIZE = TEXT_CACHE_ENTRIES


def word_weights(features: list[SentenceFeatures]) -> dict[str, float]:
    """Inverse document frequency of each word over the compared sentences."""
    df = Counter()
    for feature in features:
        df.update(feature.word_set)
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
                if features[i].article != features[j].article or features[i].article < 0:
                    pairs.add((i, j))
    return pairs


def candidate_pairs(features: list[SentenceFeatures], *, params: AlignParams = AlignParams(),
                    articles: int | None = None) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences (or units: `article` -1 stands for several articles) of different
    articles worth scoring: they share enough rare shingles as wholes, or one clause of each does (a quote
    in different attribution frames), or they report one encounter between the same people.

    Each sentence keeps its best few partners: `candidates_per_article` for each other article compared, at
    most `max_candidates_per_sentence`, seen from both sides of each pair."""
    if len(features) < 2:
        return set()
    article = np.fromiter((f.article for f in features), dtype=np.int64, count=len(features))
    others = (articles if articles is not None else len(set(article.tolist()))) - 1
    keep = max(1, min(params.candidates_per_article * max(others, 1), params.max_candidates_per_sentence))
    whole = overlapping([_sentence_grams(f.bare, f.words, params.shingle_size) for f in features],
                        np.arange(len(features)), article, min_overlap=params.min_candidate_overlap,
                        keep_per_row=keep, params=params)
    owners, clause_grams = [], []
    for position, feature in enumerate(features):
        for clause in feature.clauses:
            if len(clause) >= params.min_clause_chars:
                owners.append(position)
                clause_grams.append(_clause_grams(clause, params.shingle_size if is_cjk(clause[0]) else 4))
    parts = overlapping(clause_grams, np.asarray(owners, dtype=np.int64), article,
                        min_overlap=params.min_clause_overlap, keep_per_row=keep, params=params)
    return whole | parts | encounter_pairs(features)


def overlapping(grams: list[np.ndarray], owner: np.ndarray, article: np.ndarray, *, min_overlap: float,
                keep_per_row: int, params: AlignParams) -> set[tuple[int, int]]:
    """Owner pairs (i < j) of rows that share rare shingles worth at least `min_overlap` of the lighter row.
    Each row is the array of its distinct shingles' hashes.

    Shared weight is a sparse matrix product (rows x shingles, IDF-weighted) computed in row blocks, so the
    work grows with the overlap between rows, not with the number of row pairs, and memory stays bounded."""
    total = len(grams)
    if total < 2:
        return set()
    hashes, gram_ids = np.unique(np.concatenate(grams), return_inverse=True)
    vocabulary = len(hashes)
    row_ids = np.repeat(np.arange(total), [len(row) for row in grams])
    df = np.bincount(gram_ids, minlength=vocabulary)
    max_df = max(params.min_shingle_cap, int(params.max_shingle_share * total))
    weight = np.log((total + 1) / np.maximum(df, 1))[gram_ids]
    counted = df[gram_ids] <= max_df  # too common to be evidence: left out of the mass too
    mass = np.bincount(row_ids[counted], weights=weight[counted], minlength=total)
    indexed = counted & (df[gram_ids] > 1)  # a gram no other row has cannot be shared
    if not indexed.any():
        return set()
    column_of = np.cumsum(np.bincount(gram_ids[indexed], minlength=vocabulary) > 0) - 1
    rows, cols, values = row_ids[indexed], column_of[gram_ids[indexed]], weight[indexed]
    columns = int(column_of[-1]) + 1
    weighted = sparse.csr_matrix((values, (rows, cols)), shape=(total, columns))
    present_t = sparse.csr_matrix((np.ones(len(rows)), (cols, rows)), shape=(columns, total))
    found_i, found_j = [], []
    for start in range(0, total, params.index_block_rows):
        block = (weighted[start:start + params.index_block_rows] @ present_t).tocoo()
        i, j, shared = block.row + start, block.col, block.data
        # rounded: sums over shingles in another order (hashes differ between processes) must rank the same
        overlap = np.round(shared / np.maximum(np.minimum(mass[i], mass[j]), 1e-9), 9)
        a, b = owner[i], owner[j]
        keep = (a != b) & ((article[a] != article[b]) | (article[a] < 0)) & (overlap >= min_overlap)
        i, j, overlap = i[keep], j[keep], overlap[keep]
        order = np.lexsort((j, -overlap, i))  # each row's partners, best first (ties by position)
        i, j = i[order], j[order]
        starts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
        rank = np.arange(len(i)) - np.repeat(starts, np.diff(np.r_[starts, len(i)]))
        chosen = rank < keep_per_row
        found_i.append(owner[i[chosen]])
        found_j.append(owner[j[chosen]])
    a, b = np.concatenate(found_i), np.concatenate(found_j)
    return set(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()))


@lru_cache(maxsize=GRAM_CACHE_SIZE)
def _sentence_grams(bare: str, words: str, size: int) -> np.ndarray:
    """Hashes of a sentence's shingles, computed once per distinct sentence in a process: its words, plus
    character n-grams of Chinese text (robust to word segmentation and script)."""
    words_only = {"w:" + word for word in words.split()}
    if not any(is_cjk(ch) for ch in bare[:20]):
        return _hashes(words_only)
    return _hashes(words_only | {bare[i:i + size] for i in range(max(len(bare) - size + 1, 1 if bare else 0))})


@lru_cache(maxsize=GRAM_CACHE_SIZE)
def _clause_grams(text: str, size: int) -> np.ndarray:
    return _hashes({text[i:i + size] for i in range(max(len(text) - size + 1, 1))})


def _hashes(grams: set[str]) -> np.ndarray:
    """Python's string hashes (stable within a process, which is all an index built per comparison needs)."""
    return np.fromiter(map(hash, grams), dtype=np.int64, count=len(grams))

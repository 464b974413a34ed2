"""Which articles of a large corpus could be about one event, and how much they share, without comparing every
pair of articles.

Each article's body sentences become sets of words (normalised, as the aligner reads them). An article's whole
vocabulary, less the words too common to tell events apart, gets a MinHash signature; articles that agree on
every value of one LSH band and were published within `max_event_days` of each other are candidate pairs
(bucket members are paired through a sliding window over their dates, so the cost follows the articles that
really could be one event, not the square of the corpus). Only candidate pairs get the finer check: the share
of sentences that have a counterpart in the other article by IDF-weighted word overlap, the same measure as
the aligner's keyword scorer, over the sentences of the shorter article.

Pure: no Flask, no Redis.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np
from scipy import sparse

from .align.features import tokens
from .comparison import body_sentences
from .models import Article
from .text.normalize import normalize
from .tuning import CorpusParams

Progress = Callable[[int, int, str], None]
MINHASH_SEED = 20240426  # fixed: the same corpus gives the same signatures in every process
MIXER = np.uint64(0x9E3779B97F4A7C15)


class CorpusIndex:
    """Sentence word vectors and MinHash signatures of `articles` (positions in this list are their ids)."""

    def __init__(self, articles: list[Article], *, params: CorpusParams = CorpusParams(),
                 progress: Callable[[int], None] | None = None):
        self.params = params
        vocabulary: dict[str, int] = {}
        sentence_words: list[list[int]] = []
        self.offsets = [0]  # article k's sentences are rows offsets[k]:offsets[k + 1]
        for k, article in enumerate(articles):
            for sentence in body_sentences(article):
                words = {vocabulary.setdefault(w, len(vocabulary)) for w in tokens(normalize(sentence.text))}
                sentence_words.append(sorted(words))
            self.offsets.append(len(sentence_words))
            if progress:
                progress(k + 1)
        self.vocabulary = vocabulary
        self.sizes = np.diff(self.offsets)
        self.vectors = _weighted_rows(sentence_words, len(vocabulary))
        self.signatures, self.signed = _signatures(sentence_words, self.offsets, vocabulary, params)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def candidate_pairs(self, days: np.ndarray, max_days: float) -> np.ndarray:
        """(i, j) with i < j: articles in one LSH bucket, published at most `max_days` apart (or undated)."""
        rows, n = self.params.band_rows, len(self)
        keep = np.flatnonzero(self.signed)
        found: list[np.ndarray] = []
        for band in range(self.params.permutations // rows):
            values = self.signatures[keep, band * rows:(band + 1) * rows]
            key = values[:, 0].copy()
            for column in range(1, rows):
                key = key * MIXER + values[:, column]
            order = np.lexsort((np.nan_to_num(days[keep], nan=-np.inf), key))
            ordered = key[order]
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
            ends = np.r_[starts[1:], len(ordered)]
            for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
                found.append(_windowed_pairs(keep[order[start:end]], days, max_days, n))
        if not found:
            return np.zeros((0, 2), dtype=np.int64)
        codes = np.unique(np.concatenate(found))
        return np.stack([codes // n, codes % n], axis=1)

    def similarities(self, pairs: np.ndarray) -> np.ndarray:
        """For each pair: sentences with a counterpart in the other article (counted on the side with fewer),
        over the body sentences of the shorter article."""
        result = np.zeros(len(pairs))
        if len(pairs) == 0:
            return result
        link = self.params.sentence_link
        order = np.argsort(pairs[:, 0], kind="stable")
        lefts = pairs[order, 0]
        bounds = np.flatnonzero(np.r_[True, lefts[1:] != lefts[:-1], True])
        for start, end in zip(bounds[:-1], bounds[1:]):
            left, rights = lefts[start], pairs[order[start:end], 1]
            rights_ok = rights[(self.sizes[rights] > 0)]
            if self.sizes[left] == 0 or len(rights_ok) == 0:
                continue
            mine = self.vectors[self.offsets[left]:self.offsets[left + 1]]
            theirs = sparse.vstack([self.vectors[self.offsets[r]:self.offsets[r + 1]] for r in rights_ok])
            overlap = (mine @ theirs.T).toarray()
            cuts = np.r_[0, np.cumsum(self.sizes[rights_ok])[:-1]]
            matched_mine = (np.maximum.reduceat(overlap, cuts, axis=1) >= link).sum(axis=0)
            matched_theirs = np.add.reduceat(overlap.max(axis=0) >= link, cuts)
            shorter = np.minimum(self.sizes[left], self.sizes[rights_ok])
            values = np.minimum(matched_mine, matched_theirs) / shorter
            positions = dict(zip(rights_ok.tolist(), values.tolist()))
            for k, right in zip(order[start:end], rights):
                result[k] = positions.get(int(right), 0.0)
        return result


def _weighted_rows(sentence_words: list[list[int]], width: int) -> sparse.csr_matrix:
    """One row per sentence, sqrt(IDF) per word over the row's IDF mass: a row product is the aligner's
    keyword overlap (shared IDF over the geometric mean of both masses)."""
    total = len(sentence_words) + 1
    counts = np.bincount(np.fromiter((w for words in sentence_words for w in words), dtype=np.int64),
                         minlength=width) if width else np.zeros(0)
    idf = np.log(total / (counts + 0.5))
    indptr = np.r_[0, np.cumsum([len(words) for words in sentence_words])].astype(np.int64)
    indices = np.fromiter((w for words in sentence_words for w in words), dtype=np.int64, count=indptr[-1])
    weights = idf[indices]
    rows = np.repeat(np.arange(len(sentence_words)), np.diff(indptr))
    mass = np.bincount(rows, weights=weights, minlength=len(sentence_words))
    values = np.sqrt(weights) / np.sqrt(mass[rows])
    return sparse.csr_matrix((values, indices, indptr), shape=(len(sentence_words), width))


def _signatures(sentence_words, offsets, vocabulary, params: CorpusParams):
    """MinHash of each article's words, leaving out words most articles use; and which articles have any."""
    n = len(offsets) - 1
    article_words = [np.unique(np.fromiter((w for s in sentence_words[offsets[k]:offsets[k + 1]] for w in s),
                                           dtype=np.int64)) for k in range(n)]
    df = np.bincount(np.concatenate(article_words), minlength=len(vocabulary)) if n and vocabulary else \
        np.zeros(len(vocabulary), dtype=np.int64)
    common = df > max(params.common_word_share * n, params.min_common_articles)
    hashes = np.array([int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
                       for w in vocabulary], dtype=np.uint64)
    rng = np.random.default_rng(MINHASH_SEED)
    multipliers = rng.integers(1, 2**63, size=params.permutations, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    offsets_ = rng.integers(0, 2**63, size=params.permutations, dtype=np.uint64)
    signatures = np.full((n, params.permutations), np.iinfo(np.uint64).max, dtype=np.uint64)
    signed = np.zeros(n, dtype=bool)
    for k, words in enumerate(article_words):
        words = words[~common[words]]
        if len(words) == 0:
            continue
        with np.errstate(over="ignore"):
            values = (np.multiply.outer(hashes[words], multipliers) + offsets_) >> np.uint64(32)
        signatures[k] = values.min(axis=0)
        signed[k] = True
    return signatures, signed


def _windowed_pairs(members: np.ndarray, days: np.ndarray, max_days: float, n: int) -> np.ndarray:
    """Pair codes (i * n + j, i < j) of bucket members published within `max_days`; undated pair with all.
    `members` come sorted by date, undated first."""
    when = days[members]
    undated = np.isnan(when)
    codes = []
    loose, dated = members[undated], members[~undated]
    for position, article in enumerate(loose):
        others = np.r_[loose[position + 1:], dated]
        codes.append(np.minimum(article, others) * n + np.maximum(article, others))
    stamps = when[~undated]
    reach = np.searchsorted(stamps, stamps + max_days, side="right")
    for position in np.flatnonzero(reach - np.arange(len(stamps)) > 1):
        others = dated[position + 1:reach[position]]
        article = dated[position]
        codes.append(np.minimum(article, others) * n + np.maximum(article, others))
    return np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)


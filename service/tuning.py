"""Tuning parameters of the alignment pipeline, with their defaults, in one place.

Thresholds were calibrated on the dev gold set (tests/gold/alignment.yaml) with `python -m service.eval`;
change them there, not at call sites.
"""
from __future__ import annotations

from dataclasses import dataclass

ALGORITHM_VERSION = "1.0"
# Distinct texts whose per-text work (features, shingles, framing readings, word diffs) each process keeps:
# measured about 13-40 KB a text over all those caches, so at most a few hundred MB a process.
TEXT_CACHE_ENTRIES = 8_000


@dataclass(frozen=True)
class AlignParams:
    min_confidence: float | None = None  # link model probability at which two sentences are linked (None: the
    # model file's threshold, chosen on the dev sets)
    cluster_floor: float = 0.15  # no cross-article pair of one fact may fall below this (and their mean must
    # stay at the link threshold)
    min_clause_chars: int = 8  # clauses shorter than this cannot carry a sentence pair on their own
    min_partial_chars: int = 10  # a sentence shorter than this is not matched inside a longer one
    shingle_size: int = 2  # character n-grams of the candidate index
    max_shingle_share: float = 0.05  # n-grams in more than this share of sentences are too common to index...
    min_shingle_cap: int = 20  # ...unless they occur in fewer sentences than this (small comparisons keep all)
    candidates_per_article: int = 6  # best candidates kept per sentence, times the other articles compared...
    max_candidates_per_sentence: int = 30  # ...up to this many (measured on the 200-article corpus: 30 and 60
    # keep the same 99.1% of brute-force links, 15 keeps 97.9%)
    index_block_rows: int = 2048  # rows of the candidate index multiplied at once (bounds its memory)
    min_candidate_overlap: float = 0.12  # weighted n-gram overlap a pair needs to be scored at all...
    min_clause_overlap: float = 0.5  # ...or that one clause of each needs (a quote in different frames)
    max_coherence_pairs: int = 32  # cross pairs checked per merge; larger facts are checked on a sample
    adjacent_span: int = 2  # sentences of one article in one fact must be this close (many-to-one)


@dataclass(frozen=True)
class EventParams:
    similarity: float = 0.12  # average share of sentences in shared facts at which two groups are one event
    max_event_days: int = 10  # articles further apart than this are never one event
    repost_similarity: float = 0.6  # a copy sharing this share of facts with an original of its outlet is a repost


@dataclass(frozen=True)
class CorpusParams:
    """Event grouping of a whole stored corpus: candidate pairs from MinHash/LSH over article word sets, then a
    sentence-level keyword check on the candidates only (dates and thresholds from EventParams)."""

    permutations: int = 128  # MinHash values per article
    band_rows: int = 2  # LSH: articles agreeing on all values of one band are candidates (64 bands of 2)
    common_word_share: float = 0.2  # words in more than this share of articles are left out of signatures...
    min_common_articles: int = 50  # ...once they occur in at least this many articles
    sentence_link: float = 0.3  # IDF-weighted word overlap at which two sentences report the same thing
    max_component: int = 400  # larger groups of linked articles are split by the candidate links alone

"""Tuning parameters of the alignment pipeline, with their defaults, in one place.

Thresholds were calibrated on the dev gold set (tests/gold/alignment.yaml) with `python -m service.eval`;
change them there, not at call sites.
"""
from __future__ import annotations

from dataclasses import dataclass

ALGORITHM_VERSION = "2.1"  # raise with every change of the pipeline's code that changes an answer (data files have their digest)
# Distinct texts whose per-text work (features, shingles, framing readings, word diffs) each process keeps:
# measured about 13-40 KB a text over all those caches, so at most a few hundred MB a process.
TEXT_CACHE_ENTRIES = 8_000


@dataclass(frozen=True)
class AlignParams:
    min_confidence: float | None = None  # link model probability at which two sentences are linked (None: the
    # model file's threshold, chosen on the dev sets); asked for, it holds for pairs across languages too...
    cross_min_confidence: float | None = None  # ...unless this sets theirs (choosing the cross-lingual threshold
    # without moving the one-language one)
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

# Comparisons across languages (align/crosslingual.py)
NEIGHBOURS = 5  # candidates per sentence among the other language's sentences
EMBEDDING_BUDGET = 400  # sentences embedded per comparison at most (10-60 ms each on these 2 cores); past it, the
# rarest shared anchors choose the candidates and the cosine reads as unknown (bench corpus-200, which mixes
# languages: 48 s cold with every anchored sentence embedded, 6.7 s without)
MAX_ANCHOR_SHARE = 0.25  # an anchor in more than this share of one language's sentences proposes no pairs...
MIN_ANCHOR_COUNT = 5  # ...unless it is in no more sentences than this (short documents)
CJK_SHARE = 0.3  # a sentence with at least this share of Chinese characters is Chinese
MAX_APART_DAYS = 30  # publication dates further apart than this count as this far (pair features, both models)
CHARS_PER_WORD = 1.6  # Chinese characters per English word in translation, roughly (length ratio)

# Word differences (align/diff.py)
MAX_SPAN_CHARS = 40  # longer differing spans are whole clauses, not word choices
MIN_SHARED_WORDS = 0.3  # below this share of common words two mentions are rewrites, not word choices

# Facts (align/facts.py)
CENTRALITY_SAMPLE = 24  # distinct texts of a large fact its reference is chosen from and compared with

# Pair features of the link model (align/pair_features.py)
PARTIAL_CUTOFF = 30.0  # partial_ratio below this reads 0 (the slowest scorer stops early)
NEAR_DUPLICATE = 0.6  # character ratio above which the edits between two sentences are read one by one
MAX_SWAPS = 2  # one or two short substitutions in an otherwise equal sentence: 中多 -> 中吉, 财政部长 -> 商务部长

# Stories of multi-story documents (ingest/stories.py)
MIN_STORIES = 6  # fewer separate sections than this: one report with subheads (news articles have up to
# five; measured on the seeds and page fixtures), never cut up: its parts would drop out of comparisons
MIN_TILING_PARAGRAPHS = 12  # lexical segmentation only for documents this long
TILING_WINDOW = 2  # paragraphs on each side of a gap
TILING_SIMILARITY = 0.05  # a gap is a boundary only where the windows share less than this (measured: no cut in
# any seed, White House text or page fixture; 14-20 of the 17-28 stories of the CCTV programmes stripped of headings)
TILING_DEPTH = 0.25  # ...and the valley is at least this deep
MIN_STORY_PARAGRAPHS = 2  # a lexical segment is at least this long

# What a comparison compares (scope.py)
MIN_SHARED_SENTENCES = 2  # a story is compared when this many of its sentences share facts with other articles...
MOSTLY_SHARED = 0.5  # ...or when this share of them does (a short story)
MIN_FACT_CHARS = 12  # shorter sentences ("央视网消息（新闻联播）：", a section title) say too little to count

"""The link model's features of sentence pairs, as one matrix (a row per pair), computed in batches.

Lexical similarity (rapidfuzz scorers over characters, words and clauses, set overlaps), what differs (content
words only one sentence has, lengths), and slots read from the sentences' own words (people, places,
organisations, numbers, years, weekdays, encounters, negation, quotes), each as agree / conflict. People
inferred from context (a pronoun's antecedent, the speaker of a quote that goes on) are separate, weaker
features: evidence, not a veto. Every feature is in [0, 1] or a small count.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from scipy import sparse

from ..text.when import days_agree, days_conflict
from ..tuning import MAX_APART_DAYS, MAX_SWAPS, NEAR_DUPLICATE, PARTIAL_CUTOFF, TEXT_CACHE_ENTRIES, AlignParams
from .clauses import best_clauses
from .features import SentenceFeatures

FEATURES = (
    "chars", "words_set", "words_sort", "words_ratio", "partial", "clause", "quote",
    "word_jaccard", "bigram_jaccard", "containment", "length_ratio", "unshared_long", "unshared_short",
    "people_agree", "people_conflict", "context_people_conflict", "context_people_agree",
    "places_conflict", "mentioned_places_conflict", "organisations_conflict", "names_agree", "names_conflict",
    "numbers_agree", "numbers_conflict", "numbers_one_side", "years_conflict", "weekdays_conflict",
    "days_agree", "days_conflict",
    "encounter_agree", "encounter_conflict", "negation_mismatch", "event",
    "swapped_words", "added_words", "published_apart",
)
INDEX = {name: k for k, name in enumerate(FEATURES)}
# Which way each feature may push the decision: more similarity or agreement never makes a link less likely,
# a conflict never more likely (+1 / -1; 0: either way). The fit keeps to these signs, so the model cannot
# trade one similarity score against another and misread pairs unlike anything it was fitted on.
AGAINST = frozenset({"unshared_long", "people_conflict", "context_people_conflict", "places_conflict",
                     "mentioned_places_conflict", "organisations_conflict", "names_conflict", "numbers_conflict",
                     "years_conflict", "weekdays_conflict", "days_conflict", "encounter_conflict", "negation_mismatch",
                     "swapped_words", "published_apart"})
EITHER = frozenset({"length_ratio", "unshared_short", "numbers_one_side"})
SIGNS = tuple(-1 if name in AGAINST else 0 if name in EITHER else 1 for name in FEATURES)
PARALLEL_PAIRS = 5_000  # smaller batches score on one thread (starting threads costs more than it saves)
BIGRAM_CACHE_SIZE = TEXT_CACHE_ENTRIES


def pair_matrix(pairs: list[tuple[SentenceFeatures, SentenceFeatures]], *,
                params: AlignParams = AlignParams()) -> np.ndarray:
    """Features (columns in FEATURES order) of each pair."""
    n = len(pairs)
    matrix = np.zeros((n, len(FEATURES)))
    if not n:
        return matrix
    workers = -1 if n >= PARALLEL_PAIRS else 1
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    a_short = np.fromiter((len(a.bare) <= len(b.bare) for a, b in pairs), dtype=bool, count=n)
    shorter = [a.bare if s else b.bare for (a, b), s in zip(pairs, a_short)]
    longer = [b.bare if s else a.bare for (a, b), s in zip(pairs, a_short)]
    words_a, words_b = [a.words for a in left], [b.words for b in right]
    matrix[:, INDEX["chars"]] = process.cpdist([a.bare for a in left], [b.bare for b in right], scorer=fuzz.ratio,
                                               workers=workers)
    matrix[:, INDEX["words_set"]] = process.cpdist(words_a, words_b, scorer=fuzz.token_set_ratio, workers=workers)
    matrix[:, INDEX["words_sort"]] = process.cpdist(words_a, words_b, scorer=fuzz.token_sort_ratio, workers=workers)
    matrix[:, INDEX["words_ratio"]] = process.cpdist(words_a, words_b, scorer=fuzz.ratio, workers=workers)
    matrix[:, INDEX["partial"]] = process.cpdist(shorter, longer, scorer=fuzz.partial_ratio, workers=workers,
                                                 score_cutoff=PARTIAL_CUTOFF)
    matrix[:, INDEX["clause"]] = best_clauses(left, right, params, workers=workers)
    lexical = [INDEX[name] for name in ("chars", "words_set", "words_sort", "words_ratio", "partial", "clause")]
    matrix[:, lexical] /= 100.0
    distinct, left, right = _distinct(pairs)
    _overlaps(matrix, distinct, left, right)
    _slots(pairs, matrix, distinct, left, right)
    return matrix


def _distinct(pairs) -> tuple[list[SentenceFeatures], np.ndarray, np.ndarray]:
    """The batch's distinct sentences, and the row of each pair's left and right one among them."""
    rows: dict[int, int] = {}
    distinct: list[SentenceFeatures] = []
    for a, b in pairs:
        for feature in (a, b):
            if id(feature) not in rows:
                rows[id(feature)] = len(distinct)
                distinct.append(feature)
    left = np.fromiter((rows[id(a)] for a, _ in pairs), dtype=np.int64, count=len(pairs))
    right = np.fromiter((rows[id(b)] for _, b in pairs), dtype=np.int64, count=len(pairs))
    return distinct, left, right


def _overlaps(matrix: np.ndarray, distinct: list[SentenceFeatures], left: np.ndarray, right: np.ndarray) -> None:
    """Word and character-bigram overlaps of every pair as sparse products over the batch's distinct sentences."""
    words = _incidence([f.word_set for f in distinct])
    grams = _incidence([bigrams(f.bare) for f in distinct])
    word_count = np.asarray(words.sum(axis=1)).ravel()
    gram_count = np.asarray(grams.sum(axis=1)).ravel()
    shared = np.asarray(words[left].multiply(words[right]).sum(axis=1)).ravel()
    shared_grams = np.asarray(grams[left].multiply(grams[right]).sum(axis=1)).ravel()
    small = np.minimum(word_count[left], word_count[right])
    large = np.maximum(word_count[left], word_count[right])
    length = np.fromiter((len(f.bare) for f in distinct), dtype=float, count=len(distinct))
    matrix[:, INDEX["word_jaccard"]] = shared / np.maximum(word_count[left] + word_count[right] - shared, 1)
    matrix[:, INDEX["bigram_jaccard"]] = shared_grams / np.maximum(gram_count[left] + gram_count[right]
                                                                   - shared_grams, 1)
    matrix[:, INDEX["containment"]] = shared / np.maximum(small, 1)
    matrix[:, INDEX["length_ratio"]] = (np.minimum(length[left], length[right])
                                        / np.maximum(np.maximum(length[left], length[right]), 1))
    matrix[:, INDEX["unshared_long"]] = (large - shared) / np.maximum(large, 1)
    matrix[:, INDEX["unshared_short"]] = (small - shared) / np.maximum(small, 1)


def _incidence(sets: list) -> sparse.csr_matrix:
    """Rows of 0/1: which items each set holds."""
    vocabulary: dict[str, int] = {}
    indptr, indices = [0], []
    for items in sets:
        indices.extend(vocabulary.setdefault(item, len(vocabulary)) for item in items)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(sets), max(len(vocabulary), 1)))


# slots read pair by pair, only where both sides have a value (most sentences name no person or day):
# (attribute, columns it fills, function of the two features giving those columns)
BOTH_SIDES = (
    ("encounters", ("encounter_agree", "encounter_conflict", "event"), lambda a, b: (
        float(bool(a.encounters & b.encounters)), _conflict(a.encounters, b.encounters),
        float(len(a.named & b.named) >= 2 and a.encounters == b.encounters))),
    ("days", ("days_agree", "days_conflict"), lambda a, b: (
        float(days_agree(a.days, b.days)), float(days_conflict(a.days, b.days)))),
    ("places", ("places_conflict",), lambda a, b: (_conflict(a.places, b.places),)),
    ("years", ("years_conflict",), lambda a, b: (_conflict(a.years, b.years),)),
    ("weekdays", ("weekdays_conflict",), lambda a, b: (_conflict(a.weekdays, b.weekdays),)),
    ("mentioned_places", ("mentioned_places_conflict",), lambda a, b: (
        _conflict(a.mentioned_places, b.mentioned_places),)),
    ("organisations", ("organisations_conflict",), lambda a, b: (_conflict(a.organisations, b.organisations),)),
    ("names", ("names_agree", "names_conflict"), lambda a, b: (
        float(bool(a.names & b.names)), _conflict(a.names, b.names))),
    ("numbers", ("numbers_agree", "numbers_conflict"), lambda a, b: (
        float(a.numbers == b.numbers), _conflict(a.numbers, b.numbers))),
)


def _slots(pairs, matrix: np.ndarray, distinct: list[SentenceFeatures], left: np.ndarray,
           right: np.ndarray) -> None:
    """Slot agreement and conflict, edits of near-duplicates, quotes, negation and publication distance."""
    chars = matrix[:, INDEX["chars"]]
    for row in np.flatnonzero(chars >= NEAR_DUPLICATE).tolist():
        a, b = pairs[row]
        matrix[row, INDEX["swapped_words"]], matrix[row, INDEX["added_words"]] = _edits(a.bare, b.bare, chars[row])

    def has(attribute: str) -> np.ndarray:
        return np.fromiter((bool(getattr(f, attribute)) for f in distinct), dtype=bool, count=len(distinct))

    negated = np.fromiter((f.negations > 0 for f in distinct), dtype=bool, count=len(distinct))
    matrix[:, INDEX["negation_mismatch"]] = negated[left] != negated[right]
    numbers = has("numbers")
    matrix[:, INDEX["numbers_one_side"]] = numbers[left] != numbers[right]
    day = np.fromiter((f.published.toordinal() if f.published else -1 for f in distinct), dtype=np.int64,
                      count=len(distinct))
    known = (day[left] >= 0) & (day[right] >= 0)
    matrix[:, INDEX["published_apart"]] = np.where(
        known, np.minimum(np.abs(day[left] - day[right]), MAX_APART_DAYS) / MAX_APART_DAYS, 0.0)
    quoted, people = has("quotes"), has("people")
    for row in np.flatnonzero(quoted[left] | quoted[right]).tolist():
        matrix[row, INDEX["quote"]] = _quote_overlap(*pairs[row])
    columns = [INDEX[name] for name in ("people_agree", "people_conflict", "context_people_conflict",
                                        "context_people_agree")]
    for row in np.flatnonzero(people[left] & people[right]).tolist():
        matrix[row, columns] = _people(*pairs[row])
    for attribute, names, read in BOTH_SIDES:
        present = has(attribute)
        columns = [INDEX[name] for name in names]
        for row in np.flatnonzero(present[left] & present[right]).tolist():
            matrix[row, columns] = read(*pairs[row])


def people_conflict(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """The sentences name different people, and what context says does not reconcile them ("他" in "在与习近平
    会晤后，他表示…" is the 布林肯 another report names: a mention of the meeting partner is no conflict)."""
    return _conflict(a.named, b.named) * _conflict(a.people, b.people)


def _people(a: SentenceFeatures, b: SentenceFeatures) -> tuple[float, float, float, float]:
    """people_agree, people_conflict, context_people_conflict, context_people_agree."""
    named = bool(a.named & b.named)
    if a.people == b.people:  # the commonest case in one event's reports: no conflict of any kind
        return float(named), 0.0, 0.0, float(not named)
    own = people_conflict(a, b)
    inferred = a.people != a.named or b.people != b.named
    return (float(named), own, _conflict(a.people, b.people) * float(inferred and not own),
            float(bool(a.people & b.people) and not named))


def _edits(a: str, b: str, chars: float) -> tuple[float, float]:
    """swapped_words: the near-duplicate sentences differ only by one or two substitutions (another country,
    office or person in the same frame: a different fact); added_words: only by insertions and deletions (a
    frame or a clause added around the same words)."""
    if chars < NEAR_DUPLICATE or a == b:
        return 0.0, 0.0
    kinds = [op.tag for op in Levenshtein.opcodes(a, b) if op.tag != "equal"]
    swapped = float(len(kinds) <= MAX_SWAPS and all(kind == "replace" for kind in kinds))
    return swapped, float("replace" not in kinds)


def _published_apart(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """How far apart the two articles were published (share of MAX_APART_DAYS; 0 when a date is unknown):
    reports of one fact come out within days of each other; the same officials meeting again months later
    is the commonest look-alike."""
    if a.published is None or b.published is None:
        return 0.0
    return min(abs((a.published - b.published).days), MAX_APART_DAYS) / MAX_APART_DAYS


def reference_features(a: SentenceFeatures, b: SentenceFeatures) -> list[float]:
    """The features from `quote` on, one pair at a time: the plain definition the batch code must match."""
    shared = len(a.word_set & b.word_set)
    union = len(a.word_set | b.word_set) or 1
    small, large = sorted((len(a.word_set), len(b.word_set)))
    grams_a, grams_b = bigrams(a.bare), bigrams(b.bare)
    length_a, length_b = sorted((len(a.bare), len(b.bare)))
    own_a, own_b = a.named, b.named
    inferred_a, inferred_b = a.people - a.named, b.people - b.named
    numbers_a, numbers_b = a.numbers, b.numbers
    return [
        _quote_overlap(a, b),
        shared / union,
        len(grams_a & grams_b) / (len(grams_a | grams_b) or 1),
        shared / (small or 1),
        length_a / (length_b or 1),
        (large - shared) / (large or 1),
        (small - shared) / (small or 1),
        float(bool(own_a & own_b)),
        people_conflict(a, b),
        _conflict(a.people, b.people) * float(bool(inferred_a or inferred_b) and not people_conflict(a, b)),
        float(bool(a.people & b.people) and not own_a & own_b),
        _conflict(a.places, b.places),
        _conflict(a.mentioned_places, b.mentioned_places),
        _conflict(a.organisations, b.organisations),
        float(bool(a.names & b.names)),
        _conflict(a.names, b.names),
        float(bool(numbers_a) and numbers_a == numbers_b),
        _conflict(numbers_a, numbers_b),
        float(bool(numbers_a) != bool(numbers_b)),
        _conflict(a.years, b.years),
        _conflict(a.weekdays, b.weekdays),
        float(days_agree(a.days, b.days)),
        float(days_conflict(a.days, b.days)),
        float(bool(a.encounters & b.encounters)),
        _conflict(a.encounters, b.encounters),
        float((a.negations > 0) != (b.negations > 0)),
        float(len(own_a & own_b) >= 2 and bool(a.encounters) and a.encounters == b.encounters),
        *_edits(a.bare, b.bare, fuzz.ratio(a.bare, b.bare) / 100.0),
        _published_apart(a, b),
    ]


def _conflict(x: frozenset, y: frozenset) -> float:
    """1 when each side has a value and neither side's values contain the other's."""
    return float(bool(x) and bool(y) and not x <= y and not y <= x)


@lru_cache(maxsize=BIGRAM_CACHE_SIZE)
def bigrams(bare: str) -> frozenset[str]:
    return frozenset(bare[i:i + 2] for i in range(len(bare) - 1))


def _quote_overlap(a: SentenceFeatures, b: SentenceFeatures) -> float:
    """How well a quote of one sentence is found in the other (the same words in other frames), 0-1."""
    best = 0.0
    for quotes, other in ((a.quotes, b.bare), (b.quotes, a.bare)):
        for quote in quotes:
            best = max(best, fuzz.partial_ratio(quote, other) if len(quote) <= len(other) else 0.0)
    return best / 100.0

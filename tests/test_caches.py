"""Per-text caches are bounded: a long-running worker must not grow with every text it has seen."""
from __future__ import annotations

from service.align import candidates, diff, features
from service.framing import attribution
from service.text import normalize
from service.tuning import TEXT_CACHE_ENTRIES

PER_TEXT = [features._text_features, features._named_positions, candidates._sentence_grams,
            candidates._clause_grams, diff.word_spans, diff._changes, attribution._read,
            attribution._frame_sentence, attribution.quote_mask, normalize.fold]


def test_every_per_text_cache_has_a_bound():
    for cached in PER_TEXT:
        bound = cached.cache_info().maxsize
        assert bound is not None and bound <= 2 * TEXT_CACHE_ENTRIES, cached.__name__


def test_a_full_cache_keeps_its_bound_and_still_answers():
    normalize.fold.cache_clear()
    bound = normalize.fold.cache_info().maxsize
    for k in range(bound + 50):
        normalize.fold(f"第{k}篇")
    assert normalize.fold.cache_info().currsize == bound
    assert normalize.fold("ＡＢＣ「引號」") == 'abc"引号"'

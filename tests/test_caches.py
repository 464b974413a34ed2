"""Per-text caches are bounded: a long-running worker must not grow with every text it has seen."""
from __future__ import annotations

import inspect

from service.align import candidates, diff, features
from service.caches import pipeline_caches
from service.framing import attribution, frames, profile, reading, sentence_framing, speaker_words, speakers, subjects
from service.text import normalize
from service.tuning import TEXT_CACHE_ENTRIES

PER_TEXT = [features._text_features, features._outside_administrations, candidates._sentence_grams,
            candidates._clause_grams, diff.word_spans, diff._changes, reading.read,
            reading.quote_bits, frames.parse_frame, subjects.leading_subject, speakers._named, speaker_words.clean,
            sentence_framing.sentence_framing, attribution._frame_text, profile._counts, normalize.fold]


# caches keyed by configuration (selectors of outlets.yaml, OpenCC's config names), not by request data
KEYED_BY_CONFIGURATION = {"service.ingest.selectors.compile_selector", "service.text.script._converter",
                          "service.framing.continuation._weights"}  # one entry: the shipped model


def test_every_per_text_cache_has_a_bound():
    caches = pipeline_caches()
    assert {f"{c.__module__}.{c.__name__}" for c in PER_TEXT} <= caches.keys()
    for name, cached in caches.items():
        takes_arguments = bool(inspect.signature(cached).parameters)
        if not takes_arguments or name in KEYED_BY_CONFIGURATION:
            continue  # a start-up table: one entry, or one per configured value
        bound = cached.cache_info().maxsize
        assert bound is not None and bound <= 2 * TEXT_CACHE_ENTRIES, name


def test_a_full_cache_keeps_its_bound_and_still_answers():
    normalize.fold.cache_clear()
    bound = normalize.fold.cache_info().maxsize
    for k in range(bound + 50):
        normalize.fold(f"第{k}篇")
    assert normalize.fold.cache_info().currsize == bound
    assert normalize.fold("ＡＢＣ「引號」") == 'abc"引号"'

"""Word differences show each outlet's own words, at the right places, whatever the width folding does."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.align.diff import word_diff, word_spans

ALPHABET = "他说双方應該保持沟通布林肯周五六表示……，。Ａｂ AB xy“”1２"


def test_an_ellipsis_does_not_shift_the_words_shown():
    # NFKC turns "……" into six dots: the shown words were cut from the wrong offsets
    changes = word_diff("他说……双方应该保持沟通，布林肯周五表示。", "他说……双方应该保持沟通，布林肯周六表示。")
    assert changes == [{"op": "replace", "a": "周五", "b": "周六", "where": "core"}]


def test_originals_keep_the_outlets_script_and_width():
    spans = word_spans("布林肯週五會見ＡＢＣ記者……")
    assert [original for _, original in spans][:2] == ["布林肯", "週五"]
    assert ("abc", "ＡＢＣ") in spans


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_each_original_is_the_texts_own_word_in_order(text):
    position = 0
    for key, original in word_spans(text):
        assert len(original) == len(key)
        found = text.find(original, position)
        assert found >= 0, (text, key, original)
        position = found + len(original)

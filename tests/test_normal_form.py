"""A sentence's one normalisation pass gives what the separate steps give, and its offsets lead back to the
original's characters (text/normal_form.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from service.datafiles import load_yaml
from service.text.normal_form import normal_form
from service.text.normalize import (
    canonical_names,
    chinese_numerals_to_digits,
    fold,
    fold_in_place,
    fold_paraphrases,
    names_at,
)
from service.text.script import to_traditional


def chained(text: str) -> str:
    """The slow reference: the steps one after the other, each scanning the whole text."""
    return chinese_numerals_to_digits(fold_paraphrases(canonical_names(fold(text))))


def _aliases() -> dict:
    return load_yaml("aliases.yaml")


def _paraphrases() -> dict:
    return load_yaml("paraphrases.yaml")


NAMES = sorted({v for kind in ("people", "places") for entry in _aliases()[kind]
                for v in [entry["key"], *entry.get("variants", [])]})
COMPOUNDS = sorted(c["variant"] for c in _aliases()["compounds"])
PARAPHRASES = sorted({w for g in _paraphrases()["groups"] for w in [g.get("canonical", ""), *g["variants"]] if w}
                     | set(_paraphrases()["keep"]))
NUMERALS = ["三十五分钟", "两国", "一百人", "十", "二十", "五", "一千零二", "周五", "星期三", "第三次", "六"]
OTHER = ["……", "“", "」", "『", "《", "（Antony Blinken）", "(Joe Biden)", "国务卿", "总统", "·", "・", "ＡＢＣ", "Ａｂ",
         "１２", "İ", "ﬁ", "e\u0301", "™", "，", "。", " ", "拜登政府", "乾隆", "皇后", "头发", "约翰·", "，马克·",
         "国务卿杰克·沙利文", "总统乔·"]
# what no rule writes (alias keys, compound expansions, paraphrase canonicals, digits): found in the normal form,
# such a character was carried over from the original unchanged
WRITTEN = set("".join(fold(w) for w in [*NAMES, *PARAPHRASES, *(c["expansion"] for c in _aliases()["compounds"])]))
PLAIN = "".join(ch for ch in "的们来到这个那时说道将对从并被也就都而其所以看起想做过还" if ch not in WRITTEN)
PIECES = [*NAMES, *COMPOUNDS, *PARAPHRASES, *NUMERALS, *OTHER]
KINDS = [NAMES, COMPOUNDS, PARAPHRASES, NUMERALS, OTHER]  # each kind as likely, however many words it has


def _piece(draw_text: str, form: str) -> str:
    if form == "traditional":
        return to_traditional(draw_text)
    if form == "wide":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in draw_text)
    return draw_text.upper() if form == "upper" else draw_text


PIECE = st.builds(_piece, st.one_of(*map(st.sampled_from, KINDS), st.text(PLAIN, min_size=1, max_size=4)),
                  st.sampled_from(["as is", "as is", "traditional", "wide", "upper"]))
TEXT = st.lists(PIECE, max_size=14).map("".join) | st.lists(PIECE, max_size=8).map("".join).map(to_traditional)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_one_pass_gives_what_the_steps_give(text):
    form = normal_form(text)
    assert form.normal == chained(text)
    assert form.folded == fold_in_place(text)
    assert (form.people, form.places) == names_at(chained(text))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_offsets_lead_back_to_the_original(text):
    form = normal_form(text)
    assert len(form.offsets) == len(form.normal)
    assert all(0 <= at < len(text) for at in form.offsets)
    assert list(form.offsets) == sorted(form.offsets)
    for ch, at in zip(form.normal, form.offsets):
        if ch in PLAIN:  # carried over: the original there folds to it
            assert fold(text[at]) == ch, (text, form.normal, ch, at)
    plain = [at for ch, at in zip(form.normal, form.offsets) if ch in PLAIN]
    assert len(plain) == len(set(plain))  # one character of the original for each


def test_the_plain_alphabet_is_not_empty_and_not_written_by_a_rule():
    assert len(PLAIN) >= 20
    assert not set(PLAIN) & WRITTEN
    assert all(fold(ch) == fold(to_traditional(ch)) == ch for ch in PLAIN)


def _span(form, word: str) -> str:
    start = form.normal.index(word)
    return form.original(start, start + len(word))


def test_a_span_of_the_normal_form_shows_the_originals_words():
    form = normal_form("美國國務卿安東尼·布林肯（Antony Blinken）星期五在北京與習近平會晤了三十五分鐘……他說")
    assert form.normal == "美国国务卿布林肯周五在北京与习近平会晤35分钟......他说"
    assert _span(form, "布林肯") == "布林肯"
    assert _span(form, "周五") == "星期五"
    assert _span(form, "35分钟") == "三十五分鐘"
    assert _span(form, "......") == "……"
    assert _span(form, "国务卿布林肯") == "國務卿安東尼·布林肯"
    assert _span(form, "他说") == "他說"
    assert form.people == ((5, "布林肯"), (14, "习近平"))
    assert form.places == {"北京"}


def test_an_expanded_compound_keeps_its_shared_ends():
    form = normal_form("習拜會後，拜登政府表示")
    assert form.normal == "习近平拜登会后,拜登政府表示"
    assert [form.text[at] for at in form.offsets[:6]] == ["習", "拜", "拜", "拜", "拜", "會"]
    assert _span(form, "后,拜登") == "後，拜登"


def test_a_phrase_folded_differently_from_its_characters_keeps_its_place():
    # fold changes the length ("……") and OpenCC converts 乾隆 as a phrase (干 alone): aligned, not shifted
    form = normal_form("……乾隆皇帝說")
    assert form.normal == chained("……乾隆皇帝說")
    assert [form.text[at] for at in form.offsets] == ["…"] * 6 + list("乾隆皇帝說")
    assert re.fullmatch(r"\.{6}乾隆皇帝说", form.normal)


def test_folding_repeats_as_the_steps_do_and_a_swap_keeps_one_character_each():
    text = "中美兩國軍方之間恢復溝通"  # 中美两国军方 -> 中美两军 -> 两军: a second round
    form = normal_form(text)
    assert form.normal == chained(text) == "两军恢复沟通"
    assert _span(form, "恢复沟通") == "恢復溝通"
    swapped = normal_form("美中關係")
    assert swapped.normal == "中美关系" and swapped.offsets == (0, 1, 2, 3)


def test_an_expansion_and_a_composition_of_the_same_length_do_not_shift_the_offsets():
    text = "İ也e\u0301说"  # İ folds to two characters, e + U+0301 to one: the lengths agree, the places do not
    form = normal_form(text)
    assert len(form.normal) == len(text) and form.normal == chained(text)
    assert form.offsets == (0, 0, 1, 2, 4)

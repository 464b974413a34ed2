"""Paraphrase folding for matching (service/data/paraphrases.yaml): the same fact in other words matches,
a different fact in look-alike words does not, and users still see the original text."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.align.features import sentence_features, tokens
from service.comparison import compare
from service.ingest import parse_document
from service.text.normalize import (_paraphrases_file, alias_table, fold, fold_paraphrases, normalize,
                                    paraphrase_table)
from service.text.script import to_traditional


def _groups():
    return _paraphrases_file()["groups"]


def _variants():
    return sorted(w for w, canonical in paraphrase_table().items() if w != canonical)


# text made of table words (variants, canonical forms, kept words, names) glued with random Chinese
# characters, so that folds land next to each other and next to anything
WORDS = st.sampled_from(sorted(paraphrase_table()))
PIECES = st.one_of(WORDS, st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), st.sampled_from(list("，。了的 ")))
TEXT = st.lists(PIECES, max_size=30).map("".join)


def test_every_variant_folds_to_one_canonical_form():
    seen: dict[str, str] = {}
    for group in _groups():
        canonical = "" if group.get("drop") else fold(group["canonical"])
        for variant in group["variants"]:
            assert seen.setdefault(fold(variant), canonical) == canonical, f"{variant} is in two groups"
    canonicals = {fold(g["canonical"]) for g in _groups() if not g.get("drop")}
    assert not canonicals & seen.keys(), "a canonical form is another group's variant"
    assert not set(map(fold, _paraphrases_file()["keep"])) & seen.keys(), "a kept word is also folded"


def test_canonical_forms_and_kept_words_are_left_as_they_are():
    for group in _groups():
        if not group.get("drop"):
            assert fold_paraphrases(fold(group["canonical"])) == fold(group["canonical"])
    for word in _paraphrases_file()["keep"]:
        assert fold_paraphrases(word) == word


def test_every_variant_becomes_its_canonical_form_in_a_sentence():
    for group in _groups():
        canonical = "" if group.get("drop") else fold(group["canonical"])
        for variant in group["variants"]:
            assert fold_paraphrases(f"据报道{fold(variant)}。") == f"据报道{canonical}。", variant


@given(TEXT)
def test_folding_is_idempotent(text):
    assert fold_paraphrases(fold_paraphrases(text)) == fold_paraphrases(text)
    assert normalize(normalize(text)) == normalize(text)


# table words and punctuation only: OpenCC's simplified -> traditional conversion is lossy for rare characters
# taken out of context (仇仇 becomes 仇讎, which folds back to 仇雠), so random characters cannot round-trip; the
# promise is that every word of the tables, written in either script, folds alike
TABLE_TEXT = st.lists(st.one_of(WORDS, st.sampled_from(list("，。、 "))), max_size=30).map("".join)


@given(TABLE_TEXT)
def test_both_scripts_fold_alike(text):
    assert normalize(to_traditional(text)) == normalize(text)


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
def test_text_without_chinese_is_not_touched(text):
    assert fold_paraphrases(text) == text


@given(TEXT, st.sampled_from(sorted({a.key for a in alias_table().values()})))
def test_names_are_never_folded(text, name):
    assert name in fold_paraphrases(f"{text}，{name}，{text}")


@given(TEXT)
def test_folding_changes_only_table_words_and_by_a_bounded_factor(text):
    folded = fold_paraphrases(text)
    longest = max(len(c) / len(v) for v, c in paraphrase_table().items() if c and v)
    assert len(folded) <= len(text) * longest
    if not any(v in text for v in _variants()):
        assert folded == text


def test_weekday_spellings_are_one_day_and_last_week_is_another():
    friday = {normalize(t) for t in ("星期五", "禮拜五", "周五", "週五", "本周五", "這個星期五")}
    assert friday == {"周五"}
    assert normalize("上星期五") == normalize("上周五") != normalize("周五")
    assert normalize("下禮拜五") == normalize("下周五") != normalize("上周五")
    sunday = [sentence_features(0, 0, f"拜登{day}抵达。").weekdays for day in ("星期天", "周日", "礼拜日", "週日")]
    assert sunday == [frozenset({"日"})] * 4


def test_a_call_and_a_meeting_stay_apart():
    call_words = ["通电话", "電話會晤", "电话会谈", "通了电话", "视频会晤", "視訊會議", "通话"]
    for words in call_words:
        assert sentence_features(0, 0, f"拜登与习近平{words}。").encounters == frozenset({"call"}), words
    for words in ["会晤", "會見", "举行会谈", "见面"]:
        assert sentence_features(0, 0, f"拜登与习近平{words}。").encounters == frozenset({"meet"}), words
    assert normalize("电话会晤") != normalize("会晤")


def test_canonical_forms_segment_as_words():
    assert "两军" in tokens(normalize("双方同意恢复两国军方之间的沟通"))
    assert tokens(normalize("两国军方的沟通")) == tokens(normalize("两军的交流"))
    assert "候任总统" in tokens(normalize("台湾总统当选人赖清德"))


ARTICLE = "{title}\n\n{body}\n\n另据报道，双方还讨论了其他议题。"


def _facts(first: str, second: str) -> list[dict]:
    a = parse_document(ARTICLE.format(title="报道甲", body=first), outlet="outlet-a")
    b = parse_document(ARTICLE.format(title="报道乙", body=second), outlet="outlet-b")
    return [f for f in compare([a, b])["facts"] if first in [m["text"] for m in f["mentions"]]]


def test_the_same_fact_in_other_words_matches_as_identical_and_users_see_the_original():
    first = "美中两国外交部长星期五同意管控分歧，加强两军交往。"
    second = "中美两国外长周五同意处理分歧，加强两国军方之间的沟通。"
    [fact] = _facts(first, second)
    assert sorted(m["text"] for m in fact["mentions"]) == sorted([first, second])
    assert [m["score"] for m in fact["mentions"]] == [100.0, 100.0]  # without the folds: 66.4


def test_a_call_is_not_a_meeting_however_alike_the_words():
    first = "拜登周二与习近平通电话，讨论台湾问题和芬太尼问题。"
    second = "拜登周二与习近平会晤，讨论台湾问题和芬太尼问题。"
    [fact] = _facts(first, second)
    assert [m["text"] for m in fact["mentions"]] == [first]



def test_simplifying_a_character_traditional_twice_over_is_done_at_once():
    assert normalize("薴") == normalize(normalize("薴")) == "苎"  # OpenCC's t2s maps 薴 to 苧, and 苧 to 苎

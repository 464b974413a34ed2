"""Sentence cut points against an independent reference: each cutting rule written as a plain test of one
position, re-reading the text from its start every time (the splitter is one pass with a running state).

The reference is written from the rules in service/text/sentences.py's docstring:
  - 。！？ end a sentence; ； ends one outside quotes; nothing inside brackets （…） ( ) 【】 《》 ends one;
  - closing quotes right after the terminator stay with their sentence (so do repeated 。！？);
  - . ! ? end an English sentence when a space and a capital, a digit or a quote follow, except a full stop
    after a common abbreviation (the module's list, which is data) or an initial.
and from the rules the module states only in its comments and code, which the splitter deliberately adds:
  - a comma or colon right after the sentence's end (，,、：:) means it goes on: "……。”他说" is one sentence;
  - a closing quote with nothing open opens the quote (typed the wrong way round: ”…。“);
  - straight double quotes open and close in turn;
  - after . ! ? a closing quote or bracket may come before the space; a Chinese character may follow at once;
  - "1." at the paragraph's start is a list item's number, not a sentence.
Generated text keeps to ASCII letters and digits and to Chinese characters of the basic block, where
str.isupper / str.isdigit / the splitter's Han ranges and the reference's plain character classes agree.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from service.text.sentences import ABBREVIATIONS, _cut_points, split_sentences

ENDERS = "。！？"
QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’"}
BRACKETS_OPEN = "（(【《"
BRACKETS_CLOSE = "）)】》"
GOES_ON = "，,、：:"
# what may follow . ! ? when it ends a sentence: closers, then the end, a Chinese character, or spaces and then
# the end, a capital, a digit, an opening quote or bracket or a Chinese character
ENGLISH_END = re.compile("[\"'”’)」]*(?:\\Z|[\u4e00-\u9fff]|\\s+(?:\\Z|[A-Z0-9\"“‘'(「\u4e00-\u9fff]))")
LIST_NUMBER = re.compile(r"\s*\d{1,3}\.")
LAST_WORD = re.compile(r"[A-Za-z][A-Za-z.]*\Z")  # "U.S" in "the U.S": letters and dots, from a letter on
# (\Z, not $: $ also matches before a final newline, so "Mr.\n" would end in the word "Mr.")


def open_marks(prefix: str) -> tuple[list[str], int, bool]:
    """What is open at the end of `prefix`: the closers its quotes await, the bracket depth, a straight quote."""
    awaited, depth, straight = [], 0, False
    for ch in prefix:
        if awaited and ch == awaited[-1]:
            awaited.pop()
        elif ch in QUOTES:
            awaited.append(QUOTES[ch])
        elif ch in "”」" and not awaited:
            awaited.append({"”": "“", "」": "「"}[ch])
        elif ch in BRACKETS_OPEN:
            depth += 1
        elif ch in BRACKETS_CLOSE and depth:
            depth -= 1
        elif ch == '"':
            straight = not straight
    return awaited, depth, straight


def ends_a_sentence(text: str, i: int) -> bool:
    """Whether the character at `i` ends a sentence, by the rules above (before closers are taken in)."""
    awaited, depth, straight = open_marks(text[:i + 1])
    ch = text[i]
    if depth:
        return False
    if ch in ENDERS:
        return True
    if ch == "；":
        return not awaited and not straight
    if ch not in ".!?" or not ENGLISH_END.match(text, i + 1):
        return False
    if ch in "!?":
        return True
    if LIST_NUMBER.fullmatch(text[:i + 1]):
        return False
    word = LAST_WORD.search(text[:i])
    if word is None:
        return True
    return word[0].lower().rstrip(".") not in ABBREVIATIONS and not re.fullmatch("[A-Z]", word[0])


def stays_with_the_sentence(text: str, k: int) -> bool:
    """Whether the character at `k`, right after a sentence's end, belongs to it: 。！？ or an awaited closer."""
    awaited, _, straight = open_marks(text[:k])
    ch = text[k]
    return ch in ENDERS or bool(awaited and ch == awaited[-1]) or (ch == '"' and straight)


def reference_cuts(text: str) -> list[int]:
    """Every cut, found by testing each position on its own: slow (cubic), but each step is one rule."""
    cuts = set()
    for i in range(len(text)):
        if not ends_a_sentence(text, i):
            continue
        end = i + 1
        while end < len(text) and stays_with_the_sentence(text, end):
            end += 1
        if end == len(text) or text[end] not in GOES_ON:
            cuts.add(end)
    return sorted(cuts)


FRAGMENTS = [
    *"他说中美。！？；，、：:,.!?“”「」『』‘’\"'（）()【】《》 ", "\n", "……", "...", "3.5", "2020", "1.", "12.",
    "Mr.", "Dr.", "U.S.", "e.g.", "Jan.", "J.", "Smith", "said", "the", "A", "中方表示", "双方同意",
    # a terminator's usual neighbours, made likely
    ". ", "! ", "? ", " 2020", " Then", "。”", "！”", ".\"", "?”", ".)",
]
TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


@settings(max_examples=1000)
@given(TEXT)
def test_cuts_agree_with_the_reference(text):
    assert list(_cut_points(text)) == reference_cuts(text)


def test_the_reference_cuts_where_a_reader_would():
    text = "他说：“我们会继续沟通。”双方同意。Mr. Smith left. Then"
    assert reference_cuts(text) == [text.index("双"), text.index("M"), text.index(" Then")]


def test_a_quote_that_ends_a_sentence_stays_with_it():
    text = "他说：“我们会继续沟通。”双方同意。Mr. Smith left. Then"
    assert split_sentences(text) == ["他说：“我们会继续沟通。”", "双方同意。", "Mr. Smith left.", "Then"]


def test_a_full_stop_after_a_line_break_ends_a_sentence():
    assert reference_cuts("Mr.\n. ") == list(_cut_points("Mr.\n. ")) == [5]


def test_numbers_abbreviations_and_ellipses_do_not_cut():
    text = "Rates rose 3.5 points at the U.S. Treasury... J. Smith left. 2020 was worse."
    assert split_sentences(text) == ["Rates rose 3.5 points at the U.S. Treasury...", "J. Smith left.",
                                     "2020 was worse."]


def test_brackets_and_quotes_hold_their_terminators():
    assert split_sentences("会议（上午。下午。）结束。他说“好；走”；然后。") == [
        "会议（上午。下午。）结束。", "他说“好；走”；", "然后。"]


def test_a_list_number_and_a_following_comma_do_not_cut():
    text = "1. 央行宣布：“降息！”，“加息？”，都有可能。"
    assert split_sentences(text) == [text]

"""The literal matcher against a slow, obviously correct reference: leftmost-longest matches, ASCII words only
on word boundaries, overlapping on request; the phrase matcher (WordPattern) against a regex alternation."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from service.text.matcher import LiteralMatcher, WordPattern

ALPHABET = "美国中布林肯会晤见ab c,"
words = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=4), max_size=12)
texts = st.text(alphabet=ALPHABET, max_size=40)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def reference(vocabulary: list[str], text: str, overlapping: bool) -> list[tuple[int, int, str]]:
    """Try every word at every position, longest first; the slow way the matcher must agree with."""
    found, resume = [], 0
    ordered = sorted(set(w for w in vocabulary if w), key=len, reverse=True)
    for i in range(len(text)):
        if i < resume:
            continue
        for word in ordered:
            if not text.startswith(word, i):
                continue
            end = i + len(word)
            if _is_word_char(word[0]) and ((i and _is_word_char(text[i - 1])) or
                                           (end < len(text) and _is_word_char(text[end]))):
                continue
            found.append((i, end, word))
            if not overlapping:
                resume = end
            break
    return found


@given(words, texts, st.booleans())
def test_matches_agree_with_the_reference(vocabulary, text, overlapping):
    matcher = LiteralMatcher(vocabulary)
    got = [(m.start, m.end, m.word) for m in matcher.finditer(text, overlapping=overlapping)]
    assert got == reference(vocabulary, text, overlapping)


def test_longest_word_wins_and_ascii_words_need_boundaries():
    matcher = LiteralMatcher(["布林肯", "布林", "肯", "ab"])
    assert matcher.findall("布林肯会晤") == ["布林肯"]
    assert matcher.findall("abc ab") == ["ab"]
    assert matcher.sub(lambda w: "<" + w + ">", "布林会肯") == "<布林>会<肯>"


def _regex_reference(vocabulary: list[str]) -> re.Pattern:
    """One alternation, longest words first, ASCII ends bounded by lookarounds: what WordPattern must agree with."""
    def bounded(word: str) -> str:
        escaped = re.escape(word)
        if _is_word_char(word[0]):
            escaped = r"(?<![a-z0-9])" + escaped
        if _is_word_char(word[-1]):
            escaped += r"(?![a-z0-9])"
        return escaped
    ordered = sorted({w for w in vocabulary if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(bounded, ordered)) or r"(?!)")


@given(words, st.text(alphabet=ALPHABET + "AZ9\n", max_size=40))
def test_word_pattern_agrees_with_a_regex_alternation(vocabulary, text):
    pattern, reference_pattern = WordPattern(vocabulary), _regex_reference(vocabulary)
    assert [(m.start, m.end, m.word) for m in pattern.finditer(text)] == \
        [(m.start(), m.end(), m.group()) for m in reference_pattern.finditer(text)]
    first = reference_pattern.search(text)
    assert pattern.search(text) == (None if first is None else (first.start(), first.end(), first.group()))
    at_start = reference_pattern.match(text)
    assert pattern.starts(text) == (None if at_start is None else (0, at_start.end(), at_start.group()))
    assert pattern.ends(text) == (re.search(f"(?:{reference_pattern.pattern})$", text) is not None)
    assert pattern.sub(lambda w: "<" + w + ">", text) == reference_pattern.sub(lambda m: "<" + m.group() + ">", text)

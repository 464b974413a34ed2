"""The literal matcher against a slow, obviously correct reference: leftmost-longest matches, ASCII words only
on word boundaries, overlapping on request."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.text.matcher import LiteralMatcher

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

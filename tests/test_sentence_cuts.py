"""Sentence cut points against a slow reference that visits every character (the splitter jumps between the
characters that matter: quotes, brackets, terminators)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.text.sentences import (BRACKET_CLOSE, BRACKET_OPEN, CONTINUATION, QUOTE_PAIRS, STRONG_TERMINATORS,
                                    _cut_points, _ends_here)


def reference_cuts(text: str) -> list[int]:
    cuts, open_quotes, brackets, straight_open, i, n = [], [], 0, False, 0, len(text)
    while i < n:
        ch = text[i]
        if open_quotes and ch == open_quotes[-1]:
            open_quotes.pop()
        elif ch in QUOTE_PAIRS:
            open_quotes.append(QUOTE_PAIRS[ch])
        elif ch in "”」" and not open_quotes:
            open_quotes.append("“" if ch == "”" else "「")
        elif ch in BRACKET_OPEN:
            brackets += 1
        elif ch in BRACKET_CLOSE and brackets:
            brackets -= 1
        elif ch == '"':
            straight_open = not straight_open
        if not brackets and _ends_here(text, i, quoted=bool(open_quotes) or straight_open):
            end = i + 1
            while end < n:
                c = text[end]
                if c in STRONG_TERMINATORS:
                    pass
                elif open_quotes and c == open_quotes[-1]:
                    open_quotes.pop()
                elif c == '"' and straight_open:
                    straight_open = False
                elif c in BRACKET_CLOSE and brackets:
                    brackets -= 1
                else:
                    break
                end += 1
            if end < n and text[end] in CONTINUATION:
                i = end
                continue
            cuts.append(end)
            i = end
            continue
        i += 1
    return cuts


ALPHABET = "他说中美。！？；，、：“”「」『』‘’（）()【】《》\"'.!? ABc1"


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_cuts_agree_with_the_reference(text):
    assert list(_cut_points(text)) == reference_cuts(text)


def test_a_quote_that_ends_a_sentence_stays_with_it():
    text = "他说：“我们会继续沟通。”双方同意。Mr. Smith left. Then"
    assert list(_cut_points(text)) == reference_cuts(text) == [text.index("双"), text.index("M"), text.index(" Then")]

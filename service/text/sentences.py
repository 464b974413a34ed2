"""Sentence splitting for Chinese and English news prose.

Chinese sentences end at 。！？, and at ； outside quotes; closing quotes and brackets right after the
terminator stay with their sentence. Nothing inside brackets （…） ends a sentence. English sentences end at
. ! ? followed by a space and a capital, a digit or a quote, except after common abbreviations and initials.
"""
from __future__ import annotations

import re

from ..models import Sentence

LIST_NUMBER = re.compile(r"\s*\d{1,3}\.")  # "1. 央行宣布……": an item's number, not a sentence
HAN = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"  # Chinese characters: the one definition of the ranges, for
# character classes elsewhere ([{HAN}])
HAN_CHARACTER = re.compile(f"[{HAN}]")
CAPTION_PARAGRAPH = -1  # the paragraph number of caption sentences
STRONG_TERMINATORS = frozenset("。！？")
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
BRACKET_OPEN = frozenset("（(【《")
BRACKET_CLOSE = frozenset("）)】》")
CONTINUATION = frozenset("，,、：:")  # "……，”他说" does not end where the quote closes
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt rep sen gov pres no vs etc inc corp ltd co jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g".split()
)
WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
# every character _cut_points acts on: quotes, brackets, terminators
SPECIAL = re.compile("[" + re.escape("".join(sorted(
    set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values()) | BRACKET_OPEN | BRACKET_CLOSE | STRONG_TERMINATORS
    | set('"；!?.')))) + "]")


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences. Joining them back (with the whitespace between) gives the text."""
    text = text.strip()
    sentences, start = [], 0
    for cut in [*_cut_points(text), len(text)]:
        piece = text[start:cut].strip()
        start = cut
        if not piece:
            continue
        if sentences and not any(ch.isalnum() for ch in piece):
            sentences[-1] += piece  # stray punctuation joins the sentence before it
        else:
            sentences.append(piece)
    return sentences


def _cut_points(text: str):
    open_quotes: list[str] = []  # the closer each open quote waits for
    brackets = 0
    straight_open = False
    i, n = 0, len(text)
    while i < n:
        special = SPECIAL.search(text, i)  # other characters neither change the state nor end a sentence
        if special is None:
            return
        i = special.start()
        ch = text[i]
        if open_quotes and ch == open_quotes[-1]:
            open_quotes.pop()
        elif ch in QUOTE_PAIRS:
            open_quotes.append(QUOTE_PAIRS[ch])
        elif ch in "”」" and not open_quotes:  # typed the wrong way round: ”…。“
            open_quotes.append("“" if ch == "”" else "「")
        elif ch in BRACKET_OPEN:
            brackets += 1
        elif ch in BRACKET_CLOSE and brackets:
            brackets -= 1
        elif ch == '"':
            straight_open = not straight_open
        if not brackets and _ends_here(text, i, quoted=bool(open_quotes) or straight_open):
            end = i + 1
            while end < n:  # absorb repeated terminators and the closers of what is open
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
            yield end
            i = end
            continue
        i += 1


def _ends_here(text: str, i: int, *, quoted: bool) -> bool:
    ch = text[i]
    if ch in STRONG_TERMINATORS:
        return True
    if ch == "；":
        return not quoted
    if ch in "!?":
        return _sentence_starts_after(text, i + 1)
    if ch == ".":
        if not _sentence_starts_after(text, i + 1) or LIST_NUMBER.fullmatch(text, 0, i + 1):
            return False
        token = _last_word(text, i)
        if token and (token.lower().rstrip(".") in ABBREVIATIONS or (len(token) == 1 and token.isupper())):
            return False
        return True
    return False


def _last_word(text: str, end: int) -> str:
    """The Latin word (letters and dots, from a letter on) that ends at `end`: "U.S" in "the U.S. said".
    Read backwards from `end`, so a paragraph of many full stops costs what its words do (a regex search from
    the paragraph's start was quadratic)."""
    start = end
    while start > 0 and text[start - 1] in WORD_CHARACTERS:
        start -= 1
    return text[start:end].lstrip(".")


def _sentence_starts_after(text: str, j: int) -> bool:
    """After an ASCII terminator: optional closers, then whitespace, then a sentence start (or the end)."""
    n = len(text)
    while j < n and text[j] in "\"'”’)」":
        j += 1
    if j >= n:
        return True
    if is_cjk(text[j]):
        return True
    if not text[j].isspace():
        return False
    while j < n and text[j].isspace():
        j += 1
    return j >= n or text[j].isupper() or text[j].isdigit() or text[j] in "\"“‘'(「" or is_cjk(text[j])


def is_cjk(ch: str) -> bool:
    """Whether the character is a Chinese character (the HAN ranges)."""
    return bool(HAN_CHARACTER.match(ch))


def caption_sentences(captions: list[str], first_index: int) -> list[Sentence]:
    """The sentences of an article's photo captions, numbered on from its body sentences (`first_index`), in
    no paragraph (-1): they take part in alignment beside the body."""
    found = []
    for caption in captions:
        for text in split_sentences(caption):
            found.append(Sentence(index=first_index + len(found), paragraph=CAPTION_PARAGRAPH, text=text))
    return found

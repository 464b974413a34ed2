"""Find many literal words in a text at once, leftmost-longest, with an Aho-Corasick automaton.

Python's regex engine tries a large alternation at every position; news lexicons have hundreds of entries, so
the automaton (pyahocorasick, in C) finds every occurrence in one pass over the text and only the few matches
are looked at in Python. ASCII words match only on word boundaries ("xi" is not in "xinhua").
"""
from __future__ import annotations

import re
from typing import NamedTuple

import ahocorasick


class Match(NamedTuple):
    start: int
    end: int
    word: str


class LiteralMatcher:
    def __init__(self, words):
        self.words = frozenset(word for word in words if word)
        self._automaton = ahocorasick.Automaton()
        for word in self.words:
            self._automaton.add_word(word, len(word))
        if self.words:
            self._automaton.make_automaton()

    def finditer(self, text: str, *, overlapping: bool = False):
        """Leftmost-longest matches, left to right, not overlapping unless asked (then the longest at each
        position where a word starts)."""
        if not self.words:
            return
        longest: dict[int, int] = {}  # start -> length of the longest bounded word starting there
        for last, length in self._automaton.iter(text):
            start = last + 1 - length
            if length > longest.get(start, 0) and word_bounded(text, start, last + 1):
                longest[start] = length
        resume = 0
        for start in sorted(longest):
            if start < resume:
                continue
            end = start + longest[start]
            yield Match(start, end, text[start:end])
            if not overlapping:
                resume = end

    def search(self, text: str) -> Match | None:
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list[str]:
        return [m.word for m in self.finditer(text)]

    def sub(self, replace, text: str) -> str:
        """`text` with each match replaced by `replace(word)`."""
        parts, last = [], 0
        for match in self.finditer(text):
            parts.append(text[last:match.start])
            parts.append(replace(match.word))
            last = match.end
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)


def word_bounded(text: str, start: int, end: int) -> bool:
    """text[start:end] as a word: one of ASCII letters or digits stands alone ("xi" is not inside "xinhua");
    other words always do."""
    first = text[start]
    if not first.isascii() or not first.isalnum():
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


class WordPattern:
    """The same words as a LiteralMatcher, as one compiled alternation (longest first): for the short phrases
    framing reads many times (a speaker's few words), where a regex call costs less than walking the automaton."""

    def __init__(self, words):
        self.words = frozenset(word for word in words if word)
        alternatives = [_bounded(word) for word in sorted(self.words, key=lambda w: (-len(w), w))]
        self._pattern = re.compile("|".join(alternatives) or r"(?!)")
        self._at_end = re.compile(f"(?:{self._pattern.pattern})$")

    def finditer(self, text: str, *, overlapping: bool = False):
        """Leftmost-longest matches, left to right, not overlapping (`overlapping` is for LiteralMatcher's
        interface: a phrase needs no overlapping matches)."""
        for match in self._pattern.finditer(text):
            yield Match(match.start(), match.end(), match.group())

    def search(self, text: str) -> Match | None:
        match = self._pattern.search(text)
        return Match(match.start(), match.end(), match.group()) if match else None

    def ends(self, text: str) -> bool:
        """Whether one of the words ends the text."""
        return self._at_end.search(text) is not None

    def sub(self, replace, text: str) -> str:
        return self._pattern.sub(lambda match: replace(match.group()), text)


def _bounded(word: str) -> str:
    escaped = re.escape(word)
    if word[:1].isascii() and word[:1].isalnum():
        escaped = r"(?<![a-z0-9])" + escaped
    if word[-1:].isascii() and word[-1:].isalnum():
        escaped += r"(?![a-z0-9])"
    return escaped

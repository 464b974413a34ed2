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
        for word in self.words:  # the word's length, and whether it needs word boundaries (starts ASCII alnum)
            self._automaton.add_word(word, (len(word), word[0].isascii() and word[0].isalnum()))
        if self.words:
            self._automaton.make_automaton()

    def finditer(self, text: str, *, overlapping: bool = False):
        """Leftmost-longest matches, left to right, not overlapping unless asked (then the longest at each
        position where a word starts). An iterator over a list built at once: most texts hold few words."""
        if not self.words:
            return iter(())
        longest: dict[int, int] = {}  # start -> length of the longest bounded word starting there
        for last, (length, bounded) in self._automaton.iter(text):
            start = last + 1 - length
            if length > longest.get(start, 0) and (not bounded or word_bounded(text, start, last + 1)):
                longest[start] = length
        if not longest:
            return iter(())
        found, resume = [], 0
        for start in sorted(longest):
            if start < resume:
                continue
            end = start + longest[start]
            found.append(Match(start, end, text[start:end]))
            if not overlapping:
                resume = end
        return iter(found)

    def search(self, text: str) -> Match | None:
        """The first match in the text, or None."""
        return next(self.finditer(text), None)

    def contains(self, text: str) -> bool:
        """Whether any word occurs in the text (search(text) is not None, without building the matches)."""
        if not self.words:
            return False
        return any(not bounded or word_bounded(text, last + 1 - length, last + 1)
                   for last, (length, bounded) in self._automaton.iter(text))

    def findall(self, text: str) -> list[str]:
        """Every word found in the text, in order."""
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
    """The same words as a LiteralMatcher, for the short phrases framing reads many times (a speaker's few words):
    leftmost match, the longest word there (ties: alphabetical). Only positions holding a word's first character
    are tried, each against the words starting with it, which costs less than walking the automaton or trying a
    regex alternation at every position. ASCII words need boundaries on their ASCII sides ("xi" not in "xinhua")."""

    def __init__(self, words):
        self.words = frozenset(word for word in words if word)
        self._by_first: dict[str, list[tuple[str, bool, bool]]] = {}
        for word in sorted(self.words, key=lambda w: (-len(w), w)):
            self._by_first.setdefault(word[0], []).append((word, _ascii_word_char(word[0]),
                                                          _ascii_word_char(word[-1])))
        self._first = re.compile("[" + "".join(map(re.escape, self._by_first)) + "]" if self._by_first else r"(?!)")
        self._suffix_lengths = sorted({len(word) for word in self.words}, reverse=True)
        self._last = frozenset(word[-1] for word in self.words)  # a text ending otherwise ends with no word

    def _word_at(self, text: str, at: int) -> str | None:
        for word, bounded_before, bounded_after in self._by_first[text[at]]:
            if text.startswith(word, at) and not (bounded_before and at and _lower_word_char(text[at - 1])) and \
                    not (bounded_after and _lower_word_char(text[at + len(word):at + len(word) + 1])):
                return word
        return None

    def finditer(self, text: str, *, overlapping: bool = False):
        """Leftmost-longest matches, left to right, not overlapping (`overlapping` is for LiteralMatcher's
        interface: a phrase needs no overlapping matches)."""
        resume = 0
        for first in self._first.finditer(text):
            at = first.start()
            if at < resume:
                continue
            word = self._word_at(text, at)
            if word is not None:
                resume = at + len(word)
                yield Match(at, resume, word)

    def search(self, text: str) -> Match | None:
        """The leftmost match, the longest word there; None when no word occurs."""
        first = self._first.search(text)
        while first is not None:
            at = first.start()
            word = self._word_at(text, at)
            if word is not None:
                return Match(at, at + len(word), word)
            first = self._first.search(text, at + 1)
        return None

    def starts(self, text: str) -> Match | None:
        """The longest of the words that starts the text."""
        word = self._word_at(text, 0) if text[:1] in self._by_first else None
        return Match(0, len(word), word) if word is not None else None

    def ends(self, text: str) -> bool:
        """Whether one of the words ends the text (or ends it before a final newline, as a regex's $ would)."""
        if text.endswith("\n") and self.ends(text[:-1]):
            return True
        if text[-1:] not in self._last:
            return False
        size = len(text)
        for length in self._suffix_lengths:
            if length <= size and text[size - length:] in self.words:
                word, at = text[size - length:], size - length
                if not (_ascii_word_char(word[0]) and at and _lower_word_char(text[at - 1])):
                    return True
        return False

    def sub(self, replace, text: str) -> str:
        """`text` with each match replaced by `replace(word)`."""
        parts, last = [], 0
        for match in self.finditer(text):
            parts += (text[last:match.start], replace(match.word))
            last = match.end
        if not parts:
            return text
        parts.append(text[last:])
        return "".join(parts)


def _ascii_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _lower_word_char(ch: str) -> bool:
    """What a boundary looks at: texts are folded to lower case, so [a-z0-9]."""
    return ch != "" and ("a" <= ch <= "z" or "0" <= ch <= "9")

"""Find many literal words in a text at once: a first-character index, longest match first.

Python's regex engine tries a large alternation at every position; news lexicons have hundreds of entries,
so a dictionary keyed by the first character is an order of magnitude faster. ASCII words match only on
word boundaries.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    word: str


class LiteralMatcher:
    def __init__(self, words):
        index: dict[str, list[str]] = defaultdict(list)
        for word in set(words):
            if word:
                index[word[0]].append(word)
        self.index = {first: sorted(ws, key=len, reverse=True) for first, ws in index.items()}
        # where a word may start: the regex engine skips the other characters in C
        self.starts = re.compile("[" + "".join(re.escape(first) for first in sorted(self.index)) + "]") \
            if self.index else None

    def finditer(self, text: str, *, overlapping: bool = False):
        """Leftmost-longest matches, left to right, not overlapping unless asked."""
        index, starts = self.index, self.starts
        if starts is None:
            return
        at = starts.search(text)
        while at is not None:
            i = at.start()
            resume = i + 1
            for word in index[text[i]]:
                if text.startswith(word, i) and _bounded(text, i, i + len(word), word):
                    yield Match(i, i + len(word), word)
                    if not overlapping:
                        resume = i + len(word)
                    break
            at = starts.search(text, resume)

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


def _bounded(text: str, start: int, end: int, word: str) -> bool:
    if not word[0].isascii() or not word[0].isalnum():
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())

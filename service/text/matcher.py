"""Find many literal words in a text at once: an index by the first two characters, longest match first.

Python's regex engine tries a large alternation at every position; news lexicons have hundreds of entries,
so a dictionary keyed by the words' first two characters is an order of magnitude faster (a character class
finds the positions where a word may start). ASCII words match only on word boundaries.
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
        by_prefix: dict[str, list[str]] = defaultdict(list)  # words of two or more characters by their first two
        for word in set(words):
            if len(word) > 1:
                by_prefix[word[:2]].append(word)
        self.by_prefix = {prefix: sorted(ws, key=len, reverse=True) for prefix, ws in by_prefix.items()}
        self.single = frozenset(word for word in words if len(word) == 1)
        firsts = {prefix[0] for prefix in self.by_prefix} | self.single
        # where a word may start: the regex engine skips the other characters in C
        self.starts = re.compile("[" + "".join(re.escape(first) for first in sorted(firsts)) + "]") if firsts else None

    def finditer(self, text: str, *, overlapping: bool = False):
        """Leftmost-longest matches, left to right, not overlapping unless asked."""
        by_prefix, single, starts = self.by_prefix, self.single, self.starts
        if starts is None:
            return
        at = starts.search(text)
        while at is not None:
            i = at.start()
            resume = i + 1
            found = None
            for word in by_prefix.get(text[i:i + 2], ()):
                if text.startswith(word, i) and _bounded(text, i, i + len(word), word):
                    found = word
                    break
            if found is None and text[i] in single and _bounded(text, i, i + 1, text[i]):
                found = text[i]
            if found is not None:
                yield Match(i, i + len(found), found)
                if not overlapping:
                    resume = i + len(found)
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

"""A sentence's forms for matching, made in one pass and kept once per distinct text: folded in place (offsets
are the original's: word differences and framing), normalised (what `normalize` gives: features) with the
position in the original of each of its characters, and the names it holds.

The rules are normalize.py's (patterns, tables, matchers, in the same order); this module replays them while
carrying each character's origin. A replaced word's characters keep the origins of the characters it shares at
its start and end with what it replaces (安东尼·布林肯 -> 布林肯 keeps 布林肯's); the others share the rest evenly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ..tuning import TEXT_CACHE_ENTRIES
from .normalize import (
    BRACKETED_LATIN,
    CN_NUMBER,
    GIVEN_NAME,
    NAME_DOTS,
    PARAPHRASE_ROUNDS,
    alias_matcher,
    alias_table,
    chinese_numeral_value,
    compounds,
    fold,
    fold_in_place,
    names_at,
    paraphrase_matcher,
    paraphrase_table,
)

NORMAL_FORM_CACHE_SIZE = TEXT_CACHE_ENTRIES
# characters none of which folds together with the one before it (no combining marks, jamo or half-width kana
# sound marks): a text of them folded to the same length folded character by character
IN_PLACE = re.compile("[\x00-\u02ff\u2000-\u206f\u3000-\u3098\u309b-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                      "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff9d\uffa0-\uffef]*")
Edit = tuple[int, int, str]  # replace text[start:end] with this
Offsets = list[int] | range  # for each character, its position in the original (a range until an edit)


@dataclass(frozen=True, slots=True)
class NormalForm:
    text: str  # as written
    folded: str  # fold_in_place(text): one character for each of text's
    normal: str  # normalize(text)
    offsets: tuple[int, ...]  # for each character of normal, the position in text of the character it came from
    people: tuple[tuple[int, str], ...]  # (offset in normal, alias key) of each person named (normalize.names_at)
    places: frozenset[str]  # alias keys of the places normal names

    def original(self, start: int, end: int) -> str:
        """The original's words for normal[start:end]."""
        return self.text[self.offsets[start]:self.offsets[end - 1] + 1] if start < end else ""


@lru_cache(maxsize=NORMAL_FORM_CACHE_SIZE)
def normal_form(text: str) -> NormalForm:
    """The forms of a sentence, each made once (see the module's docstring)."""
    folded = fold(text)
    in_place = len(folded) == len(text) and IN_PLACE.fullmatch(text)
    offsets = range(len(text)) if in_place else _fold_offsets(text, folded)
    normal, offsets = _numerals(*_paraphrases(*_names(folded, offsets)))
    return NormalForm(text, fold_in_place(text), normal, tuple(offsets), *names_at(normal))


def _names(text: str, offsets: Offsets) -> tuple[str, Offsets]:
    """canonical_names, carrying offsets."""
    text, offsets = _apply(text, offsets, [(m.start(), m.end(), "") for m in BRACKETED_LATIN.finditer(text)])
    for variant, expansion in compounds().items():
        if variant in text:
            text, offsets = _apply(text, offsets, _occurrences(text, variant, expansion))
    table = alias_table()
    text, offsets = _apply(text, offsets, [(m.start, m.end, table[m.word].key) for m in alias_matcher().finditer(text)
                                           if table[m.word].key != m.word])
    if not any(dot in text for dot in NAME_DOTS):  # most sentences: the pattern would be tried at every position
        return text, offsets
    return _apply(text, offsets, [(m.end(1), m.end(), "") for m in GIVEN_NAME.finditer(text)])  # keeps group 1


def _paraphrases(text: str, offsets: Offsets) -> tuple[str, Offsets]:
    """fold_paraphrases, carrying offsets."""
    matcher, table = paraphrase_matcher(), paraphrase_table()
    for _ in range(PARAPHRASE_ROUNDS):
        edits = [(m.start, m.end, table[m.word]) for m in matcher.finditer(text) if table[m.word] != m.word]
        if not edits:
            break
        text, offsets = _apply(text, offsets, edits)
    return text, offsets


def _numerals(text: str, offsets: Offsets) -> tuple[str, Offsets]:
    """chinese_numerals_to_digits, carrying offsets."""
    return _apply(text, offsets, [(m.start(), m.end(), str(chinese_numeral_value(m.group())))
                                  for m in CN_NUMBER.finditer(text)])


def _occurrences(text: str, old: str, new: str) -> list[Edit]:
    """What text.replace(old, new) replaces: non-overlapping occurrences, left to right."""
    edits, at = [], text.find(old)
    while at >= 0:
        edits.append((at, at + len(old), new))
        at = text.find(old, at + len(old))
    return edits


def _apply(text: str, offsets: Offsets, edits: list[Edit]) -> tuple[str, Offsets]:
    """The text with the edits (left to right, not overlapping) made, and its characters' origins."""
    if not edits:
        return text, offsets
    parts, moved, last = [], [], 0
    for start, end, new in edits:
        parts += (text[last:start], new)
        moved += offsets[last:start]
        moved += _carried(text[start:end], new, list(offsets[start:end]))
        last = end
    parts.append(text[last:])
    moved += offsets[last:]
    return "".join(parts), moved


def _carried(old: str, new: str, origins: list[int]) -> list[int]:
    """Origins of the characters of `new`, which replaces `old` (whose characters came from `origins`)."""
    head, limit = 0, min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    middle = origins[head:len(old) - tail] or origins[max(head - 1, 0):head + 1]  # an insertion: its neighbours'
    return origins[:head] + _spread(middle, len(new) - head - tail) + origins[len(old) - tail:]


def _spread(origins: list[int], count: int) -> list[int]:
    """`count` origins drawn evenly, in order, from `origins`, the first and last among them."""
    if count <= 1:
        return origins[:count]
    last = len(origins) - 1
    return [origins[k * last // (count - 1)] for k in range(count)]


def _fold_offsets(text: str, folded: str) -> list[int]:
    """Origins of the characters of fold(text) when they may not be text's one for one ("……" -> "......",
    "e" + U+0301 -> "é"): each character's own fold, aligned with the whole text's where a phrase or a
    composition folds differently."""
    pieces = [fold(ch) for ch in text]
    owners = [k for k, piece in enumerate(pieces) for _ in piece]
    joined = "".join(pieces)
    if joined == folded or not owners:
        return owners if joined == folded else [0] * len(folded)
    offsets: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, folded, joined, autojunk=False).get_opcodes():
        if tag == "equal":
            offsets += owners[j1:j2]
        elif i2 > i1:
            offsets += _spread(owners[j1:j2] or [owners[min(j1, len(owners) - 1)]], i2 - i1)
    return offsets

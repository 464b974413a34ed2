"""Word-level differences between two mentions of one fact, shown in each outlet's own words."""
from __future__ import annotations

from functools import lru_cache

from cydifflib import SequenceMatcher  # difflib's algorithm in C++, the same opcodes

from ..text.normal_form import normal_form
from ..text.sentences import is_cjk
from ..tuning import MAX_SPAN_CHARS, MIN_SHARED_WORDS, TEXT_CACHE_ENTRIES
from .features import WORD_RUN, segment

SPAN_CACHE_SIZE = TEXT_CACHE_ENTRIES


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def word_spans(text: str) -> tuple[tuple[str, str], ...]:
    """(key for comparison, original text) for each word; the key is folded (script, width, case)."""
    spans = []
    for match in WORD_RUN.finditer(normal_form(text).folded):
        start, end = match.span()
        original = text[start:end]
        if is_cjk(match.group()[0]):
            offset = 0
            for word in segment(match.group()):
                spans.append((word, original[offset:offset + len(word)]))
                offset += len(word)
        else:
            spans.append((match.group(), original))
    return tuple(spans)


def word_diff(a: str, b: str) -> list[dict]:
    """Spans that differ between two texts, [{"op", "a", "b", "where"}]: op is replace, delete or insert;
    where is "core" for word swaps and changes inside the wording both share, "frame" for what one adds
    around it (attribution, context)."""
    return [dict(change) for change in _changes(a, b)]


@lru_cache(maxsize=SPAN_CACHE_SIZE)
def _changes(a: str, b: str) -> tuple[dict, ...]:
    if a == b:
        return ()
    left, right = word_spans(a), word_spans(b)
    matcher = SequenceMatcher(None, [k for k, _ in left], [k for k, _ in right], autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks or matcher.ratio() < MIN_SHARED_WORDS:
        return ()
    core_a = (blocks[0].a, blocks[-1].a + blocks[-1].size)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for part_op, (x1, x2), (y1, y2) in _split_replace(op, i1, i2, j1, j2):
            old = "".join(text for _, text in left[x1:x2])
            new = "".join(text for _, text in right[y1:y2])
            if not (old + new).strip() or len(old) > MAX_SPAN_CHARS or len(new) > MAX_SPAN_CHARS:
                continue
            inside = core_a[0] < x1 < core_a[1] or core_a[0] < x2 < core_a[1]
            where = "core" if part_op == "replace" or inside else "frame"
            changes.append({"op": part_op, "a": old, "b": new, "where": where})
    return tuple(changes)


def _split_replace(op, i1, i2, j1, j2):
    """A replace of unequal lengths is a word swap plus frame: pair as many words as the shorter side has,
    at the end that touches the shared wording."""
    if op != "replace" or (i2 - i1) == (j2 - j1):
        return [(op, (i1, i2), (j1, j2))]
    n = min(i2 - i1, j2 - j1)
    leading = i1 == 0 or j1 == 0
    if leading:
        swap = ("replace", (i2 - n, i2), (j2 - n, j2))
        rest = ("delete", (i1, i2 - n), (j1, j1)) if i2 - i1 > n else ("insert", (i1, i1), (j1, j2 - n))
        return [rest, swap]
    swap = ("replace", (i1, i1 + n), (j1, j1 + n))
    rest = ("delete", (i1 + n, i2), (j2, j2)) if i2 - i1 > n else ("insert", (i2, i2), (j1 + n, j2))
    return [swap, rest]

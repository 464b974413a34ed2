"""What a sentence says on its own, read once per distinct sentence and quote mask: the lexicon words it holds
(one pass of the literal matcher), which of its characters are quoted, its term choices, hedges, evidentials,
conditionals and numbers. Attribution (frames.py) and the document's context build on it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text.normal_form import normal_form
from ..text.normalize import chinese_numerals_to_digits
from ..text.patterns import QUANTITY
from ..tuning import TEXT_CACHE_ENTRIES
from .lexicon import lexicon

READING_CACHE_SIZE = TEXT_CACHE_ENTRIES
OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "﹁": "﹂"}
QUOTE_MARK = re.compile("[" + "".join(OPENERS) + "".join(OPENERS.values()) + '"' + "]")
NUMERAL = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")
DIGIT = re.compile(r"\d")


def quote_mask(text: str) -> list[bool]:
    """True for each character inside quotation marks (the marks themselves excluded)."""
    return [bit == 1 for bit in quote_bits(text)]


@lru_cache(maxsize=READING_CACHE_SIZE)
def quote_bits(text: str) -> bytes:
    """One byte per character, 1 inside quotation marks (the marks themselves excluded): bytes slice and hash
    cheaply. Only the marks are visited; the characters between two marks share the state the first left."""
    marks = [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text)]
    if not marks:
        return bytes(len(text))
    bits, waiting, straight_open, inside, last = bytearray(len(text)), [], False, False, 0
    for at, ch in marks:
        if inside:
            bits[last:at] = b"\x01" * (at - last)
        if waiting and ch == waiting[-1]:
            waiting.pop()
        elif ch in OPENERS:
            waiting.append(OPENERS[ch])
        elif ch in "”」" and not waiting:  # typed the wrong way round: ”…“
            waiting.append("“" if ch == "”" else "「")
        elif ch == '"':
            straight_open = not straight_open
        elif inside:
            bits[at] = 1  # a closing mark that closes nothing open: part of the quote
        inside, last = bool(waiting) or straight_open, at + 1
    if inside:
        bits[last:] = b"\x01" * (len(text) - last)
    return bytes(bits)


class Reading(NamedTuple):
    text: str
    folded: str  # fold_in_place: offsets are the text's
    outside: str  # folded, quoted characters blanked
    quoted_bits: bytes  # one byte per character, 1 inside quotation marks
    hits: dict  # lexicon list -> [(match, outside a quote)]; lists with no hit are left out (use .get)
    quoted: tuple[str, ...]  # the quoted spans
    terms: tuple[dict, ...]
    hedges: tuple[str, ...]
    evidentials: tuple[str, ...]
    conditionals: tuple[str, ...]
    numbers: tuple[str, ...]


@lru_cache(maxsize=READING_CACHE_SIZE)
def read(text: str, quoted_bits: bytes) -> Reading:
    """`quoted_bits`: one byte per character of `text`, 1 inside quotation marks."""
    folded = normal_form(text).folded  # offsets into it are offsets into the quote mask and the text
    hits = _scan(folded, quoted_bits)
    return Reading(
        text, folded, _blank_quoted(folded, quoted_bits), quoted_bits, hits,
        tuple(_spans(text, quoted_bits)) if 1 in quoted_bits else (),
        tuple(_terms(text, folded, quoted_bits, hits["term"])) if "term" in hits else (),
        _words_of(hits.get("hedge")), _words_of(hits.get("evidential")), _words_of(hits.get("conditional")),
        _numbers(folded) if NUMERAL.search(folded) else ())


def _numbers(folded: str) -> tuple[str, ...]:
    """The quantities the sentence states (Chinese numerals as digits); QUANTITY needs a digit, which most
    sentences with a numeral character (一, 十) lack once converted."""
    digits = chinese_numerals_to_digits(folded)
    return tuple(m.group().replace(" ", "") for m in QUANTITY.finditer(digits)) if DIGIT.search(digits) else ()


def _words_of(found) -> tuple[str, ...]:
    return tuple(sorted({m.word for m, _ in found})) if found else ()


def _blank_quoted(text: str, quoted_bits: bytes) -> str:
    """The text with every quoted character replaced by a space (offsets kept)."""
    parts, at = [], quoted_bits.find(1)
    if at < 0:
        return text
    last = 0
    while at >= 0:  # run by run of quoted characters
        end = quoted_bits.find(0, at)
        end = len(quoted_bits) if end < 0 else end
        parts += (text[last:at], " " * (end - at))
        last, at = end, quoted_bits.find(1, end)
    parts.append(text[last:])
    return "".join(parts)


def _scan(folded: str, mask: bytes) -> dict[str, list]:
    """One pass over the sentence: every lexicon word found, by list, with whether it is outside quotes."""
    lex = lexicon()
    hits: dict[str, list] = {}
    quoted = 1 in mask
    categories = lex.categories
    for match in lex.everything.finditer(folded, overlapping=True):
        outside_quote = not quoted or mask.find(1, match.start, match.end) < 0
        for category in categories[match.word]:
            if category in hits:
                hits[category].append((match, outside_quote))
            else:
                hits[category] = [(match, outside_quote)]
    return hits


def _spans(text: str, mask: bytes) -> list[str]:
    """The runs of quoted characters, stripped."""
    spans, at = [], mask.find(1)
    while at >= 0:
        end = mask.find(0, at)
        end = len(mask) if end < 0 else end
        span = text[at:end].strip()
        if span:
            spans.append(span)
        at = mask.find(1, end)
    return spans


def _terms(text: str, folded: str, mask: bytes, hits) -> list[dict]:
    """Term choices, longest first: 中国国家主席 is one choice, not also the 国家主席 inside it."""
    found, covered = [], 0
    lex = lexicon()
    for match, _ in hits:
        if match.end <= covered:
            continue
        covered = max(covered, match.end)
        for family in lex.term_families[match.word]:
            if family.anchors is not None and not _anchored(folded, match, family):
                continue
            found.append({"family": family.name, "value": family.values[match.word],
                          "surface": text[match.start:match.end], "in_quote": any(mask[match.start:match.end])})
    return found


def _anchored(folded: str, match, family) -> bool:
    if family.anchors.contains(match.word):
        return True
    left = folded[max(0, match.start - family.window):match.start]
    right = folded[match.end:match.end + family.window]
    return family.anchors.contains(left) or family.anchors.contains(right)

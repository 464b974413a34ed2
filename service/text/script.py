"""Language and Chinese-script detection, and script conversion through OpenCC (loaded once per process)."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

from .sentences import HAN


MIXED_MINORITY_SHARE = 0.15  # below this share of distinctive characters the minority script is noise


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional Chinese converted to Simplified (OpenCC t2s), until nothing changes: t2s maps a few characters
    to another traditional form (薴 → 苧 → 苎), and text once simplified must stay as it is."""
    converter = _converter("t2s")
    converted = converter.convert(text)
    while converted != text:
        text, converted = converted, converter.convert(converted)
    return converted


def to_traditional(text: str) -> str:
    """Simplified Chinese converted to Traditional (OpenCC s2t)."""
    return _converter("s2t").convert(text)


HAN_RUN = re.compile(f"[{HAN}]+")
KANA = re.compile("[\u3040-\u30ff]+")
HANGUL = re.compile("[\uac00-\ud7af]+")
LATIN = re.compile("[A-Za-z]+")


def _count(pattern: re.Pattern, text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def detect_language(text: str) -> str:
    """`zh`, `ja`, `ko`, `en` (or another Latin-script language, reported as `en`), or `und`."""
    counts = {"han": _count(HAN_RUN, text), "kana": _count(KANA, text), "hangul": _count(HANGUL, text),
              "latin": _count(LATIN, text)}
    if counts["kana"] > 0.1 * (counts["han"] + counts["kana"]) and counts["kana"] > 20:
        return "ja"
    if counts["hangul"] > counts["han"] and counts["hangul"] > 20:
        return "ko"
    # one Han character carries about as much as a five-letter word
    if counts["han"] * 3 >= counts["latin"] and counts["han"] > 0:
        return "zh"
    if counts["latin"] > 0:
        return "en"
    return "und"


def detect_script(text: str) -> str | None:
    """`hans`, `hant` or `mixed` for Chinese text; None when it has no script-distinctive characters."""
    han = "".join(HAN_RUN.findall(unicodedata.normalize("NFKC", text)))
    if not han:
        return None
    simplified = to_simplified(han)
    traditional = to_traditional(han)
    traditional_only = simplified_only = 0
    if len(simplified) == len(han) == len(traditional):
        for original, simp, trad in zip(han, simplified, traditional):
            traditional_only += original != simp
            simplified_only += original != trad
    else:  # phrase conversions changed lengths: fall back to character by character
        for ch in han:
            traditional_only += to_simplified(ch) != ch
            simplified_only += to_traditional(ch) != ch
    distinctive = traditional_only + simplified_only
    if not distinctive:
        return None
    minority = min(traditional_only, simplified_only) / distinctive
    if minority >= MIXED_MINORITY_SHARE:
        return "mixed"
    return "hant" if traditional_only > simplified_only else "hans"

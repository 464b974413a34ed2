"""The Speaker record, and the speakers that need no context: the joint speaker of a meeting's two sides, and a
bare name (栗战书说) that no rule names."""
from __future__ import annotations

from typing import NamedTuple

from .speaker_words import clean, is_common_word, speaker_words
from .unknown_names import CJK_ONLY, MAX_NAME_CHARS, NOT_NAME_CHARACTERS, NOT_NAMES

PLURAL = "们"


class Speaker(NamedTuple):
    name: str | None  # canonical name; None for references the context resolves
    side: str | None
    kind: str  # person, body, media, analyst, other, anonymous, joint; pronoun, plural, title, document
    affiliation: str | None = None  # a body named with the person (史汀生中心 of 格里科)

    @property
    def resolved(self) -> bool:
        return self.name is not None


def joint() -> Speaker:
    return Speaker(speaker_words().joint_speaker, "both", "joint")


def bare_name(phrase: str) -> Speaker | None:
    """A subject of two to four characters right before its reporting verb that no rule names (栗战书说,
    威尔莫思表示: a rare surname, a transliteration the tables miss) is a person, unless it is a word for
    something that reports (数据, 报告) or holds characters no name does (也再一次, 我愿)."""
    cleaned = clean(phrase)
    if 2 <= len(cleaned) <= MAX_NAME_CHARS and CJK_ONLY.fullmatch(cleaned) and cleaned not in NOT_NAMES \
            and not is_common_word(cleaned) and not any(ch in cleaned for ch in NOT_NAME_CHARACTERS):
        return Speaker(cleaned, None, "person")
    return None

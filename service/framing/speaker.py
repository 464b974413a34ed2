"""The Speaker record, and the speakers that need no context: the joint speaker of a meeting's two sides, and a
bare name (栗战书说) that no rule names."""
from __future__ import annotations

from typing import NamedTuple

from .speaker_words import clean, is_common_word, side_of_words, speaker_words
from .unknown_names import CJK_ONLY, english_title_words, MAX_NAME_CHARS, NOT_NAME_CHARACTERS, NOT_NAMES

PLURAL = "们"
MAX_MENTIONED_CHARS = 8  # 阿玛尔巴伊斯格楞
NOT_MENTIONED_CHARACTERS = NOT_NAME_CHARACTERS.replace("那", "").replace("里", "").replace("日", "")  # 山口那津男,
# 加里波第, 呼日勒苏赫 (a date is no part of a subject: clean() takes it out)


class Speaker(NamedTuple):
    name: str | None  # canonical name; None for references the context resolves
    side: str | None
    kind: str  # person, body, media, analyst, other, anonymous, joint; pronoun, plural, title, document,
    # mentioned, demonstrative, abbreviated (references context.py resolves), meeting
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


def mentioned_name(phrase: str) -> Speaker | None:
    """A longer subject of that shape (山口那津男表示, 阿玛尔巴伊斯格楞表示: five to eight characters, no polity or
    side word in it; a one-character polity is only a transliteration's sound, 巴 of 阿玛尔巴伊斯格楞): a person
    only when the story has named it before (context.py), so kind "mentioned"."""
    cleaned = clean(phrase)
    if MAX_NAME_CHARS < len(cleaned) <= MAX_MENTIONED_CHARS and CJK_ONLY.fullmatch(cleaned) \
            and not is_common_word(cleaned) and not any(ch in cleaned for ch in NOT_MENTIONED_CHARACTERS) \
            and not any(len(m.word) > 1 for m in speaker_words().polity.finditer(cleaned)) \
            and side_of_words(cleaned) is None \
            and not any(cleaned.endswith(group) for group in speaker_words().groups | {"人民"}):
        return Speaker(cleaned, None, "mentioned")
    return None


def title_reference(cleaned: str) -> Speaker | None:
    """A bare title that stands for a person named elsewhere (总书记, the President)."""
    words = speaker_words()
    title = words.titles.search(cleaned)
    if title is not None and len(cleaned) - (title.end - title.start) <= 2 \
            and words.polity.starts(cleaned[:title.start]) is None:  # 以军发言人: the body's spokesman
        return Speaker(None, None, "title", title.word)
    if title is not None and cleaned.isascii() and not cleaned[title.end:].strip() \
            and all(word in english_title_words() for word in cleaned[:title.start].split()):
        return Speaker(None, None, "title", cleaned)  # the Vice President, the Prime Minister
    return None

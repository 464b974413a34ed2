"""Polities and heads in a subject phrase: a country naming itself (美方, 北京方面, 古方), whether a phrase ends
with the word that says what it names (外交部, 媒体, 智库, 公司), and the body named before a person's title."""
from __future__ import annotations

import re
from functools import cache

from .speaker import Speaker
from .speaker_words import side_of_words, speaker_words

POLITY_SUFFIX = re.compile(r"(?:方面|方|当局|當局|政府)$")
POLITY_LEAD = re.compile(r"((?:中|美|俄|乌|烏|日|韩|韓|英|法|德|欧|歐|印|巴|坦|塞|阿|荷|澳|朝)方)")  # a country's 方


def abbreviated_polity(cleaned: str) -> bool:
    """X方 where X starts the name of a polity of two or more characters (古方 of 古巴, 墨方 of 墨西哥): which
    polity it is, the story says (context.resolve); the words for sides of a quarrel (对方, 各方) start none."""
    return len(cleaned) == 2 and cleaned[1] == "方" and cleaned[0] in _polity_initials() and not is_polity(cleaned)


@cache
def _polity_initials() -> frozenset[str]:
    return frozenset(word[0] for word in speaker_words().polities if len(word) > 1 and not word.isascii())


def polity_led(cleaned: str) -> Speaker | None:
    """A phrase that opens with a country naming itself (美方, 中方, 北京方面) followed by anything but a title, a
    body or a name: that country is the subject."""
    words = speaker_words()
    match = POLITY_LEAD.match(cleaned)
    if match is None or match.end() == len(cleaned):
        return None
    rest = cleaned[match.end():]
    if words.government.search(rest[:4]) or words.titles.search(rest[:4]) or words.people.search(rest[:4]) \
            or ends_with_head(rest):
        return None  # 美方官员, 巴方外交人士: the polity's people or body, named whole
    polity = match.group(1)
    return Speaker(polity, words.polities.get(polity[:-1]) or words.polities.get(polity) or side_of_words(polity),
                   "body")


def is_polity(text: str) -> bool:
    """A polity's own name, alone or with 方面/方 (中国, 美方, 北京方面); one-character names only with 方."""
    words = speaker_words()
    bare = POLITY_SUFFIX.sub("", text) if len(text) > 1 else text
    return bare in words.polities and (len(bare) > 1 or bare != text)


def ends_with_head(text: str) -> bool:
    """The phrase ends with a government, media, analyst or group word: what it names is a body or a group."""
    words = speaker_words()
    return any(matcher.ends(text) for matcher in (words.government, words.media, words.analyst, words.others))


def affiliation_before(rest: str) -> str | None:
    """The body named before a person in the same phrase (智库史汀生中心 of its 高级研究员)."""
    words = speaker_words()
    titles = list(words.titles.finditer(rest))
    before = rest[:titles[-1].start] if titles else rest
    before = re.sub(r"^位于\S*?的|^(?:美国|中国)?(?:华盛顿|华府|北京)?的?智库", "", before.strip()).strip(" 的")
    return before if len(before) >= 2 else None

"""The group a plural pronoun stands for (…让广大干部群众倍感振奋，大家表示…): the people the sentence, or the
one before it, names as a group by a group noun (群众, 嘉宾, 人士) with the words that qualify it; or the people the
sentence before counts (4位学员代表发言) or lists (芮思博、…、纳瑟尔等先后发言)."""
from __future__ import annotations

import re
from functools import cache

from .speaker_words import speaker_words
from .speakers import Speaker, name_phrase
from .unknown_names import listed_names

QUALIFIER_CHARS = 6  # words before the group noun that qualify it (广东广大 干部群众)
# people counted (4位学员代表, 30多位台湾青年学生) up to what they do or a break
COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)多?(?:位|名)(?P<group>[\u4e00-\u9fff]{2,10}?)"
                     r"(?=先后|分别|相继|纷纷|一同|共同|发言|致辞|参加|出席|表示|在|[，,。、])")
LISTED_SPEAKING = re.compile(r"(?P<list>[^，,。；]+、[^，,。；]+等)(?:人)?(?:先后|分别|相继|纷纷)?(?:发言|致辞|讲话)")
NOT_QUALIFIER = "的让使令在给对向和同被将把了是中也都为从发起到动舞励"  # a preposition, particle or verb ending stops them


@cache
def _group() -> re.Pattern:
    nouns = sorted(speaker_words().groups, key=lambda noun: (-len(noun), noun))
    return re.compile(rf"(?:(?![{NOT_QUALIFIER}])[\u4e00-\u9fff]){{0,{QUALIFIER_CHARS}}}?"
                      rf"(?:{'|'.join(map(re.escape, nouns))})")


def named_group(folded: str, end: int | None = None) -> Speaker | None:
    """The last group the folded text names before `end`, as a speaker (side other unless a polity leads it)."""
    found = list(_group().finditer(folded, 0, len(folded) if end is None else end))
    return name_phrase(found[-1].group(0)) if found else None


def plural_at(folded: str) -> int | None:
    """Where the first Chinese plural pronoun (大家, 他们) of the folded text stands."""
    places = [folded.find(p) for p in speaker_words().plural_pronouns if not p.isascii() and p in folded]
    return min(places) if places else None


def people_before(folded: str) -> Speaker | None:
    """The people the sentence counts (毕业典礼上，4位学员代表发言) or lists as they speak in turn (芮思博、…、纳瑟尔等
    先后发言): whom a plural pronoun in the next sentence stands for."""
    listed = LISTED_SPEAKING.search(folded)
    names = listed_names(listed.group("list")) if listed is not None else None
    if names:
        return Speaker(names, None, "other")
    counted = list(COUNTED.finditer(folded))
    return Speaker(counted[-1].group("group"), None, "other") if counted else None

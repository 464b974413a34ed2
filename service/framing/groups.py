"""The group a plural pronoun stands for (…让广大干部群众倍感振奋，大家表示…): the people the sentence, or the
one before it, names as a group by a group noun (群众, 嘉宾, 人士) with the words that qualify it."""
from __future__ import annotations

import re
from functools import cache

from .speaker_words import speaker_words
from .speakers import Speaker, name_phrase

QUALIFIER_CHARS = 6  # words before the group noun that qualify it (广东广大 干部群众)
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

"""People, places, organisations and other proper names a sentence names, found without a hand list.

Chinese: jieba's part-of-speech tags on the normalised text (nr/nrfg/nrt people, ns places, nt organisations),
where the alias table's keys are words of their own, so a known person keeps one key in any spelling. jieba's
dictionary tags many ordinary words as names (言辞, 明白), so a tagged word is a person only when it has a
name's shape (data/names.yaml: a common surname and two or three characters, or transliteration characters
only). English:
runs of capitalised words, titles left out; those the alias table knows are typed, the rest are "names" keyed
by their last word (news refers to people by their surname). Measured against Baidu's LAC NER model on the
corpus sentences: jieba's tags find the same well-known people and places for about a hundredth of the cost
(LAC: about 1.7 ms a sentence), with more false people among rare words; the link model weighs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import load_yaml
from ..tuning import TEXT_CACHE_ENTRIES
from .normalize import alias_table
from .sentences import HAN

PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
PLACE_TAGS = frozenset({"ns"})
ORGANISATION_TAGS = frozenset({"nt"})
MIN_NAME_CHARS = 2  # jieba tags single characters of unknown names (布, 王) as nr: not names on their own
MAX_NAME_CHARS = 4
CJK_RUN = re.compile(f"[{HAN}]+")
CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+|the\s+)?[A-Z][\w'’.-]*)*")
# words that start capitalised runs without naming anyone: titles, calendar words, pronouns, sentence openers
ENGLISH_NOT_NAMES = frozenset(
    "mr mrs ms dr president vice secretary minister foreign director general chairman chairwoman premier "
    "senator governor ambassador adviser advisor national security state states united people's peoples "
    "republic of the a an and but he she it they we i in on at for to as this that these those there then "
    "when while after before both his her their our its said says also however meanwhile jr jr. sr sr. "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december u.s. u.s us u.k. u.n. prc".split())
ENTITY_CACHE_SIZE = TEXT_CACHE_ENTRIES


@dataclass(frozen=True)
class Entities:
    people: frozenset[str]
    places: frozenset[str]
    organisations: frozenset[str]
    names: frozenset[str]  # English proper names of unknown kind, by their last word


@lru_cache(maxsize=ENTITY_CACHE_SIZE)
def entities(text: str, norm: str, tags: tuple[tuple[str, str], ...], named_people: tuple[tuple[int, str], ...],
             named_places: frozenset[str]) -> Entities:
    """Entities of a sentence from its original text, its normalised form (attributive uses of names such as
    "拜登政府" blanked out), the tagged words of the normalised form's Chinese runs and the people ((offset, alias
    key)) and places (alias keys) the normalised form names (normalize.names_at)."""
    people, places = {key for _, key in named_people}, set(named_places)
    people |= {name for name in names_after_titles(tags) if name in norm and name not in places}
    organisations = set()
    for word, tag in tags:
        if len(word) < MIN_NAME_CHARS:
            continue
        if tag in PERSON_TAGS and word not in places and word in norm and looks_like_a_name(word):
            people.add(word)
        elif tag in PLACE_TAGS and word not in people:
            places.add(word)
        elif tag in ORGANISATION_TAGS:
            organisations.add(word)
    people = {p for p in people if not any(p != other and p in other for other in people)}  # 瓦尔 of 安瓦尔
    return Entities(frozenset(people), frozenset(places), frozenset(organisations), english_names(text))


@cache
def _name_shapes() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("names.yaml")
    return frozenset(data["surnames"]), frozenset(data["transliteration"].replace(" ", ""))


@cache
def _titles() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml")["titles"])


def names_after_titles(tags: tuple[tuple[str, str], ...]) -> list[str]:
    """Names right after a title (副主席 张+又+侠, 总统 洛佩斯): the single characters or name-tagged words that
    follow, two to four characters, when they have a name's shape."""
    titles, found = _titles(), []
    for k, (word, _) in enumerate(tags):
        if word not in titles:
            continue
        name = ""
        for following, tag in tags[k + 1:k + 5]:
            if len(following) > 1 and tag not in PERSON_TAGS or len(name) + len(following) > MAX_NAME_CHARS:
                break
            name += following
        if len(name) >= MIN_NAME_CHARS and looks_like_a_name(name):
            found.append(name)
    return found


def looks_like_a_name(word: str) -> bool:
    """A Chinese name (common surname, two or three characters in all) or a transliterated foreign one."""
    surnames, transliteration = _name_shapes()
    if 2 <= len(word) <= 3 and word[0] in surnames or 3 <= len(word) <= 4 and word[:2] in surnames:
        return True
    return len(word) >= 2 and all(ch in transliteration for ch in word)


def english_names(text: str) -> frozenset[str]:
    """Last words of capitalised runs the alias table does not know (known names are people or places)."""
    table = alias_table()
    found = set()
    for match in CAPITALISED_RUN.finditer(text):
        words = [w.strip(".,'’").lower() for w in match.group().split()]
        words = [w for w in words if w and w not in ENGLISH_NOT_NAMES]
        if not words or any(w in table for w in words) or match.group().lower() in table:
            continue
        if match.start() == 0 and len(words) == 1 and len(match.group().split()) == 1:
            continue  # a capitalised first word of a sentence is not evidence of a name
        found.add(words[-1])
    return frozenset(found)

"""One key per speaker, whatever name an outlet gives it: the alias key of a person, the key of a source (中方 and
中国政府 are one), the joint speaker, an English person by surname (Stephen Hadley and Mr. Hadley), a transliterated
name by its surname (谢尔达尔·别尔德穆哈梅多夫), a polity's government by the polity (英国政府, 美国方面 and 英国,
美国; 美国 and 美方 by the key of 美国政府 when the sources know it), a company without its country and its 公司
(美国波音公司, 波音公司 and 波音), speakers named together by their keys in order, whatever joins them (中共中央和
国务院, 中共中央、国务院), a name without a count, 的 or 方面 an outlet adds (美国多家媒体, 日本防卫省方面), else the
folded name. A fact's outlets conflict over its speaker only when their keys differ, and the
attribution scoreboard compares the service's speaker with the gold's by the same key."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..datafiles import load_yaml
from ..text.entities import _name_shapes
from ..text.normalize import alias_table, fold
from ..tuning import TEXT_CACHE_ENTRIES
from .lexicon import lexicon
from .speaker import joint
from .speaker_words import speaker_words

ENGLISH_JOINT = "both sides"  # the joint speaker in English (readouts, the gold), 双方 in Chinese
WORK_TITLE = re.compile(r"《[^《》]+》")  # a name that is one work's title
DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+")  # a transliterated name with its given names
POLITY_GOVERNMENT = re.compile(r"(.{2,8}?)(?:政府|方面)")  # a polity's government, named with it
HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Dr)\.\s+")
# an English person's name, compared by the surname as the alias table keys people (凯利·格里科 is 格里科)
ENGLISH_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,2}(?P<surname>[A-Z][\w'’-]+)")
# a company's name before its 公司 (有限公司, 集团公司); a country before it is dropped: an outlet may name it or not
COMPANY = re.compile(r"(?P<name>.{2,}?)(?:集团|集團)?(?:股份)?(?:有限)?(?:公司)")
# what joins speakers named together (米歇尔和冯德莱恩, 中共中央、国务院); never a name's first character (与会嘉宾)
JOINED = re.compile(r"(?<=.)(?:[和与及、]|\s+and\s+)(?=.)")
# words an outlet may add to or leave out of a speaker's name without naming another: a count before a group
# (多位日本人士, 美国多家媒体), 的 inside a name (党的二十届三中全会), the 方面 after a body (日本防卫省方面)
COUNTED = re.compile(r"(?:一|两|几|数|多|若干)(?:位|名|些|家)|部分")
POSSESSIVE = re.compile(r"(?<=[\u4e00-\u9fff])的(?=[\u4e00-\u9fff])")
SIDE_OF = re.compile(r"(?P<body>.{2,}?)方面")
LIST_END = re.compile(r"等(?:国家|国|成员国|成员|方)?$")  # 埃及、约旦等 and 埃及、约旦等国: one group
MIN_NAMED_CHARS = 3  # a name of its own after a country: a transliteration and what it is (胡塞武装)
INTERNATIONAL = frozenset({"联合国", "北约", "欧盟", "七国集团"})  # bodies of countries, in the polity names: no country


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def speaker_key(name: str | None) -> str | None:
    """The speaker's key (None for no speaker); cached: a comparison asks for the same few names again and again."""
    if name is None:
        return None
    name = name.strip()
    folded = fold(name[1:-1] if WORK_TITLE.fullmatch(name) else name)  # 《通知》 and 通知: one document
    if folded in _joint_names():
        return joint().name
    alias = alias_table().get(folded)
    if alias is not None and alias.kind == "person":
        return alias.key
    sources = lexicon().sources
    source = sources.get(folded)
    if source is None and folded in speaker_words().polities:
        source = sources.get(folded + "政府")  # 美国 and 美国政府 (美方): one speaker, as 英国 and 英国政府 are
    if source is not None:
        return source.key
    english = ENGLISH_NAME.fullmatch(HONORIFIC.sub("", name))
    if english:
        return english.group("surname").lower()
    if DOTTED_NAME.fullmatch(folded):
        return folded.rsplit("·", 1)[1]  # as the alias table keys people
    plain = POSSESSIVE.sub("", COUNTED.sub("", folded))
    if plain != folded and plain:
        return speaker_key(plain)
    side_of = SIDE_OF.fullmatch(folded)
    if side_of and side_of.group("body") not in speaker_words().polities:
        return speaker_key(side_of.group("body"))
    government = POLITY_GOVERNMENT.fullmatch(folded)
    if government and government.group(1) in speaker_words().polities:
        return speaker_key(government.group(1))
    named_after = _after_country(folded)
    if named_after is not None:
        return speaker_key(named_after)  # 俄罗斯莫斯科交易所 and 莫斯科交易所, 也门胡塞武装 and 胡塞武装
    company = COMPANY.fullmatch(folded)
    if company:
        return _without_country(company.group("name"))
    parts = JOINED.split(LIST_END.sub("", folded) if "、" in folded else folded)
    if len(parts) > 1:
        return "、".join(sorted(speaker_key(part) or "" for part in parts))
    return folded


def _after_country(name: str) -> str | None:
    """What follows a country an outlet may put before a name of its own (俄罗斯|莫斯科交易所, 伊朗|迈赫尔通讯社,
    美国|纽约州州长): a name that starts with a transliteration; not a generic body a country's name is part of
    (美国商务部 and 中国商务部 stay apart)."""
    words = speaker_words()
    lead = words.polity.starts(name)  # the longest polity word the name opens with
    if lead is None or len(lead.word) == 1 and lead.word not in words.polity_abbreviations:  # 俄|库尔斯克州州长
        return None
    rest = name[lead.end:]
    if len(rest) < MIN_NAMED_CHARS or not all(ch in _name_shapes()[1] for ch in rest[:2]):
        return None
    return rest


def _without_country(name: str) -> str:
    """A company's name without the country an outlet may put before it (美国波音 is 波音), unless the rest only
    names an industry (美国航空, 中国银行: the country is part of the name)."""
    countries, industries = _company_words()
    country = max((c for c in countries if name.startswith(c) and len(name) - len(c) >= 2), key=len, default="")
    return name if name[len(country):] in industries else name[len(country):]


@cache
def _company_words() -> tuple[frozenset[str], frozenset[str]]:
    """The Chinese names of the countries the speaker words know, and the industries a company may be named by."""
    return (frozenset(speaker_words().polity_names.values()) - INTERNATIONAL,
            frozenset(fold(word) for word in load_yaml("speakers.yaml")["industry_words"]))


@cache
def _joint_names() -> frozenset[str]:
    return frozenset({fold(ENGLISH_JOINT), fold(joint().name)})

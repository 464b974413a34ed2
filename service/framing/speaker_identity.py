"""One key per speaker, whatever name an outlet gives it: the alias key of a person, the key of a source (中方 and
中国政府 are one), the joint speaker, an English person by surname (Stephen Hadley and Mr. Hadley), a transliterated
name by its surname (谢尔达尔·别尔德穆哈梅多夫), a polity's government by the polity (英国政府, 美国方面 and 英国,
美国), else the folded name. A fact's outlets conflict over its speaker only when their keys differ, and the
attribution scoreboard compares the service's speaker with the gold's by the same key."""
from __future__ import annotations

import re
from functools import cache

from ..text.normalize import alias_table, fold
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


def speaker_key(name: str | None) -> str | None:
    """The speaker's key (None for no speaker)."""
    if name is None:
        return None
    name = name.strip()
    folded = fold(name[1:-1] if WORK_TITLE.fullmatch(name) else name)  # 《通知》 and 通知: one document
    if folded in _joint_names():
        return joint().name
    alias = alias_table().get(folded)
    if alias is not None and alias.kind == "person":
        return alias.key
    source = lexicon().sources.get(folded)
    if source is not None:
        return source.key
    english = ENGLISH_NAME.fullmatch(HONORIFIC.sub("", name))
    if english:
        return english.group("surname").lower()
    if DOTTED_NAME.fullmatch(folded):
        return folded.rsplit("·", 1)[1]  # as the alias table keys people
    government = POLITY_GOVERNMENT.fullmatch(folded)
    if government and government.group(1) in speaker_words().polities:
        return speaker_key(government.group(1))
    return folded


@cache
def _joint_names() -> frozenset[str]:
    return frozenset({fold(ENGLISH_JOINT), fold(joint().name)})

"""Names of people no table knows, by their shape: after a title or role (发言人巴特尔), with a transliteration
dot (凯利·格里科 is 格里科), a whole phrase shaped like a name (马克龙, 施泰因迈尔), English capitalised words."""
from __future__ import annotations

import re
from functools import cache

from ..datafiles import load_yaml
from ..text.entities import _name_shapes, looks_like_a_name
from ..text.normalize import fold
from .speaker_words import common_words, is_common_word, speaker_words

CJK_ONLY = re.compile(r"[\u4e00-\u9fff·]+")
# subjects that report without being anyone (数据显示, 研究表明, 舆论认为) or are groups (大家, 各方)
NOT_NAMES = frozenset("数据 数字 统计 调查 民调 研究 报告 消息 舆论 分析 结果 事实 情况 历史 实践 经验 现实 实际 大家 各方 "
                      "人们 有人 对方 对此 双边 此举 这些 那些 以上 上述 文件 通知 公告 声明 信中 信息 资料 材料 "
                      "内容 全文 原文 评论 社论 观点 说法 說法 历史经验 实践证明".split())
# function characters no name holds
NOT_NAME_CHARACTERS = "的了是在和与这那其该此各每些等们也再次如即我你您永远会上有还就都又被把对向将要应能可只才已曾正更很最" \
                      "太不没无非所之而且或但若比例期间时后前中内外里下来去过着年月日受当"
NAME_DOT = "·"
RANK = re.compile(r"(?:第一|第二|常务|常務|执行|執行)$")  # 扎希德第一副总理: the rank before the title
HONORIFIC_NAME = re.compile(r"(?:Mr|Ms|Mrs|Dr)\.\s+([A-Z][\w'’-]+)")
NAME_HYPHEN = re.compile(r"[\u4e00-\u9fff]{2,}[-－‐][\u4e00-\u9fff]{2,}")  # 迪亚斯-卡内尔: a compound surname, kept whole
MAX_NAME_CHARS = 4  # 凯利·格里科 is 格里科: the part after the last dot
MAX_DOTTED_SURNAME_CHARS = 9  # 谢尔达尔·别尔德穆哈梅多夫: a long surname after a transliteration dot
MAX_TRANSLITERATED_CHARS = 6  # a phrase that is only a transliterated name (施泰因迈尔, 阿尔巴尼斯)
RARE_CHARS_AFTER_TITLE = 2  # characters outside the transliteration table a long name after a title may hold (基, 娃)


def unknown_name(cleaned: str, original: str) -> str | None:
    """A person's name the alias table does not know: after a title or role (发言人巴特尔, 主人刘学梅), with a
    transliteration dot (哈利勒·哈亚 is 哈亚), the whole phrase when it has a name's shape (马克龙), or an English
    name."""
    words = speaker_words()
    if cleaned.isascii():
        return english_name(original or cleaned)
    if is_document(cleaned):
        return None  # 白皮书指出: a document, whatever its characters' shape
    marks = list(words.titles.finditer(cleaned)) + list(words.roles.finditer(cleaned))
    tail = cleaned[max(m.end for m in marks):].strip() if marks else ""
    if tail and max(marks, key=lambda m: m.end).word not in words.titles.words and not looks_like_a_name(tail) \
            and not transliterated_with_particle(tail):
        tail = ""  # 工人阶级: after a role, not a title, only a name's shape is a name (司长叶尔马科夫 has one)
    hyphened = NAME_HYPHEN.fullmatch(tail or cleaned)
    if hyphened is not None and all(looks_like_a_name(part) for part in re.split(r"[-－‐]", hyphened.group())):
        return hyphened.group()
    dotted = tail if NAME_DOT in tail else cleaned
    if NAME_DOT in dotted:
        given, last = dotted.rsplit(NAME_DOT, 1)
        if 2 <= len(last) <= MAX_NAME_CHARS or len(last) <= MAX_DOTTED_SURNAME_CHARS and transliterated(last):
            return last  # 凯利·格里科 is 格里科, as the alias table keys people (别尔德穆哈梅多夫 too)
        if len(last) == 1:  # 派翠西亚·金: a one-character surname keeps the given name
            return (given if dotted is tail else tail_name(given)) + NAME_DOT + last
    if tail and 2 <= len(tail) <= MAX_NAME_CHARS and CJK_ONLY.fullmatch(tail) and not is_common_word(tail) \
            and tail not in NOT_NAMES \
            and (transliterated(tail) or looks_like_a_name(tail) or not any(ch in tail for ch in NOT_NAME_CHARACTERS)):
        return tail  # 司长威尔莫思, 国务卿鲁比奥 (比 of the table), 社长郭鲁正: right after a title, a name
    if tail and MAX_NAME_CHARS < len(tail) <= MAX_TRANSLITERATED_CHARS and CJK_ONLY.fullmatch(tail) \
            and sum(ch not in _name_shapes()[1] for ch in tail) <= RARE_CHARS_AFTER_TITLE \
            and (transliterated(tail) or not any(ch in tail for ch in NOT_NAME_CHARACTERS)):
        return tail  # 总裁格奥尔基耶娃, 副外长里亚布科夫 (里 of the table): a longer transliteration after a title
    if 2 <= len(cleaned) <= MAX_TRANSLITERATED_CHARS and looks_like_a_name(cleaned) and not is_common_word(cleaned) \
            and (len(cleaned) <= MAX_NAME_CHARS or transliterated(cleaned)):
        return cleaned  # 马克龙, 王岐山, 施泰因迈尔
    if MAX_TRANSLITERATED_CHARS < len(cleaned) <= MAX_DOTTED_SURNAME_CHARS and transliterated(cleaned) \
            and words.polity.starts(cleaned) is None:
        return cleaned  # 别尔德穆哈梅多夫 named again without his given name: a long surname, not 多夫
    titles = list(words.titles.finditer(cleaned))
    head = titles and titles[-1].end == len(cleaned) and RANK.sub("", cleaned[:titles[0].start])
    if head and 2 <= len(head) <= MAX_TRANSLITERATED_CHARS and (transliterated(head) or looks_like_a_name(head)) \
            and not any(len(m.word) > 1 for m in words.polity.finditer(head)):
        return head  # 扎希德第一副总理, 金正恩总书记: a name before its title
    if transliterated_with_particle(cleaned) and not is_common_word(cleaned):
        return cleaned  # 冯德莱恩: von der Leyen, a surname character before a transliteration
    return None


def is_document(cleaned: str) -> bool:
    """The phrase ends with a document word of two or more characters (白皮书, 行政令): no person's name."""
    document = speaker_words().documents.search(cleaned[-MAX_NAME_CHARS:])
    return document is not None and len(document.word) > 1 and cleaned.endswith(document.word)


def whole_transliteration(name: str, text: str) -> str:
    """A transliterated name the tagger cut short at the start of `text` (娜拉 of 娜拉蓬深表赞同), with the
    transliteration characters that follow it, up to a long name's length."""
    if not transliterated(name):
        return name
    end = len(name)
    while end < min(len(text), MAX_TRANSLITERATED_CHARS) and transliterated(text[end]):
        end += 1
    return text[:end]


def whole_transliteration_before(name: str, text: str) -> str:
    """A transliterated name the tagger cut short at the end of `text` (里尼 of 主任专员拉扎里尼), with the
    transliteration characters before it, up to a long surname's length; never into a polity's name or a title."""
    if not transliterated(name) or not text.endswith(name):
        return name
    words = speaker_words()
    floor = max([m.end for m in words.polity.finditer(text) if len(m.word) > 1]
                + [m.end for m in words.titles.finditer(text)] + [len(text) - MAX_DOTTED_SURNAME_CHARS, 0])
    start = len(text) - len(name)
    while start > floor and transliterated(text[start - 1]):
        start -= 1
    return text[start:]


def transliterated(word: str) -> bool:
    """Every character is one of the transliteration table's (names.yaml)."""
    transliteration = _name_shapes()[1]
    return all(ch in transliteration for ch in word)


def transliterated_with_particle(word: str) -> bool:
    """Four to six characters: one that is also a Chinese surname (冯 for von, 德 for de) and a transliteration
    of three or more after it."""
    surnames, transliteration = _name_shapes()
    return MAX_NAME_CHARS <= len(word) <= MAX_TRANSLITERATED_CHARS and word[0] in surnames \
        and all(ch in transliteration for ch in word[1:])


def english_name(original: str) -> str | None:
    """Capitalised words that are not titles or the words of bodies ("Marc Stewart", "Lael Brainard"), as
    written; an all-capitals transcript label (SENIOR ADMINISTRATION OFFICIAL) names no one."""
    words = speaker_words()
    honorific = HONORIFIC_NAME.fullmatch(original.strip())
    if honorific is not None:
        return honorific.group(1)  # "Mr. Finer stressed": the surname after an honorific
    capitalised = [w.strip(",.") for w in original.split() if w[:1].isupper() and not w.isupper()]
    names = [w for w in capitalised if fold(w) not in words.titles.words and fold(w) not in english_title_words()
             and fold(w) not in words.polities
             and fold(w) not in words.fillers.words and fold(w) not in ("the", "q", "mr", "ms")
             and not common_words().search(fold(w))]
    if " ".join(names).lower() in words.polities or any(fold(w) in words.government.words for w in names):
        return None  # "The United States noted", "The National Assembly said": a polity or a body, not a person
    titled = len(names) == 1 and len(capitalised) > 1 and capitalised[-1] == names[0] \
        and fold(capitalised[-2]) in words.titles.words | english_title_words()  # "Prime Minister Kishida"
    return " ".join(names) if (2 <= len(names) <= 3 or titled) and len(original.split()) <= 6 else None


@cache
def english_title_words() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml")["english_title_words"])


def tail_name(text: str) -> str:
    """The name-shaped characters at the end of a text (the given name before a dot)."""
    _, transliteration = _name_shapes()
    k = len(text)
    while k > 0 and text[k - 1] in transliteration:
        k -= 1
    return text[k:] or text[-2:]


LISTED = re.compile(r"(?P<items>[^，,。、]+(?:、[^，,。、]+)+?)(?P<tail>等[^，,。、]{0,8})")


def listed_names(cleaned: str) -> str | None:
    """People listed each with a title (黑石集团董事长兼首席执行官苏世民、…、美中贸易全国委员会会长艾伦等美方代表): their
    names and the group word after 等; None unless every item ends in a name no table knows."""
    listed = LISTED.fullmatch(cleaned)
    if listed is None:
        return None
    items = listed.group("items").split("、")
    names = [unknown_name(item, item) for item in items]
    if not all(names) or names == items or any(len(name) > MAX_TRANSLITERATED_CHARS for name in names):
        return None
    return "、".join(names) + listed.group("tail")

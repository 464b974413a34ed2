"""Naming a speaker from the words of a frame's subject, without a hand list of who may speak.

A subject phrase ("美国国务院一位高级官员", "国家副主席王岐山", "位于华盛顿的智库史汀生中心高级研究员凯利·格里科",
"两国元首", "President Biden", "他") becomes a Speaker: a person (alias key, or a name found by its shape after a
title or by the sentence's name tagging), a body (a source of framing.yaml, or a polity followed by a government
word: 俄罗斯国防部), the joint speaker, or a reference the document's context resolves (pronoun, bare title,
document). Sides come from the alias table, the sources, and the polity, media, analyst and other words of
data/speakers.yaml.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..align.features import tagged_people
from ..text.entities import looks_like_a_name
from ..text.matcher import WordPattern
from ..text.normalize import alias_table, fold
from ..tuning import TEXT_CACHE_ENTRIES
from .lexicon import lexicon
from .compound_speakers import (PARTICIPANTS, appositive, demonstrative, gathered, listed, on_behalf, pair, polities_with_us,
                                region_head, role_group, some_countries, subordinate)
from .speaker import Speaker, bare_name, joint, title_reference
from .speaker_words import clean, is_common_word, pronoun_pattern, side_of_words, speaker_words
from .polity_phrases import (POLITY_SUFFIX, abbreviated_polity, affiliation_before, ends_with_head,
                             is_polity, polity_led)
from .unknown_names import (MAX_NAME_CHARS, is_document, listed_names, unknown_name, whole_transliteration,
                            whole_transliteration_before)

__all__ = ["Speaker", "bare_name", "clean", "joint", "name_phrase", "side_of_words", "speaker_words"]

# a name that qualifies what follows is not the speaker: 拜登政府, 基辛格中美研究所所长戴利
ATTRIBUTIVE = re.compile(r"^(?:政府|当局|團隊|团队|阵营|政权|时期|时代|任内|administration|[^，,]{0,4}?(?:研究所|研究院|中心|学院|學院|"
                         r"学会|學會|基金会|基金會|大学|大學))")
CONVENED = re.compile(r"^.*(?:召开|召開|举行|舉行|举办|舉辦)的?")  # who convened it and when
ISSUED = re.compile(r"(?:发布|發布|发表|發表|公布|签署|簽署|下发|下發|印发|印發|发出|發出|发来|發來|致)$")
TITLED_OUTLET = re.compile(r"([^\"]*)\"([^\"]+)\"")  # 美国"大西洋月刊": a polity, then the title (《》 folded to quotes)
OUTLET_KINDS = frozenset({"news_agency", "newspaper", "broadcaster"})
JOINED = re.compile(r"\s*[^，,]{0,12}?\s*(?:和|与|與|同|及|、|\band\b)\s*[^，,]{0,12}?\s*")  # 习近平主席和拜登总统
MAX_BODY_CHARS = 10
JOINT_PREFIX_CHARS = 2  # 中美两国元首: a short qualifier before the joint word
PARTY_WORDS = frozenset({"方面", "方", "当局", "當局"})
DESCRIPTOR = re.compile(r"(?:智库|智庫|官方|官媒|媒体|媒體|知名|著名|国际|國際|非营利|非營利|组织|組織|\s)*")
MODAL_START = re.compile(r"^(?:要|应(?![急对對用])|應(?![急對用])|将|將|会|會|能(?!源)|可|须|須|必)")  # not 应急管理部, 能源局
PRC_BODY = re.compile(r"(?:部|委|局|署|总局|總局|总站|總站|委员会|委員會|办公室|辦公室|海关|海關|部门|部門)$")
SIDE_OF_PARTY = re.compile(r"^(.{2,8}?)方面$")  # 哈马斯方面: the party itself
SPOKESMAN = re.compile(r"(?:新闻)?发言人$|(?:新聞)?發言人$")  # the title after a body that speaks for it
LATIN_WORD = re.compile(r"[a-z][a-z.'’-]*")
ENGLISH_TITLE = (r"(?:(?:Mr|Ms|Mrs|Dr)\.|(?:[A-Z][a-z]+\s+){0,3}(?:President|Minister|Secretary|Director)"
                 r"(?:\s+of(?:\s+[A-Z][a-z]+)+)?)")  # Mr., Minister, Executive Vice Minister of Foreign Affairs
# Mr. Finer and Minister Liu, Sullivan and Director Wang Yi, The President and (the) Prime Minister (Kishida)
ENGLISH_PAIR = re.compile(r"(?:(?:The\s+)?" + ENGLISH_TITLE + r"(?:\s+[A-Z][\w'’-]+)?|[A-Z][\w'’-]+)"
                          r"\s+and\s+(?:the\s+)?" + ENGLISH_TITLE + r"(?:\s+[A-Z][\w'’-]+){0,2}(?:\s+(?:also|both|then|further))?")
PRC_BODY_PERSON = re.compile(r"(?:部|委|局|署|办|辦)(?:有关|有關|相关|相關)?(?:负责人|負責人|负责同志|負責同志|官员|官員)$")
PLACE_OPENING = re.compile(r"^在[^，,在]{1,8}?(?:中|时|時|上|期间|期間)(?=[^，,]{2})")  # where it was said, before the subject
CHAIN_OPENING = re.compile(r"^(?:另|又|还|還)?(?:据|據|根据|根據)")  # a 据 chain the verb after it (称) frames
NOT_A_PREDICATE = set("的和与與、等及同跟人国國民方政党黨军軍族界")  # after a name: a possessive, another name or the
# head of a noun the name qualifies (阿拉伯人民), not what the person does
ABBREVIATED_BODY_CHARS = 8  # 俄联邦安全局, 乌总统办公室: a one-character polity's body is named briefly
SHORT_NAME = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)](?:方面)?(?:\d{1,2}日|当天|今天|昨天)?\s*$")  # a body's short name in brackets, closing its phrase
PHRASE_CACHE_SIZE = TEXT_CACHE_ENTRIES
SITUATION = re.compile(r"(?:格局|布局|结局|大局|全局|时局|政局|困局|变局|开局|僵局|战局|新局)$")  # 局 of no bureau
LOCAL_AUTHORITY = re.compile(r"(?:当地|當地)[\u4e00-\u9fff]{0,6}?(?:警方|部门|部門|政府|当局|當局)|[\u4e00-\u9fff]{0,6}警方|[\u4e00-\u9fff]{2,8}自治政府|校方")
VERB_SIZES = (2, 3, 4)  # lengths of the Chinese reporting verbs a name may follow as their object


def name_phrase(phrase: str, original: str = "", sentence: str = "", *, opening: bool = False) -> Speaker | None:
    """The speaker a subject phrase names (`phrase` folded; `original` the same words as written, for English
    names; `sentence`: the whole sentence, whose name tagging may know a name no rule finds), or None when it
    names no one who could speak. `opening`: the phrase is a whole earlier clause whose subject the verb shares
    (李强了解有关情况，强调…), so a tagged name that opens it is that subject."""
    named = _named(phrase, original)
    if named is None and sentence and not phrase.isascii():
        cleaned = clean(phrase)
        people = [p for p in tagged_people(sentence) if 2 <= len(p) <= MAX_NAME_CHARS]
        tagged = [p for p in people if cleaned.endswith(p)]
        if tagged and not is_common_word(cleaned[-3:]) and not is_document(cleaned):
            name = whole_transliteration_before(max(tagged, key=len), cleaned)  # 拉扎里尼, not the tagger's 里尼
            rest = cleaned[:-len(name)]
            return Speaker(name, side_of_words(rest), "person", affiliation_before(rest))
        leading = [p for p in people if cleaned.startswith(p) and cleaned[len(p):len(p) + 1] not in NOT_A_PREDICATE
                   and looks_like_a_name(p) and speaker_words().polity.starts(p) is None] if opening else []
        if leading:  # 李强了解有关情况，强调…: the clause opens with the person who then speaks
            return Speaker(whole_transliteration(max(leading, key=len), cleaned), None, "person")
    listed = listed_names(named.name) if named is not None and named.name and "、" in named.name else None
    return named._replace(name=listed) if listed else named  # 董事长苏世民、会长艾伦等美方代表: the names


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _named(phrase: str, original: str) -> Speaker | None:
    """name_phrase without the sentence's name tagging: cached by phrase (the same subjects come back)."""
    words = speaker_words()
    pronoun = _pronoun(phrase)
    if pronoun is not None:
        return pronoun
    joint_word = words.joint.search(phrase)
    if joint_word is not None and len(clean(phrase[:joint_word.start])) <= JOINT_PREFIX_CHARS:
        return joint()  # 两国元首, 中美双方; not 我们指导双方团队
    cleaned = PLACE_OPENING.sub("", CHAIN_OPENING.sub("", clean(phrase)))  # 另据…社报道称; 在采访中特罗约表示
    cleaned = cleaned.rsplit("——", 1)[1] or cleaned if "——" in cleaned else cleaned  # 调查机构——东京商工调查公司
    if not cleaned or _holds_a_report(cleaned):
        return None
    pronoun = _pronoun(cleaned)  # 他还 → 他
    if pronoun is not None:
        return pronoun
    behalf = on_behalf(cleaned, _named)
    if behalf is not None:
        return behalf
    short = SHORT_NAME.search(phrase)
    if short is not None:  # 巴勒斯坦伊斯兰抵抗运动（哈马斯）方面: the name the story goes on to use
        named = _named(short.group(1), "")
        if named is not None and named.resolved:
            return named
    led = polity_led(cleaned)
    if led is not None:
        return led  # 美方遵守拜登总统…: the subject is 美方, not the 拜登 of its object
    if abbreviated_polity(cleaned):
        return Speaker(cleaned, None, "abbreviated")  # 古方, 墨方: the story's polity that starts so (context.py)
    relative = _after_relative_clause(phrase)
    if relative is not None:
        return relative  # 美国共和党掌控的国会众议院议长: the speaker, not the party in the clause before
    group = role_group(phrase, cleaned)
    if group is not None:
        return group
    persons = [m for m in words.people.finditer(cleaned) if not ATTRIBUTIVE.match(cleaned[m.end:].lstrip())]
    if _joint(cleaned, persons) or original and (ENGLISH_PAIR.fullmatch(original.strip())
                                                 or polities_with_us(original)):
        return joint()
    compound = pair(cleaned, _named) or listed(cleaned, _named) or subordinate(cleaned, _named) \
        or gathered(phrase, cleaned) or demonstrative(cleaned) or region_head(cleaned) or some_countries(cleaned, _named)
    if compound is not None:
        return compound
    persons = [m for m in persons if not _object_of_verb(cleaned[:m.start])]
    heads = [m for m in persons if not cleaned.startswith("的", m.end)] or persons
    if heads:
        alias = alias_table()[heads[0].word]  # the subject's head: 美国国务卿布林肯; not 拜登总统 of 布林肯转达拜登总统…
        return Speaker(alias.key, alias.side or side_of_words(cleaned) or "other", "person", alias.affiliation)
    if len(cleaned) == 2 and all(ch in words.polities for ch in cleaned):
        return joint()  # 韩中, 中美: two countries by their one-character names, no surname and given name
    name = unknown_name(cleaned, original)
    if name:
        rest = cleaned.replace(fold(name), " ")
        affiliation, side = affiliation_before(rest), side_of_words(rest)
        body = _body(affiliation) if affiliation and side is None and not rest.isascii() else None
        return Speaker(name, side or (body.side if body is not None and body.kind == "body" else None),
                       "person", affiliation)  # 外交部副部长马朝旭: the ministry's side (a bare ministry is China's)
    return title_reference(cleaned) or _body(cleaned) or _relative_head(phrase)  # 总书记: a person before a body


def _holds_a_report(cleaned: str) -> bool:
    """A phrase with a reporting verb of two or more characters after its start (以此感谢中方): a predicate, no
    name; names that hold one are in the tables."""
    return any(m.start > 0 for m in _reporting_verbs().finditer(cleaned)) \
        and alias_table().get(cleaned) is None and lexicon().sources.get(cleaned) is None


@cache
def _reporting_verbs() -> WordPattern:
    """Reporting verbs that are no part of a speaker's name (报道 and 分析 are: 美国媒体报道称, 市场分析人士)."""
    words = speaker_words()
    naming = set(words.documents.words) | set(words.media.words) | set(words.analyst.words) | {"报道", "报导", "分析"}
    return WordPattern(verb for verb in lexicon().verbs if len(verb) > 1 and not verb.isascii() and verb not in naming)


def _object_of_verb(before: str) -> bool:
    """A reporting verb right before a name (古巴人民十分钦佩|习近平主席): the person is its object."""
    verbs = lexicon().verbs
    return any(before[-size:] in verbs for size in VERB_SIZES if len(before) >= size)


def _after_relative_clause(phrase: str) -> Speaker | None:
    """The body, titled official or group after a relative clause that names no one (美国共和党掌控的国会众议院议长,
    出席活动的巴西各界嘉宾,
    主要控制利比亚东部和中部地区的利比亚国民代表大会方面); not a possessive (中国的外交部: 中国 names a polity)."""
    if "的" not in phrase:
        return None
    modifier, head = (clean(part) for part in phrase.rsplit("的", 1))  # …议长12日: the day is no part of the head
    words = speaker_words()
    if len(head) < 3 or not modifier or not (words.titles.ends(head) or words.government.ends(head)
                                             or head.endswith("方面") or any(head.endswith(g) for g in words.groups)):
        return None
    if _named(modifier, "") is not None or words.polity.search(modifier) is not None and len(modifier) <= 4:
        return None
    named = _named(head, "")
    return named if named is not None and named.resolved and named.kind in ("body", "person", "other") else None


def _relative_head(phrase: str) -> Speaker | None:
    """负责调查…事件的瑞典检察官: the head after a relative clause, when a polity leads it."""
    head = phrase.rsplit("的", 1)[1].strip() if "的" in phrase else ""
    if len(head) < 3 or speaker_words().polity.starts(head) is None:
        return None
    named = _named(head, "")
    return named if named is not None and named.resolved and named.kind in ("body", "person", "anonymous") else None


def _pronoun(phrase: str) -> Speaker | None:
    """他, 她, he, she (and 他的…, his …) as the subject; 他们, they as a plural one; 她的母亲 (a role or kin of
    theirs) as the unnamed person it is."""
    match = pronoun_pattern().match(phrase.strip(" ,，"))
    if match is None:
        return None
    owned = phrase.strip(" ,，")[match.end():].strip()
    if match.group(0).endswith("的") and owned in speaker_words().roles.words:
        return Speaker(phrase.strip(" ,，"), "other", "anonymous")  # 她的母亲说: the mother speaks, unnamed
    return Speaker(None, None, "plural" if match.group("plural") else "pronoun")


def _joint(cleaned: str, persons) -> bool:
    """Two people joined (拜登和习近平, Biden and Xi) with nothing after them but fillers."""
    words = speaker_words()
    if len(persons) >= 2:
        between = cleaned[persons[-2].end:persons[-1].start]
        after = cleaned[persons[-1].end:]
        return bool(JOINED.fullmatch(between)) and not words.fillers.sub(lambda w: "", after).strip(" 的") \
            and "、" not in cleaned[:persons[-2].start]  # not the last two of a list (拉马福萨、卢拉、普京、莫迪)
    return False


def _body(cleaned: str) -> Speaker | None:
    """A body or group: a document and who issued it (白宫声明), a meeting, a source of framing.yaml, a polity
    alone or with a government word at the end, media, analysts, others, unnamed officials, a party named with
    方面. The phrase must end with the word that says what it is (its head): 坦方钦佩中国… is no body. A body named
    after what it is goes by its name (国际评级机构穆迪公司 is 穆迪公司)."""
    return (appositive(cleaned, _kind_of_body) if not cleaned.isascii() else None) or _kind_of_body(cleaned)


def _kind_of_body(cleaned: str) -> Speaker | None:
    words, lex = speaker_words(), lexicon()
    if cleaned in words.media_short_names:
        return Speaker(words.media_short_names[cleaned], "media", "media")  # 俄媒 is 俄罗斯媒体
    titled = TITLED_OUTLET.fullmatch(cleaned) if '"' in cleaned else None
    if titled is not None and (not titled.group(1) or is_polity(titled.group(1))):
        outlet = _body(titled.group(2))
        if outlet is not None and outlet.kind == "media":
            return outlet  # 美国《大西洋月刊》: the outlet named by its title
    if cleaned.endswith("之旅"):
        return None  # 友谊之旅: a journey, not a brigade (旅)
    if cleaned.endswith("方面") and not is_polity(cleaned) and ends_with_head(cleaned[:-2]):
        cleaned = cleaned[:-2]  # 也门胡塞武装方面 is 也门胡塞武装
    if cleaned[:1] in '《"' and cleaned[-1:] in '》"' and words.documents.ends(cleaned[:-1]):
        cleaned = cleaned[1:-1]  # 《通知》指出: the document named as a title
    document = words.documents.search(cleaned)
    if document is not None and document.end == len(cleaned):
        issuer = ISSUED.sub("", cleaned[:document.start]).strip()
        named = (_body(issuer) or _named(issuer, "")) if issuer else None  # 白宫声明; 副总理扎希德发来贺信
        return Speaker(named.name if named else None, named.side if named else None, "document", cleaned)
    meeting = words.meetings.search(cleaned)
    if meeting is not None and meeting.end == len(cleaned):
        named = CONVENED.sub("", cleaned[:meeting.end])  # (召开的)中共中央政治局会议, 联合国贸易和发展会议; bare 会议
        return Speaker(named, side_of_words(cleaned[:meeting.start]), "meeting")
    headed = ends_with_head(cleaned)
    source = lex.source_pattern.search(cleaned)
    if source is not None and source.start > 0 and words.polity.starts(cleaned) is not None and headed:
        source = None  # 以色列驻日内瓦联合国代表团: the polity's own body, named with another
    if source is not None:
        entry = lex.sources[source.word]
        rest = (cleaned[:source.start] + cleaned[source.end:]).strip()
        outlet = entry.side == "media" or entry.kind in OUTLET_KINDS  # 新华社 in its own voice is media
        kind, side = ("media", "media") if outlet else ("body", entry.side)
        if not rest or is_polity(rest) or rest in PARTY_WORDS or source.end == len(cleaned) and DESCRIPTOR.fullmatch(
                words.polity.sub(lambda w: "", rest)):
            return Speaker(entry.key, side, kind)  # 联合国方面 is 联合国; 美国智库布鲁金斯学会 is 布鲁金斯学会
        if headed and source.start == 0:
            return Speaker(cleaned, side, kind)  # 中国外交部发言人
        return None
    anonymous = lex.anonymous.search(cleaned)
    if is_polity(cleaned):
        bare = POLITY_SUFFIX.sub("", cleaned) if cleaned.endswith(("方面", "当局", "當局", "政府")) else cleaned
        bare = words.polity_abbreviations.get(bare, bare)  # 德政府 is 德国's
        return Speaker(words.polity_names.get(bare, bare), side_of_words(cleaned) or words.polities.get(bare),
                       "body")  # 联合国方面 is 联合国; the United States is 美国
    if PRC_BODY_PERSON.search(cleaned) and side_of_words(cleaned) is None and not cleaned.isascii():
        return Speaker(cleaned, "prc_gov", "body")  # 财政部有关负责人: a ministry named without a country is China's
    spokesman = SPOKESMAN.search(cleaned)
    if spokesman is not None and spokesman.start() >= 2 and side_of_words(cleaned) is None:
        body = _body(cleaned[:spokesman.start()])  # 国防部新闻发言人: the body's spokesman speaks for it
        return Speaker(cleaned, body.side, "body") if body is not None and body.side else None
    if not headed and not (anonymous and anonymous.end == len(cleaned)):
        party = SIDE_OF_PARTY.fullmatch(cleaned)
        return Speaker(party.group(1), "other", "other") if party and len(cleaned) <= 10 else None
    side = side_of_words(cleaned)
    party = SIDE_OF_PARTY.fullmatch(cleaned)
    if side is None and party is not None and len(cleaned) <= 10:
        return Speaker(party.group(1), "other", "other")  # 哈马斯方面
    lead = words.polity.starts(cleaned)
    if side is None and lead is not None and len(lead.word) == 1 and len(cleaned) <= ABBREVIATED_BODY_CHARS \
            and words.government.ends(cleaned[1:]):
        side = words.polities[lead.word]  # 俄联邦安全局: a country's one-character name before its body (not 加快…格局)
    if side is None and LOCAL_AUTHORITY.fullmatch(cleaned):
        return Speaker(cleaned, None, "body")  # 当地警方, 当地应急部门: a local authority, on the side the story gives
    if side is None and PRC_BODY.search(cleaned) and cleaned.startswith(words.international):
        side = "other"  # 世界粮食计划署, 国际能源署: an international organisation
    if side is None and PRC_BODY.search(cleaned) and len(cleaned) <= MAX_BODY_CHARS and not cleaned.isascii() \
            and not MODAL_START.match(cleaned) and not SITUATION.search(cleaned):
        side = "prc_gov"  # 公安部, 国家航天局: a ministry or bureau named without a country is China's in Chinese news
    participants = PARTICIPANTS.match(cleaned) if side is None else None
    if participants is not None and len(cleaned) > participants.end():
        return Speaker(cleaned, "other_gov" if words.government.ends(cleaned) else "other", "other")  # 与会阿方领导人
    if side is None:
        return Speaker(cleaned, "anonymous", "anonymous") if anonymous else None
    kind = {"media": "media", "analyst": "analyst", "other": "other"}.get(side, "body")
    full = words.polity_abbreviations.get(cleaned[:1]) if words.government.starts(cleaned[1:]) else None
    return Speaker(full + cleaned[1:] if full else cleaned, side,  # 俄国防部 is 俄罗斯国防部: one spelling per body
                   "anonymous" if anonymous and kind == "body" else kind)

"""Subjects that name their speaker through another word: one person on behalf of another (穆罕默德代表…萨勒曼),
a unit under another (哈马斯下属武装派别卡桑旅), two joined (米歇尔和冯德莱恩) or listed (拉马福萨、卢拉、普京、莫迪),
those at a meeting (与会阿方领导人), a body named after what it is (评级机构穆迪公司, 民兵武装"伊斯兰抵抗组织")
and people named by their role in the plural (代表们), or by a demonstrative (该机构). `named` is speakers.py's naming
of a plain phrase."""
from __future__ import annotations

import re
from typing import Callable

from ..text.normalize import fold
from .speaker import PLURAL, Speaker, bare_name, joint
from .speaker_words import clean, is_common_word, side_of_words, speaker_words
from .unknown_names import MAX_NAME_CHARS, NOT_NAME_CHARACTERS

Named = Callable[[str, str], "Speaker | None"]

ON_BEHALF = re.compile(r"代表(?![们們团團处處])(?=\S)")  # 穆罕默德代表沙特国王萨勒曼: the first speaks for the second
SUBORDINATE = re.compile(r"下属(?:的)?(?:武装派别|武裝派別)?")  # X下属武装派别Y: Y, a unit under X
PAIR = re.compile(r"([^和与與、，,]{2,24}?)和([^和与與、，,]{2,24})")  # 米歇尔和冯德莱恩 (与 is "with": 王毅与布林肯会晤)
PARTICIPANTS = re.compile(r"(?:其他|其余|其餘)?(?:与会|與會|参会|參會)")  # 其他与会海方领导人: those at the meeting
LISTED_NAME_CHARS = 6  # a listed name, transliterations included (拉马福萨, 迪亚斯-卡内尔 is longer: not listed)
LIST_BREAK = re.compile(r"、|(?<=.)和(?=[^、]+$)")  # 甲、乙和丙
ENGLISH_AND = re.compile(r"\s+and\s+")
THE = re.compile(r"^the\s+", re.I)
REGION_HEAD = re.compile(r"[\u4e00-\u9fff]{1,10}?(州|省|市)\1[长長]")  # 纽约州州长: a region's head, unnamed
# 埃及、沙特、土耳其等国; 波兰、匈牙利、斯洛伐克 (countries alone need no 等)
LISTED_POLITIES = re.compile(r"(?P<list>[^，,]+、[^，,]+?)(?P<more>等(?:国家|國家|国|國|成员国|成員國|成员|成員|方)?)?")
FOREIGN = frozenset({"other_gov", "other"})  # the sides of countries and bodies neither China's nor the US's
SOME_COUNTRIES = re.compile(r"(?:许多|許多|多个|多個|一些|不少|很多|部分)(?:国家|國家)"  # 许多国家呼吁…
                            r"|(?:多国|多國|各国|各國)(?:领导人|領導人|政要|官员|官員|外长|外長)")  # 多国领导人谴责…
MANY = re.compile(r"各国|各國|各界|多国|多國|众多|眾多|广大|廣大")  # 各国驻华使节…: a group named by its role
DEMONSTRATIVE = re.compile(r"(?:该|該)家?(?:机构|機構|组织|組織|公司|部门|部門|机关|機關|研究所|智库|智庫|集团|集團|企业|企業|"
                           r"银行|銀行|协会|協會|基金会|基金會|媒体|媒體|网站|網站|报|報|杂志|雜誌|委员会|委員會|中心)")
QUOTED_NAME = re.compile(r'(?P<what>[^"]{2,})"(?P<name>[^"]{2,16})"')  # 伊拉克民兵武装"伊斯兰抵抗组织" (quotes folded)
# what an organisation is, said before its own name: 国际评级机构|穆迪公司, 英国市场调查企业|凯度公司, 美国智库|布鲁金斯学会
KIND_BEFORE_NAME = re.compile(r"(?:机构|機構|企业|企業|公司|智库|智庫|组织|組織|集团|集團)(?=[^的]{2})"
                              r"(?!有限|股份|控股|总公司|總公司|分公司)")  # 集团有限公司: one name
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
NAMED_AFTER_KIND = frozenset({"other", "media", "analyst"})  # bodies that go by a proper name after their kind
MIN_APPOSITIVE_NAME_CHARS = 4  # a name and its kind word (穆迪公司)
GATHERED = re.compile(PARTICIPANTS.pattern + r"[^，,的]{0,8}?(?:领导人|領導人|代表|嘉宾|嘉賓|人士|专家|專家|学者|學者|同志|"
                      r"官员|官員|成员|成員|人员|人員)们?")


def on_behalf(cleaned: str, named: Named) -> Speaker | None:
    """王储穆罕默德代表国王萨勒曼欢迎…, 他代表…: the first speaks; not 人大代表王某 (a body before 代表)."""
    behalf = ON_BEHALF.search(cleaned, 1)
    if behalf is None:
        return None
    speaking = named(cleaned[:behalf.start()], "") or bare_name(cleaned[:behalf.start()])
    if speaking is not None and (speaking.kind == "person" and speaking.name or speaking.kind == "pronoun"):
        return speaking
    return None


def pair(cleaned: str, named: Named) -> Speaker | None:
    """Two people or two groups joined (米歇尔和冯德莱恩, 卡桑旅和圣城旅): one speaker, named by their names, on their
    side when they share one; the two sides of a meeting (a US and a PRC person) are the joint speaker."""
    match = PAIR.fullmatch(cleaned)
    if match is None:
        return None
    people = [named(part, "") for part in match.group(1, 2)]
    if any(p is None or not p.name for p in people) or {p.kind for p in people} not in ({"person"}, {"other"}, {"body"}):
        return None  # 捷克和波兰 too; not 蔡英文和民进党当局
    sides = {p.side for p in people}
    if sides == {"us_gov", "prc_gov"}:
        return joint()
    return Speaker(f"{people[0].name}和{people[1].name}", sides.pop() if len(sides) == 1 else None, people[0].kind)


def listed(cleaned: str, named: Named) -> Speaker | None:
    """People listed with 、 and nothing else (拉马福萨、卢拉、普京、莫迪高度评价…): one speaker, named as written, on
    their side when they share one."""
    parts = [part for part in LIST_BREAK.split(cleaned) if part]
    if len(parts) < 2 or "、" not in cleaned:
        return None
    if any(len(part) > LISTED_NAME_CHARS for part in parts):
        return None  # 拜登还就…基地、其贸易政策…向习近平提出: clauses, not names
    people = [named(part, "") or bare_name(part) for part in parts]
    if any(p is None or p.kind != "person" or not p.name for p in people):
        return None
    sides = {p.side for p in people} - {None}
    return Speaker("、".join(parts), sides.pop() if len(sides) == 1 else None, "person")


def subordinate(cleaned: str, named: Named) -> Speaker | None:
    """哈马斯下属武装派别卡桑旅: the unit speaks, named by its own name."""
    under = SUBORDINATE.search(cleaned)
    if under is None or under.start() < 2 or len(cleaned) - under.end() < 2:
        return None
    unit = named(cleaned[under.end():], "")
    return unit if unit is not None and unit.kind in ("body", "other") else None


def gathered(phrase: str, cleaned: str) -> Speaker | None:
    """Those at the meeting (与会阿方领导人积极呼应习近平…): the group, not the 习近平 of the object; a party
    meeting's (与会同志们) on the PRC's side."""
    match = GATHERED.match(cleaned)
    if match is None:
        return None
    words = speaker_words()
    name = match.group(0) + (PLURAL if match.end() == len(cleaned) and phrase.strip().endswith(PLURAL)
                             and not match.group(0).endswith(PLURAL) else "")
    side = _party_side(name) or side_of_words(name) or (
        "other_gov" if words.government.ends(name.removesuffix(PLURAL)) else "other")
    return Speaker(name, side, "other")


def role_group(phrase: str, cleaned: str) -> Speaker | None:
    """People named by their role in the plural (代表们, 专家们, 与会者们, 各国驻华使节): the group speaks, as written."""
    words = speaker_words()
    stem = phrase.strip().removesuffix(PLURAL)
    if (stem == phrase.strip() and not MANY.match(cleaned)) or cleaned != clean(stem) or not cleaned:
        return None  # neither 代表们 nor 各国驻华使节和机构代表
    role = PARTICIPANTS.sub("", cleaned, count=1) if PARTICIPANTS.match(cleaned) else cleaned  # 与会代表们
    if not (words.roles.ends(role) or words.others.ends(cleaned) or words.analyst.ends(cleaned)):  # 研讨班学员们
        return None
    name = cleaned + PLURAL if stem != phrase.strip() else cleaned
    return Speaker(name, _party_side(cleaned) or side_of_words(cleaned) or "other", "other")


def _party_side(name: str) -> str | None:
    """The PRC's side for people named by a unit only the PRC has and no polity (与会同志们, 研讨班学员们 of 政治局)."""
    words = speaker_words()
    return "prc_gov" if words.prc_units.search(name) is not None and words.polity.search(name) is None else None


def demonstrative(cleaned: str) -> Speaker | None:
    """该机构, 该公司: the body the story quoted just before (context.py), not a name of its own."""
    return Speaker(None, None, "demonstrative", cleaned) if DEMONSTRATIVE.fullmatch(cleaned) else None


def polities_with_us(original: str) -> bool:
    """"The United States and Solomon Islands agreed": the US and the country it met, both sides of the meeting."""
    parts = ENGLISH_AND.split(original.strip())
    if len(parts) != 2:
        return False
    sides = [speaker_words().polities.get(fold(THE.sub("", part).strip())) for part in parts]  # English names too
    return None not in sides and "us_gov" in sides and len(set(sides)) == 2


def region_head(cleaned: str) -> Speaker | None:
    """纽约州州长, 阿穆尔州州长: a region's head the text does not name speaks as written."""
    region = REGION_HEAD.fullmatch(cleaned)
    if region is None:
        return None  # a 州 is another country's (China's are 自治州, their heads named)
    return Speaker(cleaned, side_of_words(cleaned) or ("other_gov" if region.group(1) == "州" else None), "person")


def some_countries(cleaned: str, named: Named) -> Speaker | None:
    """许多国家呼吁…: countries unnamed, speaking as one group; 埃及、沙特、土耳其等国 (阿拉伯国家联盟 among them): named,
    one group, on the side they share (foreign governments when all are; none when China or the US is among them)."""
    if SOME_COUNTRIES.fullmatch(cleaned):
        return Speaker(cleaned, "other_gov", "other")
    listed = LISTED_POLITIES.fullmatch(cleaned)
    if listed is None:
        return None
    parts = [part for part in LIST_BREAK.split(listed.group("list")) if part]
    if not listed.group("more") and not all(part in speaker_words().polities for part in parts):
        return None  # 外交部、商务部 without 等: not this rule's
    members = [named(part, "") for part in parts]
    if any(m is None or m.kind != "body" or m.side in (None, "media", "analyst", "anonymous") for m in members):
        return None
    sides = {m.side for m in members}
    side = sides.pop() if len(sides) == 1 else "other_gov" if sides <= FOREIGN else None  # 中国、俄罗斯等国: no one side
    return Speaker(cleaned, side, "body")


def appositive(cleaned: str, body: Callable[[str], "Speaker | None"]) -> Speaker | None:
    """A body named after what it is: the name in quotes (伊拉克民兵武装"伊斯兰抵抗组织"), or the name after the
    word for its kind (国际评级机构穆迪公司 is 穆迪公司), with the side the whole phrase gives."""
    quoted = QUOTED_NAME.fullmatch(cleaned) if cleaned.endswith('"') else None
    if quoted is not None:
        what = body(quoted.group("what"))
        return Speaker(quoted.group("name"), what.side, what.kind) if what is not None \
            and what.kind in NAMED_AFTER_KIND else None  # not 美国"华盛顿邮报": a polity, then an outlet's title
    kinds = list(KIND_BEFORE_NAME.finditer(cleaned))
    if not kinds:
        return None
    name = cleaned[kinds[-1].end():]
    if "、" not in cleaned and HAN_ONLY.fullmatch(name) and 2 <= len(name) <= MAX_NAME_CHARS and not is_common_word(name) \
            and not any(ch in NOT_NAME_CHARACTERS for ch in name) and not _group_or_role(name):
        what = body(cleaned[:kinds[-1].end()])  # 美国住宅贷款抵押公司房地美: the company, by its bare name
        return Speaker(name, what.side, what.kind) if what is not None and what.kind in NAMED_AFTER_KIND else None
    if len(name) < MIN_APPOSITIVE_NAME_CHARS or "、" in cleaned or not HAN_ONLY.fullmatch(name):
        return None  # 中国石油天然气集团公司: 公司 alone names nothing; 甲公司、乙公司: two bodies
    whole, own = body(cleaned), body(name)
    if whole is None or own is None or whole.kind not in NAMED_AFTER_KIND or own.kind != whole.kind:
        return None
    return Speaker(name, whole.side, whole.kind)


def _group_or_role(word: str) -> bool:
    """A word for people (员工, 代表) or a title, not a company's name."""
    words = speaker_words()
    return word in words.groups or words.titles.search(word) is not None or words.roles.search(word) is not None \
        or words.others.search(word) is not None

"""Whom a frame credits: the outlet or body of a 据/根据 chain or of 记者从…了解到, the document a subject issued
right before its verb (哈亚发表声明称), the body named with a document that speaks (白宫声明)."""
from __future__ import annotations

import re

from .reading import Reading
from .speaker_words import clean, side_of_words
from .speakers import Speaker, name_phrase
from .subject_patterns import SUBJECT_END

EVIDENTIAL = re.compile(r"(?:(?<![数數证證依占佔票收盘盤凭憑单單字])(?:据|據)|根据|根據|according to)\s*(?P<who>(?:[^，,。；“”\"]|\"[^\"，,。]{1,16}\"){1,24}?)\s*"
                        r"(?:的?(?:一项|一項|一份)?(?:报道|報導|報道|报导|消息|说法|說法|纪要|紀要|通报|通報|声明|聲明|统计数据|統計數據|"
                        r"数据|數據|统计|統計|研究|调查|調查|测算|測算)|称|稱|(?=[，,]))")  # 据也门胡塞武装称, 根据…的一项研究
# whoever issued what a 据/根据 chain cites: 中国外交部|发布的会谈纪要, 美国国务院|释出的新闻稿, 中国外交部|的会谈纪要
ISSUER = re.compile(r"(?P<issuer>[^，,。]{2,16}?)(?:(?:在[^，,。的]{1,8})?(?:发布|發布|公布|公佈|释出|釋出|发表|發表)的|的)")
ISSUED_DOCUMENT = re.compile(r"(?:发布|發布|公布|公佈|发表|發表|发出|發出)(?:了|的)?(?:一份|一项|一項)?(?P<document>数据|數據|声明|聲明|"
                             r"报告|報告|通知|公报|公報|文章|谈话|談話)(?:中|里|裡)?[，,]?\s*(?:并|並)?$")
CHAIN_VERB = re.compile(r"报道|報導|報道|报导|发布|發布|公布|公佈|通报|通報")
ISSUED_WINDOW = 12  # characters before the verb where the issued document stands
ISSUING_END = re.compile(r"(?:发布|發布|公布|公佈|发表|發表|释出|釋出|发出|發出)$")
DATA_WORDS = frozenset({"数据", "數據"})
ISSUED_BY = re.compile(r"(?:发布|發布|公布|公佈|发表|發表|签署|簽署|作出|做出)的?")
DEMONSTRATIVE = re.compile(r"^(?:该|該|这|這|此|那)(?:份|篇|项|項|封|则|則|个|個)?")
GROUND_WORDS = "指示|要求|部署|精神|规定|規定|协议|協議|协定|協定|法律|条例|條例|安排|决定|決定|原则|原則|共识|共識"
GROUNDS = re.compile(f"(?:{GROUND_WORDS})$")
GROUNDS_FIRST = re.compile(f"[^，,。的]{{1,10}}?(?:{GROUND_WORDS})")  # 根据双方共识达成的合同…: the grounds named first
LEARNED_VERBS = ("了解到", "获悉", "獲悉", "得知")
LEARNED_FROM = re.compile(rf"记者[^，,。]{{0,10}}?从(?P<who>[^，,。]{{2,20}}?)(?:{'|'.join(LEARNED_VERBS)})")
IN_DOCUMENT = re.compile(r'在\s*(?P<doc>"[^"，,。]{1,30}"|贺信|賀信|贺电|賀電|回信|复信|復信|来信|來信|贺词|賀詞|署名文章|文章|声明|'
                         r'聲明|白皮书|白皮書)[^，,。"]{0,6}?(?:中|里|裡)\s*$')  # 在贺信中, 在《…》这篇文章里 (《》 folded to ")
IN_DOCUMENT_WINDOW = 48  # characters before the verb where 在…中 stands
SOURCE_HINT = re.compile(r"据|據|according to|从|從")  # the cheap test before the chain patterns
# the event where a reporter learned it, after whoever held it: 国务院新闻办公室|举行的发布会上
HELD_EVENT = re.compile(r"(?:今天|昨天|当天|當天)?(?:举行|舉行|召开|召開|举办|舉辦)的[^，,。]{0,8}?(?:会|會)上?$")
INFORMANT = re.compile(r"[\u4e00-\u9fff]{2,12}")  # a body's name no rule knows (中国海油, 长江海事和航道部门)
NO_BODY = re.compile(r"[他她它我你您]|那里|这里|那裡|這裡|多方|各方|有关方面|有關方面")  # people or places, no body
QUOTING_VERB = re.compile(r"援引|引述|引用")  # 路透社援引…, 该报导引述…: who quotes, then whom
REPORTED = re.compile(r"(?:报道|報導|報道|报导|消息|研究|声明|聲明|通报|通報|纪要|紀要)$")  # a chain that names a report
OFFICE_END = re.compile(r"(?:部|委|局|署|办公室|辦公室|部门|部門|总站|總站|省|市|县|縣)$")  # a Chinese office or region


def frame_source(reading: Reading, start: int) -> Speaker | None:
    """The outlet or body a 据/根据 chain or a 记者从…了解到 credits."""
    if not SOURCE_HINT.search(reading.outside):
        return None
    for pattern in (EVIDENTIAL, LEARNED_FROM):
        match = pattern.search(reading.outside, start)
        if match:
            who = ISSUING_END.sub("", match.group("who").strip())  # 据巴勒斯坦卫生部门9日发布的消息
            if pattern is EVIDENTIAL and (GROUNDS.search(who) or GROUNDS_FIRST.match(who)):
                continue  # 根据习近平总书记重要指示, 根据中卡两国协议, 根据双方共识达成的合同…: what an act rests on
            written = reading.text[match.start("who"):match.start("who") + len(who)]
            named = informant(who, written) if pattern is LEARNED_FROM else name_phrase(who, written)
            if (named is None or not named.name) and ISSUER.match(who):  # 根据中国外交部发布的会谈纪要
                issuer = ISSUER.match(who).group("issuer")
                named = name_phrase(issuer[:_subject_end(issuer)].strip())
            if (named is None or not named.name) and pattern is EVIDENTIAL and REPORTED.search(match.group(0)):
                who = QUOTING_VERB.split(who, 1)[0]  # 据路透社援引消息人士的话报道: the outlet that quotes
                named = informant(ISSUER.match(who).group("issuer") if ISSUER.match(who) else who)
            if named is not None and named.name:  # 据中国地震台网公布的消息: whoever a report is credited to
                return named
    return None


def informant(who: str, written: str = "", sentence: str = "") -> Speaker | None:
    """Whom a reporter learned it from (记者从公安部获悉, 记者从国务院新闻办公室举行的发布会上了解到): the body named;
    when no rule names it, the phrase itself, a body whose side its words or a Chinese office's ending give."""
    held = HELD_EVENT.search(who)
    if held is not None and held.start() >= 2:
        who, written = who[:held.start()], written[:held.start()]
    named = name_phrase(who, written, sentence)
    if named is not None:
        return named
    cleaned = clean(who)
    if INFORMANT.fullmatch(cleaned) is None or NO_BODY.search(cleaned):
        return None
    return Speaker(cleaned, side_of_words(cleaned) or ("prc_gov" if OFFICE_END.search(cleaned) else "other"), "body")


def chain_verb(outside: str, start: int) -> str | None:
    """The reporting verb a 据/根据 chain writes (据…报道, 据…发布的消息), if any."""
    chain = EVIDENTIAL.search(outside, start)
    verb = CHAIN_VERB.search(chain.group(0)) if chain is not None else None
    return verb.group(0) if verb is not None else None


def _subject_end(phrase: str) -> int:
    """Where a subject phrase ends (白宫|在会后公布的…)."""
    end = SUBJECT_END.search(phrase)
    return end.start() if end else len(phrase)


def written_in(reading: Reading, start: int, verb) -> str | None:
    """The written piece the words stand in (费尔南德斯在贺信中表示, 他在《弱鸟如何先飞》这篇文章里写道): the source; a
    speech (在讲话中指出) is the speaker's own act, no source."""
    found = IN_DOCUMENT.search(reading.outside, max(start, verb.start - IN_DOCUMENT_WINDOW), verb.start)
    return reading.text[found.start("doc"):found.end("doc")] if found is not None else None


def issued_document(outside: str, start: int, verb, speaker: Speaker) -> str | None:
    """A verb whose subject issued a document right before it (哈亚发表声明称, 欧盟委员会发布的报告称): the
    document is the source; data are credited to whoever published them (国家统计局发布数据显示)."""
    end = verb.end if ISSUED_DOCUMENT.search(verb.word) else verb.start  # the verb may be the issuing (发表声明)
    issued = ISSUED_DOCUMENT.search(outside, max(start, verb.start - ISSUED_WINDOW), end)
    if issued is None:
        return None
    return speaker.name if issued.group("document") in DATA_WORDS else issued.group("document")


def document_source(speaker: Speaker) -> str | None:
    """What a document that speaks is credited to: the body named with it (白宫声明 → 白宫), else the document as
    the sentence names it (欧盟委员会发布的报告 → 报告, 该决议 → 决议, 第二十二号主席令)."""
    if speaker.kind != "document" or not speaker.affiliation:
        return None
    phrase = speaker.affiliation
    issued = ISSUED_BY.search(phrase)
    if issued is not None:
        return phrase[issued.end():].strip() or None
    return speaker.name or DEMONSTRATIVE.sub("", phrase) or None

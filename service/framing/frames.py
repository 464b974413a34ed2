"""The reporting frame of one sentence: who is said to say it (the subject of a reporting verb), with which verb,
to whom, and credited to which source.

Chinese puts the speaker first and the listener after a preposition (习近平对布林肯说, 王毅與布林肯見面稱,
拜登向习近平强调), so the speaker is the subject at the start of the verb's clause, not the name nearest the
verb; a clause without a subject (…，表示，…; …,并威胁称) borrows the subject of the clause before. 据/根据…报道
and 援引 chains credit a source; the person whose words are given is still the speaker (据路透社消息，王毅…称), and
an outlet or document that only relays someone's words (新华社报道称，两国元首同意…) gives way to that someone.
English frames: "X said", "said X", "X told Y", "according to X". Subjects are found by subjects.py and named
by speakers.py.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text.normalize import fold
from .frame_sources import (EVIDENTIAL, QUOTING_VERB, SOURCE_HINT, chain_verb, document_source, frame_source, issued_document,
                            written_in)
from .issuers import issuing_body
from .lexicon import lexicon
from .reading import Reading, read
from .speakers import Speaker, name_phrase, side_of_words, speaker_words
from .listeners import addressee
from .verbs import framing_verbs
from .subject_patterns import LATIN
from .subjects import (BREAK, CLAUSE_END, FRAME_CACHE_SIZE, byline_end, clauses, leading_subject, only_fillers,
                       subject_of)

RELAY_VERBS = frozenset({"报道", "報道", "報導", "报导", "称", "稱", "说", "說", "表示", "写道", "寫道", "透露", "显示",
                         "顯示", "said", "says", "reported", "according to", "wrote", "报道称", "報道稱"})
QUOTING = re.compile(r"(?:援引|引述|引用)(?P<who>[^，,。“”\"]{2,16}?)(?:的)?(?:说法|說法|分析|观点|觀點|表示|话|話)")
WORD_CHARACTER = re.compile(r"[^\s\W_]")
COLON = re.compile(r"[：:]")
OPENING = re.compile(r"\s*[，,：:]")  # 指出，…: the words that follow are the speech
ACTS = frozenset({"宣布", "宣佈", "announced", "欢迎", "歡迎", "welcomed", "感谢", "感謝", "祝贺", "祝賀", "通报", "通報"})
POSSIBLE_FRAME = re.compile(r"据|據|according to|^[^，,。]{1,14}[：:]")
SUMMARY_OBJECTS = frozenset("要把在")  # 强调要…, 强调把…作为…, 强调在…: the content as the verb's object
# 表示在两国元首战略引领下，…: 在 opens the setting of a clause, the speech that follows, not an object
SETTING = re.compile(r"在[^，,。]{1,30}?(?:下|中|上|时|時|后|後|期间|期間|之际|之際)[，,]")
POINTS = re.compile(r"\s*了?(?:[一二三四五六七八九十两兩几幾]+|\d+)(?:点|點|项|項|条|條)(?:建议|建議|主张|主張|看法|意见|意見|倡议|倡議)")
HELD_TALK = re.compile(r"(?:展开|展開|进行|進行|开展|開展|会议|會議)了?(?:交流)?$"  # a talk held, its topics told
                       r"|(?:通话|通話|通电话|通電話|会谈|會談|会晤|會晤|会议|會議)[，,]\s*$")  # X与Y通话，讨论…
DECREE_SIGNED = re.compile(r"(?:签署|簽署|颁布|頒布)了?[^，,。]{0,6}?令[，,]\s*$")  # 李强签署国务院令，公布《…条例》;
# 塞西颁布总统令，同意埃及加入…: what a decree does, an act
PROMULGATING = frozenset({"公布", "公佈", "发布", "發布"})
DECREE_ACTS = PROMULGATING | {"同意", "批准"}  # what a decree does (公布《条例》, 同意…加入): not its signer's words
STANCE_WINDOW = 24  # characters after a light verb where its stance word may stand (提出对…的担忧)


class Frame(NamedTuple):
    speaker: Speaker | None  # None: the sentence frames no one's words
    verb: str | None = None  # as written
    verb_class: str | None = None
    listener: str | None = None
    source: str | None = None  # the outlet or document credited (据…报道, X报道称)
    subjectless: bool = False  # the verb opens the sentence: its subject is the previous sentence's speaker
    label: bool = False  # a headline's "王毅：…"
    topic_only: bool = False  # "the two leaders discussed …": a frame that reports no position
    content: bool = True  # words follow the verb (not "…罗伯特·戴利强调。" after a quote)
    opens: bool = True  # what follows is speech that may run on (指出，…); not an act (宣布大会开幕)
    marked: bool = False  # a comma or colon right after the verb opens its content (表示，…; not 高度评价…)


NO_FRAME = Frame(None)


@lru_cache(maxsize=FRAME_CACHE_SIZE)
def parse_frame(text: str, quoted_bits: bytes) -> Frame:
    """The sentence's frame (or NO_FRAME); `quoted_bits` as for reading.read."""
    reading = read(text, quoted_bits)
    if not any(outside for _, outside in reading.hits.get("verb", ())) and not POSSIBLE_FRAME.search(reading.outside):
        return NO_FRAME  # most sentences: no reporting verb, no 据 chain, no "王毅：" label
    start = byline_end(reading.outside)
    source = frame_source(reading, start)
    found = list(_frames(reading, start))
    frames = [frame for frame in found if frame.speaker is not None]
    if not frames and any(frame.topic_only for frame in found):
        return TOPIC_ONLY
    if frames:
        frame = _relayed(frames)
        relay = frame.speaker != frames[0].speaker
        credited = frames[0].speaker.name if relay else source.name if source else None
        return Frame(frame.speaker, frame.verb, frame.verb_class, frame.listener,
                     frame.source or credited or document_source(frame.speaker), frame.subjectless,
                     content=frame.content, opens=frame.opens and (relay or source is None))
    label = _label(reading, start)
    if label is not None:
        return label
    if source is not None and source.name:  # 据以色列媒体报道，…: the outlet speaks in its own voice
        verb = chain_verb(reading.outside, start)  # 根据以方消息, 根据…的调查: no verb is written
        return Frame(source, verb, "neutral" if verb else None, source=source.name)
    return NO_FRAME


def _verbs(reading: Reading, start: int) -> list:
    """Reporting verbs outside quotes that frame a clause (verbs.py), outside 据 chains."""
    chains = [m.span() for m in EVIDENTIAL.finditer(reading.outside, start)] if SOURCE_HINT.search(reading.outside) \
        else []
    return framing_verbs(reading, start, chains)


def _frames(reading: Reading, start: int):
    """A frame for each reporting verb: its subject (the clause's, or an earlier clause's), class and listener."""
    lex, words = lexicon(), speaker_words()
    own_subject = None  # the last named subject: a later subject-less verb shares it
    for match in _verbs(reading, start):
        if own_subject is not None and own_subject.kind not in RELAYING and not LATIN.match(match.word) \
                and not only_fillers(_own_clause(reading.outside, start, match.start)):
            break  # 习近平指出，中方…表示…: the later verbs are inside the words reported
        speaker, listener, shared = subject_of(reading, start, match)
        if speaker is not None and speaker.kind == "document" and not speaker.name \
                and words.issuing.starts(speaker.affiliation or "") is not None:
            speaker = _issuing_subject(reading) or speaker  # …印发了《意见》，并发出通知，要求…: who issued it
        quoting = _quoted_speaker(reading, start, match)
        source = None
        if quoting is not None:  # 该报导引述学者说法称, 日本媒体援引业内人士分析指出
            quoter = speaker.name if speaker is not None and speaker.name else ""
            if QUOTING_VERB.fullmatch(quoter[-2:]):
                quoter = quoter[:-2]  # 路透社援引…: the outlet, not its quoting verb
            source, speaker = quoter or None, quoting
        if speaker is None and own_subject is not None and (
                shared or only_fillers(_own_clause(reading.outside, start, match.start))):
            speaker = own_subject  # 赛塔热烈祝贺…，表示…: a verb that opens its clause shares the subject before
        if listener is None and fold(match.word) in words.addressee_verbs:
            listener = addressee(reading, match)
        if source is None and speaker is not None:
            source = issued_document(reading.outside, start, match, speaker) or written_in(reading, start, match)
        if match.word in DECREE_ACTS and DECREE_SIGNED.search(reading.outside, start, match.start):
            continue  # a decree signed and promulgated (…自2025年3月1日起施行), or what it grants: an act, no one's report
            # (签署行政令，宣布…: an announcement, reported)
        verb_class = _verb_class(reading.outside, match)
        if match.word in words.topic_verbs and verb_class == "neutral" and (
                speaker is not None and speaker.kind in TALKING_KINDS or HELD_TALK.search(reading.outside, 0, match.start)):
            yield TOPIC_ONLY  # "the two leaders discussed …", 召开紧急会议讨论…, 围绕…展开讨论: topics, no position
            continue
        if match.word in lex.stance_only and verb_class == "neutral" and not _opens_colon(reading.outside, match.end) \
                and not (match.word in CONTENT_AFTER_COMMA and OPENING.match(reading.outside, match.end)) \
                and not POINTS.match(reading.outside, match.end):  # 提出几点建议。政治上，要…: a list of points follows
            continue  # 提出, raised without a stance word or a colon after it: an act, not a report
        if speaker is not None:
            own_subject = speaker
        subjectless = speaker is None and shared and not reading.outside[start:match.start].strip(" ，,并並还還也又")
        content = WORD_CHARACTER.search(reading.outside, match.end) is not None
        directive = match.word in DIRECTIVES and OPENING.match(reading.outside, match.end) is None  # 要求领导干部…
        opens = subjectless or content and not directive and (OPENING.match(reading.outside, match.end) is not None
                                            or match.word not in ACTS and LATIN.match(match.word) is None
                                            and (verb_class == "belief"  # 相信…: a clause, not a summary
                                                 or not _summary(reading.outside, match.end, start))  # 同意… go on
                                            or match.word in ACTS and _clause_verb_after(reading, match.end))
        if subjectless and match.word in REPORTS:
            speaker, subjectless = _REPORT, False  # 报道说，…: the report the story cited last, not its last speaker
        elif subjectless and match.word in ANALYSES and not reading.outside[start:match.start].strip():
            speaker, subjectless = _ANALYSTS, False  # 分析指出，…: the analysts the outlet consulted
        yield Frame(speaker if speaker is not None else (_PREVIOUS if subjectless else None),
                    reading.text[match.start:match.end], verb_class, listener, source=source, subjectless=subjectless,
                    content=content, opens=opens, marked=reading.outside[match.end:match.end + 1] in "，,：:"
                    or LATIN.match(match.word) is not None and THAT.match(reading.outside, match.end) is not None)


CONTENT_AFTER_COMMA = frozenset({"发布", "發布", "公布", "公佈", "提出"})  # …最新发布，目前…; 《意见》提出，…: what follows is their content
DIRECTIVES = frozenset("要求 敦促 呼吁 呼籲 嘱托 囑託 叮嘱 叮囑 嘱咐 囑咐 劝告 勸告".split())  # with no comma: an instruction
THAT = re.compile(r"\s*(?:,|:|that\b)")  # an English verb of saying opens its clause
SAYING = frozenset({"neutral", "emphatic"})  # classes of the verbs that introduce what is said (表示, 指出, 强调;
# 中方表示: a country speaking for itself)
_PREVIOUS = Speaker(None, None, "previous")  # the subject is the previous sentence's speaker
_REPORT = Speaker(None, None, "document", "报道")  # a report the sentence names only by its verb (报道说)
_ANALYSTS = Speaker("分析人士", "analyst", "analyst")
ANALYSES = frozenset({"分析"})
REPORTS = frozenset({"报道", "報道", "報導", "报导"})
TALKING_KINDS = frozenset({"joint", "plural", "meeting", "other"})  # speakers whose discussion reports only topics
RELAYING = frozenset({"media", "document"})  # kinds of speaker whose verb may relay someone else's words
TOPIC_ONLY = Frame(None, topic_only=True)


def _issuing_subject(reading: Reading) -> Speaker | None:
    """The body or person the sentence opens with, who issues the document its later clause names."""
    subject = leading_subject(reading.text, reading.quoted_bits)
    if subject is not None and subject.resolved and subject.kind in ("body", "person"):
        return subject
    issuing = speaker_words().issuing.search(reading.outside)
    return issuing_body(reading.outside[:issuing.start]) if issuing is not None else None  # 中共中央办公厅…印发了


def _clause_verb_after(reading: Reading, at: int) -> bool:
    """A later clause that opens with a reporting verb (武文赏祝贺…，相信…): after the act, speech that runs on."""
    return any(m.start > at and reading.outside[m.start - 1] in "，," for m, outside in reading.hits.get("verb", ())
               if outside)


def _summary(outside: str, at: int, start: int) -> bool:
    """…高度重视…，强调要激发…: a verb after an earlier clause of the same subject that takes its content as an
    object, no comma: a summary of what someone holds, not the start of speech that runs on."""
    return outside[at:at + 1] in SUMMARY_OBJECTS and BREAK.search(outside, start, at) is not None \
        and SETTING.match(outside, at) is None


def _opens_colon(outside: str, at: int) -> bool:
    """The verb's clause ends with a colon: what follows is its content (习近平提出三点建议：)."""
    end = CLAUSE_END.search(outside, at)
    return end is not None and outside[end.start()] in "：:"


def _own_clause(outside: str, start: int, end: int) -> str:
    a, b = clauses(outside, start, end)[-1]
    return outside[a:b]


def _relayed(frames: list[Frame]) -> Frame:
    """The frame that gives the words: an outlet's or a document's relaying verb (报道称, 声明说, said) gives way
    to a frame after it whose speaker is someone else (新华社报道称，两国元首同意…); an outlet's own analysis
    (法新社分析, 认为) does not. Of one speaker's verbs, the first a comma or colon follows (表示，感谢…), else the
    last verb of saying (…介绍了…，指出…; 祝贺…，表示看好…，欢迎…), else the first (高度评价…，相信…); in
    English the first that "that" follows, else the first (recognized progress … and noted the importance of …)."""
    first = frames[0]
    if first.speaker.kind in RELAYING and fold(first.verb or "") in RELAY_VERBS:
        for later in frames[1:]:
            if later.speaker.kind not in RELAYING and later.speaker.kind != "previous" and later.speaker != first.speaker:
                return later
    same = [f for f in frames if f.speaker == first.speaker or f.speaker.kind == "previous"]
    if len(same) == 1:
        return first
    marked = next((f for f in same if f.marked), None)  # 表示，感谢…; 强调，…，相信…: the later verbs are its content
    if LATIN.match(first.verb or ""):
        return marked or first  # recognized progress … and noted the importance …: the first, unless a later says that
    return marked or next((f for f in reversed(same) if f.verb is not None and f.verb_class in SAYING), first)


def _quoted_speaker(reading: Reading, start: int, verb) -> Speaker | None:
    """Whom the verb's clause quotes through 援引/引述 (…引述学者说法称): the speaker, the subject a source."""
    if not QUOTING_VERB.search(reading.outside):
        return None
    clause_start = max((m.end() for m in BREAK.finditer(reading.outside, start, verb.start)), default=start)
    match = QUOTING.search(reading.outside, clause_start, verb.end)
    if match is None:
        return None
    who = match.group("who").strip()
    named = name_phrase(who, reading.text[match.start("who"):match.end("who")], reading.text)
    if named is not None and named.kind == "title" and side_of_words(who) == "analyst":
        return Speaker(who, "analyst", "analyst")  # 引述学者说法称: scholars, a group, not one titled person
    return named if named is not None and named.resolved else None


def _verb_class(outside: str, verb) -> str:
    """The verb's class; a light verb (表示, 提出, raised) takes the class of a stance word after it in its clause."""
    lex = lexicon()
    if verb.word not in lex.light_verbs:
        return lex.verbs[verb.word]
    rest = outside[verb.end:verb.end + STANCE_WINDOW]
    clause = CLAUSE_END.search(rest)
    stance = lex.stance_objects.search(rest[:clause.start() if clause else len(rest)])
    return lex.stance_classes[stance.word] if stance else lex.verbs[verb.word]


def _label(reading: Reading, start: int) -> Frame | None:
    """A headline's "王毅：中美关系中的负面因素…": a person or body, a colon, their words."""
    outside = reading.outside
    colon = COLON.search(outside, start, start + 14)
    if colon is None:
        return None
    at = colon.start()
    phrase = outside[start:at].strip()
    if not phrase or not outside[at + 1:].strip(" “”\"") and not reading.quoted:
        return None
    named = name_phrase(phrase, reading.text[start:at].strip(), reading.text)
    if named is None or named.kind not in ("person", "body", "joint"):
        return None
    return Frame(named, label=True)

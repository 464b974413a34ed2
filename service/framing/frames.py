"""The reporting frame of one sentence: who is said to say it (the subject of a reporting verb), with which verb,
to whom, and credited to which source.

Chinese puts the speaker first and the listener after a preposition (习近平对布林肯说, 王毅與布林肯見面稱,
拜登向习近平强调), so the speaker is the subject at the start of the verb's clause, not the name nearest the
verb; a clause without a subject (…，表示，…; …,并威胁称) borrows the subject of the clause before. 据/根据…报道
and 援引 chains credit a source; the person whose words are given is still the speaker (据路透社消息，王毅…称), and
an outlet or document that only relays someone's words (新华社报道称，两国元首同意…) gives way to that someone.
English frames: "X said", "said X", "X told Y", "according to X". Speakers are named by speakers.py.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text.normalize import alias_table, fold
from ..tuning import TEXT_CACHE_ENTRIES
from .lexicon import lexicon
from .reading import Reading, read
from .speakers import JOINT_PREFIX_CHARS, Speaker, bare_name, clean, joint, name_phrase, speaker_words

FRAME_CACHE_SIZE = TEXT_CACHE_ENTRIES
BREAK = re.compile(r"[，,；;：:。！？!?“”「」『』‘’\"]")
BYLINE = re.compile(r"^\s*(?:[（(][^（）()]{2,16}[）)]|[^，,。：:]{0,16}?(?:消息|电|電|讯|訊)\s*(?:[（(][^（）()]*[）)])?\s*[：:]"
                    r"|[^，,。]{0,40}###\s*\S+)")
NEGATION = re.compile(r"(?:未|没有|沒有|没|沒|不|并未|並未|从未|從未|无|無|did not|didn't|does not|never)\s*$")
EVIDENTIAL = re.compile(r"(?:(?<![数數证證依占佔票收盘盤凭憑单單字])(?:据|據)|根据|根據|according to)\s*(?P<who>[^，,。；“”\"]{1,24}?)\s*"
                        r"(?:的?(?:报道|報導|報道|报导|消息|说法|說法|纪要|紀要|通报|通報|声明|聲明|统计数据|統計數據|数据|數據|统计|統計)"
                        r"|(?=[，,]))")
LEARNED_FROM = re.compile(r"记者[^，,。]{0,10}?从(?P<who>[^，,。]{2,20}?)(?:了解到|获悉|獲悉|得知)")
# words that end a subject phrase: prepositions (对/向 start the listener), the verbs of meeting and issuing, and
# adverbs between a subject and its verb (美国官员开始更迫切地提出); 与/和/同/跟 are looked at on their own
SUBJECT_END = re.compile(
    r"(?<=..)(?:还|還|也|则|則|均|亦|又|曾|已|再|更|正|将|將|并|並|(?<![重主需只纲綱])要(?!求)|应该|應該|应当|應當|"
    r"(?<![反响響适適])应(?![对對用邀])|必须|必須|(?<![邀申提聘宴])请(?![求示]))|(?<=.)(?:已经|已經|开始|開始|一再|多次|再次|首先|随后|隨後|"
    r"同时|同時|一直|始终|始終|进一步|進一步|"
    r"(?<![反针相面绝敌应以])对(?![话於于手方象抗比])|對(?![話於手方象抗比])|向(?!来|來)|"
    r"(?<![现現存实實正所自内內])在|(?<![位关關对對由属屬至等基处處终終善])于|給|给|(?<![成])就(?![是])|"
    r"(?<![自])从|從|把|被|当|當|(?<![作认認因成称稱视視以行更])为(?![了何什])|通过|通過|围绕|圍繞|结合|結合|针对|針對|接受|出席|会见|會見|会晤|會晤|举行|舉行|"
    r"访问|訪問|抵达|抵達|主持|签署|簽署|发表|發表|发布|發布|公布|作出|做出|受到|得到|获得|獲得|赢得|贏得)")
COMITATIVE = re.compile(r"(?<=.)(?:(?<![参给赋授])与|與|(?<![共])和(?![平谐諧解])|(?<![共陪认認赞讚相如])同(?![意時时样樣步期])|跟)")
AFTER_LISTENER = re.compile(r"^[^，,]{1,16}?(?:会晤|會晤|会见|會見|会谈|會談|通话|通話|通电话|見面|见面|会面|會面|举行|舉行|"
                            r"这样|這樣|这么|這麼|就|在|对|對|时|時)")
PREDICATE_MATERIAL = re.compile(r"了|过|過|进行|進行|作|做|给予|加以|予以|方面|围绕|圍繞|^\s*(?:对|對|就|从|從|向|在|于)")
RELAY_VERBS = frozenset({"报道", "報道", "報導", "报导", "称", "稱", "说", "說", "表示", "写道", "寫道", "透露", "显示",
                         "顯示", "said", "says", "reported", "according to", "wrote", "报道称", "報道稱"})
QUOTING = re.compile(r"(?:援引|引述|引用)(?P<who>[^，,。“”\"]{2,16}?)(?:的)?(?:说法|說法|分析|观点|觀點|表示|话|話)")
PASSIVE_AGENT = re.compile(r"被(?P<who>[^，,。]{1,12}?)$")
PP_OPEN = re.compile(r"(?:对|對|就|针对|針對|关于|關於|围绕|圍繞)")
LISTENER_WORDS = ("对", "對", "向", "跟", "同", "与", "與", "和", "给", "給")
ENCOUNTER = re.compile(r"会晤|會晤|会见|會見|会谈|會談|通话|通話|通电话|通電話|见面|見面|会面|會面|举行|舉行")
LEARNED_AT = re.compile(r"(?:从|從)(?P<who>[^，,。]{2,16}?)$")  # 记者从公安部|获悉: the body is the speaker
ADVERBIAL_START = re.compile(r"^\s*(?:在|当|當|随着|隨著|针对|針對|对于|對於|关于|關於|据|據|根据|根據|按照|为了|為了|"
                             r"自从|自從|截至|面对|面對|作为|作為|除了|通过|通過|in |on |at |during |after |before |"
                             r"building on |speaking |asked )")
ENGLISH_SUBJECT_END = frozenset(
    "to in on at about with for from during after before by that who which while over of as when where "
    "whether because since if than".split())
INVERTED = frozenset({"said", "says", "added", "told", "asked", "wrote"})  # "…," said Blinken
LATIN = re.compile(r"[a-z]")
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s*$")
WORD_CHARACTER = re.compile(r"[^\s\W_]")
MEETING_WITH = re.compile(r"\s*(?:与|與|和|同|跟|and)\s*[^，,]{0,10}$")
COLON = re.compile(r"[：:]")
SOURCE_HINT = re.compile(r"据|據|according to|从|從")  # the cheap test before the chain patterns
QUOTING_HINT = re.compile(r"援引|引述|引用")
JOINER = re.compile(r"和|与|與|同|及|、|\band\b")
OPENING = re.compile(r"\s*[，,：:]")  # 指出，…: the words that follow are the speech
ACTS = frozenset({"宣布", "宣佈", "announced", "欢迎", "歡迎", "welcomed", "感谢", "感謝", "祝贺", "祝賀", "通报", "通報"})
POSSIBLE_FRAME = re.compile(r"据|據|according to|^[^，,。]{1,14}[：:]")
PRESCRIPTIVE_START = re.compile(r"\s*(?:要|应该|應該|应当|應當|应|應|必须|必須|需要|不能|不要|坚持|堅持|推动|推動|加强|加強)")
TITLE_AFTER_NAME = 4  # 习近平总书记, 拜登总统: a subject's name is its head, followed at most by a title
CONDITIONAL_START = re.compile(r"^\s*(?:若|如果|假如|倘若|一旦|除此之外|除了|此外|另外|同时|同時|不过|不過|但是?|而且?|if |but |and )")
CLAUSE_END = re.compile(r"[，,；;。！？!?：:]")
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


NO_FRAME = Frame(None)


@lru_cache(maxsize=FRAME_CACHE_SIZE)
def parse_frame(text: str, quoted_bits: bytes) -> Frame:
    """The sentence's frame (or NO_FRAME); `quoted_bits` as for reading.read."""
    reading = read(text, quoted_bits)
    if not any(outside for _, outside in reading.hits.get("verb", ())) and not POSSIBLE_FRAME.search(reading.outside):
        return NO_FRAME  # most sentences: no reporting verb, no 据 chain, no "王毅：" label
    start = _byline_end(reading.outside)
    source = _source(reading, start)
    found = list(_frames(reading, start))
    frames = [frame for frame in found if frame.speaker is not None]
    if not frames and any(frame.topic_only for frame in found):
        return TOPIC_ONLY
    if frames:
        frame = _relayed(frames)
        relay = frame.speaker != frames[0].speaker
        credited = frames[0].speaker.name if relay else source.name if source else None
        return Frame(frame.speaker, frame.verb, frame.verb_class, frame.listener, frame.source or credited,
                     frame.subjectless, content=frame.content, opens=frame.opens)
    label = _label(reading, start)
    if label is not None:
        return label
    if source is not None and source.name:  # 据以色列媒体报道，…: the outlet speaks in its own voice
        return Frame(source, "报道", "neutral", source=source.name)
    return NO_FRAME


def _byline_end(outside: str) -> int:
    """Where the sentence starts after a dateline or byline (央视网消息（新闻联播）：, （德國之聲中文網）)."""
    match = BYLINE.match(outside)
    return match.end() if match else 0


def _source(reading: Reading, start: int) -> Speaker | None:
    """The outlet or body a 据/根据 chain or a 记者从…了解到 credits."""
    if not SOURCE_HINT.search(reading.outside):
        return None
    for pattern in (EVIDENTIAL, LEARNED_FROM):
        match = pattern.search(reading.outside, start)
        if match:
            who = match.group("who").strip()
            named = name_phrase(who, reading.text[match.start("who"):match.end("who")])
            if named is not None and named.name:
                return named
    return None


def _verbs(reading: Reading, start: int) -> list:
    """Reporting verbs outside quotes, after the byline, not negated, not inside a longer word or a 据 chain."""
    taken = [(m.start, m.end) for category in ("verb", "not_verb") for m, _ in reading.hits.get(category, ())]
    chains = [m.span() for m in EVIDENTIAL.finditer(reading.outside, start)] if SOURCE_HINT.search(reading.outside) \
        else []
    verbs = []
    for match, outside_quote in reading.hits.get("verb", ()):
        if not outside_quote or match.start < start:
            continue
        if any(s <= match.start and match.end <= e and (e - s) > (match.end - match.start) for s, e in taken):
            continue  # 称 inside 声称 or 名称
        if any(s <= match.start < e for s, e in chains) or NEGATION.search(reading.outside[max(0, match.start - 4):match.start]):
            continue
        if LATIN.match(match.word) and not _english_verb_position(reading.outside, match):
            continue
        verbs.append(match)
    return verbs


def _english_verb_position(outside: str, match) -> bool:
    """An English verb used as one ("said", not "the said", "reported cases")."""
    before = outside[max(0, match.start - 5):match.start]
    return not ARTICLE_BEFORE.search(before)


def _frames(reading: Reading, start: int):
    """A frame for each reporting verb: its subject (the clause's, or an earlier clause's), class and listener."""
    lex, words = lexicon(), speaker_words()
    own_subject = None  # the last named subject: a later subject-less verb shares it
    for match in _verbs(reading, start):
        if own_subject is not None and own_subject.kind not in RELAYING and not LATIN.match(match.word) \
                and not _only_fillers(_own_clause(reading.outside, start, match.start)):
            break  # 习近平指出，中方…表示…: the later verbs are inside the words reported
        speaker, listener, shared = _subject(reading, start, match)
        quoting = _quoted_speaker(reading, start, match)
        source = None
        if quoting is not None:  # 该报导引述学者说法称, 日本媒体援引业内人士分析指出
            source, speaker = (speaker.name if speaker is not None else None), quoting
        if speaker is None and shared and own_subject is not None:
            speaker = own_subject
        verb_class = _verb_class(reading.outside, match)
        if speaker is not None and speaker.kind in ("joint", "plural", "meeting") and match.word in words.topic_verbs:
            yield TOPIC_ONLY  # "the two leaders discussed …": topics, no position
            continue
        if match.word in lex.stance_only and verb_class == "neutral" and not _opens_colon(reading.outside, match.end):
            continue  # 提出, raised without a stance word or a colon after it: an act, not a report
        if speaker is not None:
            own_subject = speaker
        subjectless = speaker is None and shared and not reading.outside[start:match.start].strip(" ，,并並还還也又")
        content = WORD_CHARACTER.search(reading.outside, match.end) is not None
        opens = subjectless or content and (OPENING.match(reading.outside, match.end) is not None
                                            or match.word not in ACTS)  # 同意…, 祝贺你… go on with the speech
        yield Frame(speaker if speaker is not None else (_PREVIOUS if subjectless else None),
                    reading.text[match.start:match.end], verb_class, listener, source=source, subjectless=subjectless,
                    content=content, opens=opens)


_PREVIOUS = Speaker(None, None, "previous")  # the subject is the previous sentence's speaker
RELAYING = frozenset({"media", "document"})  # kinds of speaker whose verb may relay someone else's words
TOPIC_ONLY = Frame(None, topic_only=True)


def _opens_colon(outside: str, at: int) -> bool:
    """The verb's clause ends with a colon: what follows is its content (习近平提出三点建议：)."""
    end = CLAUSE_END.search(outside, at)
    return end is not None and outside[end.start()] in "：:"


def _own_clause(outside: str, start: int, end: int) -> str:
    a, b = _clauses(outside, start, end)[-1]
    return outside[a:b]


def _relayed(frames: list[Frame]) -> Frame:
    """The frame that gives the words: an outlet's or a document's relaying verb (报道称, 声明说, said) gives way
    to a frame after it whose speaker is someone else (新华社报道称，两国元首同意…); an outlet's own analysis
    (法新社分析, 认为) does not. Of one speaker's verbs, the last before the content (…介绍了…，指出，…)."""
    first = frames[0]
    if first.speaker.kind in RELAYING and fold(first.verb or "") in RELAY_VERBS:
        for later in frames[1:]:
            if later.speaker.kind not in RELAYING and later.speaker.kind != "previous" and later.speaker != first.speaker:
                return later
    same = [f for f in frames if f.speaker == first.speaker or f.speaker.kind == "previous"]
    return same[-1] if len(same) > 1 and _introduces_clause(same[-1]) else first


def _introduces_clause(frame: Frame) -> bool:
    return frame.verb is not None


def _quoted_speaker(reading: Reading, start: int, verb) -> Speaker | None:
    """Whom the verb's clause quotes through 援引/引述 (…引述学者说法称): the speaker, the subject a source."""
    if not QUOTING_HINT.search(reading.outside):
        return None
    clause_start = max((m.end() for m in BREAK.finditer(reading.outside, start, verb.start)), default=start)
    match = QUOTING.search(reading.outside, clause_start, verb.end)
    if match is None:
        return None
    named = name_phrase(match.group("who").strip(), reading.text[match.start("who"):match.end("who")], reading.text)
    return named if named is not None and named.resolved else None


def _subject(reading: Reading, start: int, verb):
    """(speaker, listener, shared): the subject of the verb's clause; when that clause has none, of a clause
    before it (shared=True when no clause before the verb names anyone and none is in the way)."""
    outside, text = reading.outside, reading.text
    if LATIN.match(verb.word) is not None and verb.word in INVERTED:
        after = _inverted_subject(reading, verb)
        if after is not None:
            return after, None, False
    english = LATIN.match(verb.word) is not None
    clauses = _clauses(outside, start, verb.start)
    pronoun, blocked = None, False
    for number, (a, b) in enumerate(reversed(clauses)):
        own = number == 0
        phrase = outside[a:b]
        if not phrase.strip() or not own and ADVERBIAL_START.match(phrase):
            continue
        if own:
            learned = LEARNED_AT.search(phrase) or PASSIVE_AGENT.search(phrase)
            if learned is not None:  # 记者从公安部获悉; 被外界视为
                named = name_phrase(learned.group("who").strip(), text[a + learned.start("who"):a + learned.end("who")],
                                    text)
                if named is not None:
                    return named, None, False
        if _joint_clause(phrase):
            return joint(), None, False
        if not own and _encounter_of_two(phrase):
            return joint(), None, False
        (subject, written), listener = _split_subject(outside, text, a, b, english)
        speaker = name_phrase(subject, written, text) if subject else None
        if speaker is None and own and a == start and subject and not english and len(subject) == len(phrase.rstrip()):
            speaker = bare_name(subject)  # 栗战书说，…: the sentence opens with the name
        if speaker is not None and speaker.kind == "pronoun" and pronoun is None and not own or \
                speaker is not None and speaker.kind == "pronoun" and own:
            pronoun = pronoun or speaker  # 他的发言更加直截了当: an earlier clause of this sentence may name him
            continue
        if speaker is None and not own:
            speaker = _ending_person(phrase)  # 比如即将访华的耶伦，不忘表示…
        if speaker is not None:
            if pronoun is not None and speaker.kind != "person":
                return pronoun, listener, False
            if blocked and not PP_OPEN.match(outside[a + len(subject):b].lstrip()):
                return pronoun, None, False
            return speaker, listener, False
        if not subject or _only_fillers(subject) or PREDICATE_MATERIAL.search(subject) or listener is not None:
            continue
        if own and not blocked and not english:
            blocked = True  # 两位领导人对…，…的持续努力表示欢迎: a 对 phrase before may hold the subject
            continue
        return pronoun, None, False
    return pronoun, None, pronoun is None and not blocked


@lru_cache(maxsize=FRAME_CACHE_SIZE)
def leading_subject(text: str, quoted_bits: bytes) -> Speaker | None:
    """Who the sentence's first clause (after a byline, adverbial and conditional clauses) is about, when it
    names someone: the sentence is then that one's doing, not more of what the speaker before says."""
    reading = read(text, quoted_bits)
    start = _byline_end(reading.outside)
    for a, b in _clauses(reading.outside, start, len(reading.outside))[:3]:
        phrase = reading.outside[a:b]
        if not phrase.strip() or ADVERBIAL_START.match(phrase) or CONDITIONAL_START.match(phrase):
            continue
        if PRESCRIPTIVE_START.match(phrase):
            return None  # 要组织…, 坚持…: what the speaker prescribes has no subject of its own
        (subject, written), _ = _split_subject(reading.outside, text, a, b, LATIN.match(phrase.strip()) is not None)
        named = name_phrase(subject, written, text) if subject else None
        if named is not None and named.name and named.kind == "person" and not phrase.isascii():
            cleaned = clean(subject)
            if cleaned.rfind(fold(named.name)) < len(cleaned) - len(named.name) - TITLE_AFTER_NAME:
                return None  # the name is inside an object (…深入学习习近平总书记的论述), not the subject's head
        return named
    return None


def _clauses(outside: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause of outside[start:end]; an apostrophe (PRC’s, folded to ") breaks none."""
    bounds, last = [], start
    for match in BREAK.finditer(outside, start, end):
        at = match.start()
        if outside[at] == '"' and 0 < at < len(outside) - 1 and outside[at - 1].isalnum() and \
                outside[at + 1].isalnum() and outside[at + 1].isascii():
            continue
        bounds.append((last, at))
        last = match.end()
    bounds.append((last, end))
    return bounds


def _joint_clause(phrase: str) -> bool:
    """A clause whose subject is both parties: a joint word (两国元首, the two leaders) before anything else, or two
    people joined (习近平主席和拜登总统都认为) right before the verb."""
    words = speaker_words()
    joint_word = words.joint.search(phrase)
    if joint_word is not None:  # first in the clause: 两国元首同意; not 我们指导双方团队…
        before = phrase[:joint_word.start]
        return _only_fillers(before) or not SUBJECT_END.search(before) and not COMITATIVE.search(before) \
            and len(before.strip()) <= JOINT_PREFIX_CHARS
    if len(phrase) <= 3 or not JOINER.search(phrase):
        return False
    return len(list(words.people.finditer(phrase))) >= 2 and name_phrase(phrase.strip()) == joint()


def _encounter_of_two(phrase: str) -> bool:
    """X与Y(再度)通话/会晤/举行会谈: two people meeting are the subject of what follows (拜登与习近平再度通话，谈及…)."""
    words = speaker_words()
    persons = list(words.people.finditer(phrase))
    if len(persons) < 2:
        return False
    between = phrase[persons[0].end:persons[1].start]
    return bool(MEETING_WITH.match(between)) and \
        bool(ENCOUNTER.search(phrase[persons[1].end:]))


def _split_subject(outside: str, text: str, a: int, b: int, english: bool):
    """((folded subject, as written), listener name) of the clause outside[a:b]: the words before the first
    preposition, meeting verb or adverb; 与/和/同/跟 end the subject only as "with" (王毅與布林肯見面稱,
    在与Y会晤时说), not as "and" inside a name (国际关系与外交学院院长谢韬)."""
    phrase = outside[a:b]
    if english:
        cut = _english_subject_end(phrase)
    else:
        match = SUBJECT_END.search(phrase)
        cut = match.start() if match else len(phrase)
        for comitative in COMITATIVE.finditer(phrase, 0, cut):
            if AFTER_LISTENER.match(phrase[comitative.end():]):
                cut = comitative.start()
                break
    subject = (phrase[:cut].strip(), text[a:a + cut].strip())
    listener = None
    rest = phrase[cut:]
    if rest[:1] in LISTENER_WORDS:
        after = SUBJECT_END.search(rest, 1)
        heard = name_phrase(rest[1:after.start() if after else len(rest)].strip())
        listener = heard.name if heard is not None and heard.resolved else None
    return subject, listener


def _english_subject_end(phrase: str) -> int:
    """Where an English subject ends: at a preposition, a relative word or a verb of the lexicon."""
    lex = lexicon()
    position = 0
    for word in re.finditer(r"\S+", phrase):
        token = word.group().strip(",.").lower()
        if position and (token in ENGLISH_SUBJECT_END or token in lex.verbs or token.endswith("ed")
                         and token not in ("united",)):
            return word.start()
        position += 1
    return len(phrase)


def _inverted_subject(reading: Reading, verb) -> Speaker | None:
    """"…," said Blinken: the subject after the verb, up to the clause end."""
    rest = reading.outside[verb.end:]
    end = CLAUSE_END.search(rest)
    phrase = rest[:end.start() if end else len(rest)].strip()
    if not phrase or len(phrase.split()) > 6:
        return None
    return name_phrase(phrase, reading.text[verb.end:verb.end + len(rest[:end.start() if end else len(rest)])].strip(),
                       reading.text)


def _ending_person(phrase: str) -> Speaker | None:
    """The person a clause ends with (…的耶伦): the subject of the clause after it."""
    words = speaker_words()
    trimmed = phrase.rstrip(" ，,")
    persons = [m for m in words.people.finditer(trimmed) if m.end == len(trimmed)]
    if not persons:
        return None
    alias = alias_table()[persons[-1].word]
    return Speaker(alias.key, alias.side or "other", "person", alias.affiliation)


def _only_fillers(phrase: str) -> bool:
    fillers = speaker_words().fillers
    return not fillers.sub(lambda word: "", phrase).strip(" ，,的了")


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

"""Who a reporting verb's clause names as its subject: the speaker, in Chinese at the start of the clause and
before the preposition that brings in the listener (习近平对布林肯说, 王毅與布林肯見面稱, 拜登向习近平强调), or in a
clause before it when the verb's own clause has none (…，表示，…; …,并威胁称); in English before the verb or after
it ("…," said Blinken). Also who a whole sentence is about (leading_subject), which tells whether it goes on
with what a speaker said or tells what someone did."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..text.normalize import alias_table, fold
from ..text.patterns import CLAUSE_END, SUBJECT_BREAK as BREAK, any_encounter
from ..tuning import TEXT_CACHE_ENTRIES
from .english_subjects import english_subject_end, inverted_subject
from .frame_sources import LEARNED_VERBS, informant
from .listeners import listener_in_clause, listener_name
from .reading import Reading, read
from ..text.entities import looks_like_a_name
from .speaker_words import is_common_word, side_of_words
from .speaker import mentioned_name
from .compound_speakers import NAMED_AFTER_KIND
from .speakers import JOINT_PREFIX_CHARS, Speaker, bare_name, clean, joint, name_phrase, speaker_words
from .subject_patterns import (BYLINE, SUBJECT_END, COMITATIVE, COMITATIVE_HINT, AFTER_LISTENER, PREDICATE_MATERIAL, PASSIVE_AGENT,
                               PP_OPEN, LISTENER_WORDS, LEARNED_AT, ADVERBIAL_START, INVERTED,
                               LATIN, MEETING_WITH, JOINER, PRESCRIPTIVE_START, TITLE_AFTER_NAME, CONDITIONAL_START,
                               QUOTE_MARKS)

FRAME_CACHE_SIZE = TEXT_CACHE_ENTRIES
MINISTRY_AFTER_AND = re.compile(r"[和與与][\u4e00-\u9fff]{1,8}?(?:部|委员会|委員會)")  # 经济和能源部长赖歇, 国家安全和外交政策委员会:
# one body's name, not "with"
RELAYS = re.compile(r"\s*(?:首先|还|還)?(?:转达|轉達)")  # a greeting relayed before the verb's clause
QUOTED_NAME_CLOSE = {"“": "”", "「": "」"}  # a body's name in quotes after its kind: its closing mark
MAX_QUOTED_NAME_CHARS = 16
WORK_TITLE = re.compile(r"《[^》]*》")  # a book or document title: the names inside it name no subject
# the day a subject did something, between the subject and what it did (…今天（9月22日）召开视频调度会，要求…)
DAY_AFTER_SUBJECT = re.compile(r"\s*(?:今天|昨天|明天|当天|當天|当日|當日|前天|近日|日前|(?:\d+年)?(?:\d+月)?\d+日)"
                               r"(?:\s*[(（][^()（）]{0,12}[)）])?(?:上午|下午|晚间|晚上|晚|凌晨)?")
DAY_HINT = re.compile(r"[今昨明当當前近日]")  # every character a day above starts or ends with: the cheap test


def subject_of(reading: Reading, start: int, verb):
    """(speaker, listener, shared): the subject of the verb's clause; when that clause has none, of a clause
    before it (shared=True when no clause before the verb names anyone and none is in the way)."""
    outside, text = reading.outside, reading.text
    if LATIN.match(verb.word) is not None and verb.word in INVERTED:
        after = inverted_subject(reading, verb)
        if after is not None:
            return after, None, False
    english = LATIN.match(verb.word) is not None
    bounds = clauses(outside, start, verb.start)
    pronoun, blocked, own = None, False, ("", None)  # own: the verb's own clause and the listener it names

    def own_listener() -> str | None:  # 他向记者表示, 在与布林肯会晤时说, 在接受总台记者专访时表示
        phrase, listener = own
        return listener or (listener_in_clause(phrase) if phrase and not english else None)

    for number, (a, b) in enumerate(reversed(bounds)):
        is_own = number == 0
        phrase = outside[a:b]
        # a quoted term, or the work a thing was said in, splits no clause (…举办第三届“一带一路”国际合作高峰论坛，
        # 表示…; 他在《弱鸟如何先飞》这篇文章里写道…)
        if not phrase.strip() or not is_own and (ADVERBIAL_START.match(phrase) or text[a - 1:a] in QUOTE_MARKS
                                                 or text[a - 1:a] == "《" and outside[:a - 1].endswith("在")):
            continue
        if is_own:
            learned = LEARNED_AT.search(phrase) or PASSIVE_AGENT.search(phrase)
            if learned is not None:  # 记者从公安部获悉; 被外界视为
                who, written = learned.group("who").strip(), text[a + learned.start("who"):a + learned.end("who")]
                named = informant(who, written, text) if learned.re is LEARNED_AT and verb.word in LEARNED_VERBS \
                    else name_phrase(who, written, text)
                if named is not None:
                    return named, None, False
        if _joint_clause(phrase):
            return joint(), None, False
        if not is_own and _encounter_of_two(phrase):
            return joint(), None, False
        (subject, written), listener = _split_subject(outside, text, a, b, english)
        if is_own:
            own = (phrase, listener)
        speaker = name_phrase(subject, written, text, opening=not is_own) if subject else None
        if speaker is None and is_own and subject and not english and only_fillers(phrase[len(phrase) - len(
                phrase.lstrip()) + len(subject):]) and (a == start or only_fillers(outside[start:a])):  # (此外，)栗战书(还)说
            speaker = bare_name(subject) or mentioned_name(subject)  # 栗战书说，…: the sentence opens with the name
        elif speaker is None and not is_own and subject and a == start and RELAYS.match(phrase, len(subject)):
            speaker = bare_name(subject) or mentioned_name(subject)  # 桑切斯转达…的问候，表示…: who relays speaks
        if speaker is not None and speaker.kind == "pronoun" and pronoun is None and not is_own or \
                speaker is not None and speaker.kind == "pronoun" and is_own:
            pronoun = pronoun or speaker  # 他的发言更加直截了当: an earlier clause of this sentence may name him
            continue
        if speaker is None and not is_own:
            speaker = _ending_person(phrase)  # 比如即将访华的耶伦，不忘表示…
        if speaker is not None and speaker.kind in NAMED_AFTER_KIND and text[b:b + 1] in QUOTED_NAME_CLOSE:
            speaker = _quoted_name(text, a, b, speaker)  # 伊拉克民兵武装“伊斯兰抵抗组织”发表声明说
        if speaker is not None:
            if pronoun is not None and speaker.kind != "person":
                return pronoun, own_listener(), False
            if blocked and not PP_OPEN.match(outside[a + len(subject):b].lstrip()):
                return pronoun, None, False
            return speaker, own_listener(), False
        acts = not english and speaker_words().narration.starts(clean(subject)) is not None
        if not subject or only_fillers(subject) or PREDICATE_MATERIAL.search(subject) or listener is not None or acts \
                or is_own and text[a - 1:a] in QUOTE_MARKS and not clean(subject):  # …“伊斯兰抵抗组织”17日晚称
            continue  # (李强来到…，察看…，指出…: a clause that opens with what he did has no subject of its own)
        if is_own and not blocked and not english:
            blocked = True  # 两位领导人对…，…的持续努力表示欢迎: a 对 phrase before may hold the subject
            continue
        return pronoun, own_listener(), False
    return pronoun, own_listener(), pronoun is None and not blocked


@lru_cache(maxsize=FRAME_CACHE_SIZE)
def leading_subject(text: str, quoted_bits: bytes) -> Speaker | None:
    """Who the sentence's first clause (after a byline, adverbial and conditional clauses) is about, when it
    names someone: the sentence is then that one's doing, not more of what the speaker before says."""
    reading = read(text, quoted_bits)
    start = byline_end(reading.outside)
    for a, b in clauses(reading.outside, start, len(reading.outside))[:3]:
        phrase = reading.outside[a:b]
        if not phrase.strip() or ADVERBIAL_START.match(phrase) or CONDITIONAL_START.match(phrase) \
                or not clean(phrase):
            continue  # 6日上午，习近平来到…: a clause of time only names no one
        if PRESCRIPTIVE_START.match(phrase):
            return None  # 要组织…, 坚持…: what the speaker prescribes has no subject of its own
        (subject, written), listener = _split_subject(reading.outside, text, a, b,
                                                      LATIN.match(phrase.strip()) is not None)
        named = name_phrase(subject, written, text) if subject else None
        if named is None and subject and not phrase.isascii():
            named = _titled_name(clean(subject))
        if named is not None and named.kind == "person" and _in_work_title(reading.text, a, b):
            continue  # 《习近平著作选读》…座谈会召开: a book's title names him, the sentence is not his doing
        clause_end = CLAUSE_END.search(reading.outside, a)
        if named is not None and named.kind == "person" and _relative_clause(
                reading, a + len(subject), clause_end.start() if clause_end else len(reading.outside)):
            return None  # 习近平主席在论坛宣布的八项行动…: the name is inside a relative clause
        if named is not None and named.name and named.kind == "person" and not phrase.isascii():
            cleaned = clean(subject)
            at = cleaned.rfind(fold(named.name))
            after = subject[max(0, subject.find(fold(named.name))) + len(named.name):]
            if 0 <= after.find("的") <= TITLE_AFTER_NAME + 2 or \
                    at < len(cleaned) - len(named.name) - TITLE_AFTER_NAME and \
                    not _titles_only(cleaned[:cleaned.find(fold(named.name))]):
                return None  # inside an object (…深入学习习近平总书记的论述) or a modifier (习近平主席提出的…), not the head
            if COMITATIVE.match(phrase, len(subject) + (len(phrase) - len(phrase.lstrip()))):
                return joint()  # 去年习近平主席同拜登总统…达成共识: the two of them
        return named
    return None


def _in_work_title(text: str, start: int, end: int) -> bool:
    return "《" in text and any(m.start() < start and end < m.end() for m in WORK_TITLE.finditer(text))


def _relative_clause(reading: Reading, start: int, end: int) -> bool:
    """A reporting verb right before 的 in the clause after the subject (…宣布的, …提出的): the subject modifies."""
    return any(start <= m.start and m.end < end and reading.outside[m.end:m.end + 1] == "的"
               for m, _ in reading.hits.get("verb", ()))


def _titles_only(before: str) -> bool:
    """Nothing but titles, polities and government words before a name (国家主席, 中共中央总书记、): the name
    heads its clause (习近平详细了解…), whatever verb follows it."""
    return _titles_end(before) == len(before.rstrip(" 、，,"))


def _titles_end(text: str) -> int:
    """Where the chain of titles, polities and government words at the start of a text ends (中共中央政治局常委、
    全国政协主席|王沪宁…), the longest word taken at each step."""
    words = speaker_words()
    matchers = (words.titles, words.government, words.polity, words.prc_units)
    at = 0
    while at < len(text):
        if text[at] in " 、，,":
            at += 1
            continue
        longest = max((m.word for m in (matcher.starts(text[at:]) for matcher in matchers) if m is not None),
                      key=len, default=None)
        if longest is None:
            break
        at += len(longest)
    return at


def _titled_name(cleaned: str) -> Speaker | None:
    """A name right after a chain of titles that opens a long clause (中共中央政治局常委、全国政协主席王沪宁参加…)."""
    at = _titles_end(cleaned)
    if at == 0 or at >= len(cleaned) or not speaker_words().titles.ends(cleaned[:at]):
        return None  # 中国政府|高度重视…: a body, not a title, before the words
    for size in (3, 2):
        name = cleaned[at:at + size]
        if len(name) == size and looks_like_a_name(name) and not is_common_word(name):
            return Speaker(name, side_of_words(cleaned[:at]), "person")
    return None


def byline_end(outside: str) -> int:
    """Where the sentence starts after a dateline or byline (央视网消息（新闻联播）：, （德國之聲中文網）)."""
    match = BYLINE.match(outside)
    return match.end() if match else 0


def clauses(outside: str, start: int, end: int) -> list[tuple[int, int]]:
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
        return only_fillers(before) or not SUBJECT_END.search(before) and not COMITATIVE.search(before) \
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
        bool(any_encounter().search(phrase[persons[1].end:]))


def _split_subject(outside: str, text: str, a: int, b: int, english: bool):
    """((folded subject, as written), listener name) of the clause outside[a:b]: the words before the first
    preposition, meeting verb or adverb; 与/和/同/跟 end the subject only as "with" (王毅與布林肯見面稱,
    在与Y会晤时说), not as "and" inside a name (国际关系与外交学院院长谢韬)."""
    phrase = outside[a:b]
    if english:
        cut = english_subject_end(phrase)
    else:
        match = SUBJECT_END.search(phrase)
        if match is not None and match.start() == 1 and looks_like_a_name(phrase[:3]) and phrase[3:4] in ("", " "):
            match = None  # 李在明表示: a given name holding 在, the whole clause before the verb
        cut = match.start() if match else len(phrase)
        day = DAY_AFTER_SUBJECT.search(phrase, 2, cut) if DAY_HINT.search(phrase, 2, cut) else None
        if day is not None and phrase[day.end():cut].strip():
            cut = day.start()  # 中央气象台今天升级发布…预警，预计…: the day ends the subject; what it did follows
        for comitative in COMITATIVE.finditer(phrase, 0, cut) if COMITATIVE_HINT.search(phrase, 0, cut) else ():
            if AFTER_LISTENER.match(phrase[comitative.end():]) \
                    and not MINISTRY_AFTER_AND.match(phrase, comitative.start()):
                cut = comitative.start()
                break
    subject = (phrase[:cut].strip(), text[a:a + cut].strip())
    listener = None
    rest = phrase[cut:]
    if rest[:1] in LISTENER_WORDS:
        after = SUBJECT_END.search(rest, 1)
        listener = listener_name(rest[1:after.start() if after else len(rest)].strip())
    return subject, listener


def _quoted_name(text: str, a: int, b: int, speaker: Speaker) -> Speaker:
    """The body's own name in quotes right after the clause that says what it is (伊拉克民兵武装“伊斯兰抵抗组织”)."""
    close = text.find(QUOTED_NAME_CLOSE[text[b]], b + 1)
    if close < 0 or close - b > MAX_QUOTED_NAME_CHARS:
        return speaker
    named = name_phrase(fold(text[a:close + 1]), text[a:close + 1])
    return named if named is not None and named.kind == speaker.kind else speaker


def _ending_person(phrase: str) -> Speaker | None:
    """The person a clause ends with (…的耶伦): the subject of the clause after it."""
    words = speaker_words()
    trimmed = phrase.rstrip(" ，,")
    persons = [m for m in words.people.finditer(trimmed) if m.end == len(trimmed)]
    if not persons:
        return None
    alias = alias_table()[persons[-1].word]
    return Speaker(alias.key, alias.side or "other", "person", alias.affiliation)


def only_fillers(phrase: str) -> bool:
    """Nothing but fillers (还, 也, also) and commas; a character no filler holds settles it at once."""
    if not _filler_characters().issuperset(phrase):
        return False
    fillers = speaker_words().fillers
    return not fillers.sub(lambda word: "", phrase).strip(" ，,的了")


@cache
def _filler_characters() -> frozenset[str]:
    return frozenset("".join(speaker_words().fillers.words) + " ，,的了")

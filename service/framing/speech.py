"""Speech that runs over several sentences: what makes a sentence without a frame of its own more of what the
speaker before says, and whether a sentence quotes an utterance or only a phrase.

A quotation that spans sentences belongs to the speaker framed in any of them; a sentence that is all quotation
goes on from the speaker just before, or takes the speaker the next sentence names on its own ("”…“ 罗伯特·戴利
强调。"); unquoted speech goes on within its paragraph (CCTV's 习近平指出，…。…。) and into a paragraph that opens
the way speech goes on (我们要…, 一是…), unless the sentence is about someone else (华盛顿已经…).
"""
from __future__ import annotations

import re

from ..text.patterns import QUOTED_CLAUSE_MARK as CLAUSE_MARK
from ..align.features import tagged_places
from ..text.normalize import alias_table, fold
from .frames import SAYING, Frame
from .subjects import leading_subject
from .lexicon import lexicon
from .reading import Reading, read
from .speakers import Speaker, speaker_words

UTTERANCE_BEFORE = re.compile(r"(?:^|[：:]|说|說|道|称|稱|表示|指出|强调|強調|写道|寫道|says?|said|told|wrote)\s*[，,]?\s*$")
UTTERANCE_AFTER = re.compile(r"^\s*(?:$|[，,。.！!？?；;])")
WORD_CHARACTER = re.compile(r"[^\s\W_]")
# what a speaker prescribes (美方应…, 各国要…, 不能…): speech, whoever it is about
DEONTIC = re.compile(r"(?<![重主需只])要(?!求)|应该|应当|(?<![反响适])应(?![对用邀急])|必须|不能|不应|不要|希望|愿")
FUTURE = re.compile(r"即将|即將|将要|將要|将|將")
EVALUATION = re.compile(r"[，,]\s*(?:这|這)?(?:充分)?(?:表明|说明|說明|体现|體現|彰显|彰顯)")  # …，表明…: what it means
PROPOSED = re.compile(r"(?:支持|主张|主張|希望|愿|願|同意|呼吁|呼籲|推动|推動|倡议|倡議)[^，,。；;]{0,6}$")
DEEP_IN_CLAUSES = re.compile(r"(?:[^，,；;]*[，,；;]){2}")  # two clauses or more before it
THIRD_PERSON_START = re.compile(r"\s*(?:(?:与|與|和|同|跟|随|隨)\s*)?(?:他|她)(?![们們])")  # 他…, 与他同行的…
FIRST_PERSON = re.compile(r"\s*(?:我们|我們|我)")
FIRST_PERSON_CLAUSE = re.compile(r"\s*(?:[^，,。“”]{1,6}[，,]\s*)?(?:我们|我們|我(?![国國军軍方]))")  # (昨天，)我同…
IDIOM = re.compile(r"主持(?:正义|正義|公道|公正)")  # 主持正义国家: upholding justice, no one chairing anything
# 俄方对此尚未回应: that a party has not answered is the outlet's news
NO_RESPONSE = re.compile(r"(?:尚未|暂未|暫未|没有|沒有|并未|並未|未|拒绝|拒絕)(?:作出|做出|就此)?(?:回应|回應|置评|置評|表态|表態|回复|回覆)"
                         r"|did not (?:immediately )?respond|declined to comment")
NEWS_TIME_START = re.compile(r"\s*(?:日前|近日|连日来|連日來|这些天|這些天|眼下)[，,]")
SOURCE_START = re.compile(r"^\s*(?:根据|根據|据|據|按照|依照|according to)")
# how speech that runs on into a new paragraph starts (CCTV: 我们要…, 一是…, 要…, 中方愿…)
SPEECH_START = re.compile(r"^\s*(?:——|我们|我們|我(?!国|國)|[一二三四五六七八九十]是|第[一二三四五]，|首先，|其次，|"
                          r"[\u4e00-\u9fff]{1,8}(?:上|方面)，\s*(?:要|应|應|必须|必須)|"  # 政治上，要…: a point of a list
                          r"(?:[\u4e00-\u9fff]{0,4}?)(?:要|应该|應該|应当|應當|应(?![邀约約对對用])|應(?![邀約對用])|必须|必須|需要|不能|"
                          r"不应|不應|愿|願)(?!求))")
GOVERNMENT_SIDES = frozenset({"us_gov", "prc_gov", "other_gov"})
TITLE_WINDOW = 6  # characters before a name where its title ends
POSITIONS = frozenset({"主张", "主張", "阐明", "闡明"})  # 中国…主张和谐, 中方已经多次阐明立场: the country's
# position in the speaker's words, not a report
SELF_REFERENCE_CHARS = 4  # 美方, 中方, 美国政府: a country naming itself, not a named body
JOINING = frozenset("和与與同")
JOINED_START_CHARS = 4  # 昨天阮富仲…: how far into the sentence the pair may start


def quote_runs(bits: list[bytes]) -> list[int | None]:
    """For each sentence, the number of the run of sentences one quotation spans (None outside such runs)."""
    runs: list[int | None] = [None] * len(bits)
    run = 0
    for k in range(1, len(bits)):
        if bits[k - 1][-1:] == b"\x01" and bits[k][:1] == b"\x01":
            if runs[k - 1] is None:
                run += 1
                runs[k - 1] = run
            runs[k] = runs[k - 1]
    return runs


def all_quoted(reading: Reading) -> bool:
    return bool(reading.quoted) and WORD_CHARACTER.search(reading.outside) is None


def is_utterance(text: str, quoted: bytes) -> bool:
    """Whether the sentence quotes an utterance (a clause or more: internal clause punctuation, a closing comma
    before the frame, or a reporting verb before and the clause's end after), not a word or phrase."""
    reading = read(text, quoted)
    if not reading.quoted:
        return False
    start = 0
    for span in reading.quoted:
        at = text.find(span, start)
        start = at + len(span)
        core = span.rstrip("，,。.！!？?；; ")
        if CLAUSE_MARK.search(core) or core != span.rstrip() and len(core) > lexicon().scare_max_chars:
            return True
        before = reading.outside[:max(0, at - 1)].rstrip(" “”\"「『")
        if len(core) > lexicon().scare_max_chars and UTTERANCE_BEFORE.search(before) and \
                UTTERANCE_AFTER.match(reading.outside[at + len(span) + 1:]):
            return True
    return False


def goes_on(text: str, quoted: bytes, speaker: Speaker | None, own_paragraph: bool = False) -> bool:
    """Whether a sentence without a frame can be more of what `speaker` says: not a 根据… sentence, and not about
    another person or about a body of another side (华盛顿已经…, 若顺利成行，布林肯将是…), unless it is in the
    paragraph the speaker's frame opens (`own_paragraph`: 普京表示，…。去年3月习近平主席也…。 德国已连续…)."""
    if speaker is None or SOURCE_START.match(text):
        return False
    if speaker.kind == "person" and speaker.name and names_outside_quotes(text, quoted, speaker.name):
        return False  # 以习近平同志为核心的党中央…: the outlet speaks of him; no one names himself
    if NO_RESPONSE.search(text):
        return False  # 对此，以色列方面暂未回应。: that a party has not answered is the outlet's news, no one's words
    if NEWS_TIME_START.match(text):
        return False  # 日前，…项目正式开工: the outlet's news of the days before, not the speaker's words
    if speaker.kind == "person" and title_possessive(text):
        return False  # 总书记的讲话饱含…: the outlet speaks of him by his title; no one calls himself so
    if FIRST_PERSON_CLAUSE.match(text):
        return True  # 昨天，我同阮富仲总书记一道见证…: only the speaker says 我
    subject = leading_subject(text, quoted)
    if subject is not None and subject.kind == "pronoun" or THIRD_PERSON_START.match(text):
        return False  # 他和团队创作的…: the outlet tells of him; no one calls himself 他
    if subject is None or not subject.resolved or subject.kind == "joint":
        return True
    if subject.kind == "person" and alias_table().get(fold(subject.name)) is None \
            and subject.name in tagged_places(text) and not _after_title(text, subject.name):
        return True  # 江苏要…, 苏州在…做得很好: a place with a name's shape, what the speaker says of it
    if subject.kind == "joint" and speaker.kind == "joint" and (DEONTIC.search(text) or FUTURE.search(text)):
        return True  # 双方充分肯定…。双方将坚持…: what both sides agreed goes on
    if subject.name == speaker.name:
        return False  # 会议还研究了…, 王毅外长也将…留给了…: the speaker's doings, told by the outlet
    if subject.kind == "person":
        return own_paragraph and _title_after(text, subject.name) or _joined(text, subject.name)  # 习近平主席也…
    if subject.side == speaker.side and _different_countries(subject, speaker):
        return False  # 俄罗斯国防部称…。乌方对此没有回应。: another country's doings, told by the outlet
    if subject.side not in GOVERNMENT_SIDES or subject.side == speaker.side:
        return True  # 很多中国企业…, 中方…: what the speaker says about them
    if speaker.kind == "person" and speaker.side in (None, "other") and subject.kind == "body" \
            and len(subject.name) <= SELF_REFERENCE_CHARS:
        return True  # 朔尔茨表示，…。德方反对…: a leader the story gives no side goes on about his own country
    return own_paragraph or DEONTIC.search(text) is not None  # 美方应…, 二十国集团要…: speech; 华盛顿已经…: narration


def _different_countries(one: Speaker, other: Speaker) -> bool:
    """Two bodies that each start with a polity, of different countries (乌方, 俄罗斯国防部; not 乌方, 乌克兰)."""
    if one.kind != "body" or other.kind != "body":
        return False  # a person's name may start like a polity (韩正)
    polity = speaker_words().polity
    first, second = (polity.starts(fold(s.name or "")) for s in (one, other))
    return first is not None and second is not None and not (
        first.word.startswith(second.word) or second.word.startswith(first.word))


def title_possessive(text: str) -> bool:
    """The sentence opens with a bare title and 的 (总书记的重要指示…)."""
    folded = fold(text.lstrip())
    title = speaker_words().titles.starts(folded)
    return title is not None and folded[title.end:title.end + 1] == "的"


def narrates(folded: str) -> bool:
    """The sentence tells what someone did or when (出席, 主持, 当地时间…): not more of what was said. A speaker
    telling in the first person what they did (我此次访德并…主持…) still speaks."""
    if FIRST_PERSON.match(folded) or FIRST_PERSON_CLAUSE.match(folded):
        return False  # (昨天，)我同…签署…: the speaker tells it
    folded = IDIOM.sub(lambda m: " " * len(m.group(0)), folded) if "主持" in folded else folded
    told = speaker_words().narration.search(folded)
    if told is not None and DEEP_IN_CLAUSES.match(folded[:told.start]):
        return False  # …，150多个国家…签署…文件: a word of doings deep in a list of what the speaker recounts
    if told is not None and PROPOSED.search(folded, 0, told.start):
        return False  # 支持适时召开…国际和会: a doing the speaker supports, not one the outlet tells
    if told is not None and EVALUATION.search(folded, told.end):
        return False  # 今天双方签署系列合作文件，表明…: the speaker tells what the doing means
    return told is not None and not FUTURE.search(folded[max(0, told.start - 3):told.start])  # 即将召开: speech


def opens_like_speech(text: str) -> bool:
    return bool(SPEECH_START.match(text))


def self_reference(frame: Frame, running: Speaker | None) -> bool:
    """A frame whose subject is the running speaker's own country (美方认同…, 中方愿…) in the words of a person:
    the person still speaks."""
    speaker = frame.speaker
    if speaker is None or running is None or speaker.name is None or speaker.kind != "body" \
            or len(speaker.name.removesuffix("政府")) > SELF_REFERENCE_CHARS \
            or frame.verb_class in SAYING and frame.verb not in POSITIONS:
        return False  # 俄方 is 俄罗斯政府; 中方表示… is the country speaking, not a stance inside the person's words
    if running.kind == "other":
        return speaker.name in (running.name or "")  # 与会阿方领导人表示…。阿方高度赞赏…: the group's own side
    if speaker.side is None and len(speaker.name) == 2 and speaker.name.endswith("方"):
        return running.kind == "person" and running.side == "other_gov"  # 阿方完全赞同 in a foreign leader's words
    return running.kind == "person" and speaker.side == running.side


def _joined(text: str, name: str) -> bool:
    """The sentence opens with the person and another, joined (阮富仲总书记和习近平总书记…, 习近平主席和总统先生…)."""
    at = text.find(name)
    if at < 0 or at > JOINED_START_CHARS + TITLE_WINDOW + 2:
        return False
    before = fold(text[:at])
    if before[-1:] in JOINING and speaker_words().titles.ends(before[:-1]):
        return True  # 阮富仲总书记和习近平总书记
    if at > JOINED_START_CHARS:
        return False
    after = fold(text[at + len(name):at + len(name) + TITLE_WINDOW + 1])
    title = speaker_words().titles.starts(after)
    after = after[title.end:] if title is not None else after
    return after[:1] in JOINING and (speaker_words().titles.search(after[1:TITLE_WINDOW + 3]) is not None
                                     or speaker_words().people.search(after[1:TITLE_WINDOW + 1]) is not None)


def _title_after(text: str, name: str) -> bool:
    """The name is followed by its title (习近平主席, 普京总统), as a speaker names another leader; the outlet's own
    narration names people bare (布林肯将是…)."""
    at = text.find(name)
    return at >= 0 and speaker_words().titles.starts(fold(text[at + len(name):at + len(name) + TITLE_WINDOW])) is not None


def _after_title(text: str, name: str) -> bool:
    """The name follows a title (第一书记阿东): a person, whatever the segmenter tags it."""
    at = text.find(name)
    return at > 0 and speaker_words().titles.ends(fold(text[max(0, at - TITLE_WINDOW):at]))


def names_outside_quotes(text: str, quoted: bytes, name: str) -> bool:
    """The sentence names the person outside quotation marks, by the alias table's variants or as written."""
    reading = read(text, quoted)
    return any(alias_table()[m.word].key == name for m in speaker_words().people.finditer(reading.outside)) \
        or (len(name) > 1 and fold(name) in reading.outside)

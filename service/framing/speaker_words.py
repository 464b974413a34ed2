"""The words that tell who a speaker is (data/speakers.yaml): polities by side, government, media, analyst and
group words, joint words, pronouns, fillers, documents, meetings, titles and roles (names.yaml), and the alias
table's people; and the two things done with them everywhere: a subject phrase cleaned of times, quantifiers and
fillers (clean), and the side a phrase's words put a speaker on (side_of_words)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import load_yaml
from ..text.matcher import LiteralMatcher, WordPattern
from ..text.normalize import alias_table, fold
from ..tuning import TEXT_CACHE_ENTRIES

BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
TIME = re.compile(r"(?:当地时间)?(?:\d+年)?(?:\d+月)?(?:\d+日|初|中旬|底|下旬|上旬)(?:(?:至|到|-|—)(?:\d+月)?\d+日)?"
                  r"(?:上午|下午|晚上|晚间|凌晨|早些时候|晚|早)?"
                  r"|(?:周|星期|礼拜)[一二三四五六日天]|(?:今|昨|明|前|当|同|翌|次)[天日]|(?:今|去|明)年|同一天|当晚|當晚|近日|日前|此前|稍早|早前|近期|近来|最近|近年来?"
                  r"|\b(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b")
TIME_HINT = re.compile(r"[\d今昨明前当同翌去年月日周星礼近此稍早期来]|day")
QUANTIFIER_HINT = re.compile(r"[位名些]|^(?:a|an|one|some|several|有)")  # the cheap test before QUANTIFIER
ADVERB = re.compile(r"[\u4e00-\u9fff]{1,4}地|(?!(?:family|assembly|ally|italy|july|supply|rally|reply|monopoly)$)"
                    r"[a-z]{3,}ly")  # 更迫切地, resolutely: how, not who (not the National Assembly)
GLUED_ADVERB = re.compile(r"[\u4e00-\u9fff]{2}地$")  # 彭丽媛高兴地: a two-character adverb glued to the name
PLURAL = "们"
FORMER = re.compile(r"前(?:任)?(?:总理|總理|总统|總統|首相|国务卿|國務卿|外长|外長|防长|防長|总书记|總書記)\s*$")
AND_OTHERS = ("等", "等人")
FOREIGN_PARTY = re.compile(r"(?P<initial>[\u4e00-\u9fff])共(?:中央|总书记|總書記)")  # 越共中央: X's communist party
TOKEN_BREAK = re.compile(r"[\s的]+")
STATE_WORDS = frozenset({"中央", "国家", "國家"})  # the centre or the state of whichever polity the phrase names first


@dataclass(frozen=True)
class SpeakerWords:
    polities: dict[str, str]  # folded polity name -> side
    media_short_names: dict[str, str]  # 俄媒 -> 俄罗斯媒体
    polity_abbreviations: dict[str, str]  # 俄 -> 俄罗斯 (before a body word: 俄国防部)
    polity: WordPattern
    government: WordPattern
    media: WordPattern
    analyst: WordPattern
    others: WordPattern
    joint: WordPattern
    joint_speaker: str
    topic_verbs: frozenset[str]
    addressee_verbs: frozenset[str]  # the listener is the verb's object
    transcript_hosts: frozenset[str]  # transcript labels of whoever runs a call (MODERATOR)
    polity_names: dict[str, str]  # English polity -> its name in Chinese news (united states -> 美国)
    transcript_titles: dict[str, str]  # title of a transcript label -> the side of an unknown holder
    title_sides: dict[str, str]  # a title only one government has -> its side
    title_side: WordPattern
    narration: WordPattern
    documents: WordPattern
    issuing: WordPattern
    roles: WordPattern
    prc_units: WordPattern
    international: tuple[str, ...]  # openings of international organisations' names (世界粮食计划署)
    meetings: WordPattern
    single_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    groups: frozenset[str]  # group nouns a plural pronoun can stand for (群众, 嘉宾)
    fillers: WordPattern
    titles: WordPattern
    people: LiteralMatcher  # alias variants of people (many: the automaton beats a regex alternation)


@cache
def speaker_words() -> SpeakerWords:
    data = load_yaml("speakers.yaml")
    polities = {fold(word): side for side, words in data["polities"].items() for word in words}
    polities.update({fold(english): polities[chinese] for english, chinese in data["polity_names"].items()
                     if chinese in polities and fold(english) not in polities})  # Vietnam welcomed …: 越南's side
    folded = lambda key: [fold(w) for w in data[key]]  # noqa: E731
    names = load_yaml("names.yaml")
    people = [variant for variant, alias in alias_table().items() if alias.kind == "person"]
    title_sides = {fold(title): side for side, titles in data["title_sides"].items() for title in titles}
    return SpeakerWords(
        polities=polities, media_short_names={fold(k): v for k, v in data["media_short_names"].items()},
        polity_abbreviations=dict(data["polity_abbreviations"]),
        polity=WordPattern(polities), government=WordPattern(folded("government_words")),
        media=WordPattern(folded("media_words")), analyst=WordPattern(folded("analyst_words")),
        others=WordPattern(folded("others_words")), joint=WordPattern(folded("joint_words")),
        joint_speaker=data["joint_speaker"], topic_verbs=frozenset(folded("topic_verbs")),
        addressee_verbs=frozenset(folded("addressee_verbs")), transcript_hosts=frozenset(folded("transcript_hosts")),
        polity_names={fold(english): name for english, name in data["polity_names"].items()},
        transcript_titles={fold(title): side for side, titles in data["transcript_titles"].items() for title in titles},
        title_sides=title_sides, title_side=WordPattern(title_sides),
        narration=WordPattern(folded("narration_words")),
        documents=WordPattern(folded("document_words")), issuing=WordPattern(folded("issuing_verbs")),
        roles=WordPattern(folded("person_roles")), prc_units=WordPattern(folded("prc_units")),
        international=tuple(folded("international_openings")),
        meetings=WordPattern(folded("meeting_words")),
        single_pronouns=frozenset(folded_pronoun for folded_pronoun in map(fold, data["pronouns"]["single"])),
        plural_pronouns=frozenset(map(fold, data["pronouns"]["plural"])),
        groups=frozenset(folded("group_words")), fillers=WordPattern(folded("filler_words")),
        titles=WordPattern({fold(t) for t in names["titles"]} | {"president", "secretary", "minister",
                                                                      "mr.", "ms.", "mrs.", "dr."}),
        people=LiteralMatcher(people))


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def clean(phrase: str) -> str:
    """The phrase without brackets, times, quantifiers, 的, and the fillers at its ends (还, 也, 则, also). Cached:
    the subject of a sentence is cleaned at each step of naming it."""
    text = BRACKETED.sub(" ", phrase) if "(" in phrase or "（" in phrase else phrase
    text = TIME.sub(" ", text) if TIME_HINT.search(text) else text
    if QUANTIFIER_HINT.search(text):
        text = _quantifier().sub(" ", text)
    english = text.isascii()
    tokens = text.split() if english else [t for t in TOKEN_BREAK.split(text) if t]
    fillers = speaker_words().fillers.words
    while tokens and (tokens[0] in fillers or english and tokens[0] in ("the", "and", "but", "so")):
        tokens.pop(0)
    while tokens and (tokens[-1] in fillers or ADVERB.fullmatch(tokens[-1]) and len(tokens) > 1):
        tokens.pop()
    if not english and tokens:  # fillers glued to the words around them: 美国官员开始, 则
        tokens[-1] = _strip_glued_fillers(GLUED_ADVERB.sub("", tokens[-1]) or tokens[-1]).removesuffix(PLURAL)
        if len(tokens[-1]) > 2 and tokens[-1].endswith(AND_OTHERS):
            tokens[-1] = tokens[-1].removesuffix("人").removesuffix("等")  # 舒默等: who leads the group speaks
        tokens[0] = _strip_glued_fillers(tokens[0], leading=True)
    joined = (" " if english else "").join(t for t in tokens if t).strip(" ,，、")
    return _existential().sub("", joined) if joined.startswith("有") else joined  # 有专家 → 专家


@cache
def _unnamed_speakers() -> str:
    """有 + one of these within four characters is an unnamed speaker, not possession (有专家认为, 有消息称)."""
    return "|".join(map(re.escape, load_yaml("speakers.yaml")["unnamed_speakers"]))


@cache
def _existential() -> re.Pattern:
    return re.compile(f"^有(?=[^关關]{{0,4}}(?:{_unnamed_speakers()}))")


@cache
def _quantifier() -> re.Pattern:
    return re.compile(r"(?<![统唯第])(?:一|两|几|数|多|若干)(?:位|名|些)|^(?:a|an|one|some|several) "
                      f"|^有(?=[^关關]{{0,4}}(?:{_unnamed_speakers()}))")


def _strip_glued_fillers(token: str, leading: bool = False) -> str:
    """A token without the fillers glued to its start (`leading`) or its end (美国官员开始 → 美国官员), never all of it;
    也门 keeps its 也 (a polity)."""
    if leading:
        polity = speaker_words().polity.starts(token)
        if polity is not None and len(polity.word) > 1:
            return token
        stripped = token[_leading_fillers_end(token):]
    else:
        stripped = token[:_trailing_fillers_start(token)]
    return stripped or token


def _leading_fillers_end(token: str) -> int:
    """Where the run of fillers at the token's start ends, the longest filler taken at each step (what the regex
    ^(?:fillers, longest first)+ matches)."""
    by_first, at = _fillers_by_first(), 0
    while at < len(token):
        word = next((w for w in by_first.get(token[at], ()) if token.startswith(w, at)), None)
        if word is None:
            break
        at += len(word)
    return at


def _trailing_fillers_start(token: str) -> int:
    """Where the earliest run of fillers that reaches the token's end starts (what (?:fillers)+$ removes); the
    token's length when none does."""
    by_first, longest = _fillers_by_first(), _longest_filler()
    reaches_end, earliest = {len(token)}, len(token)
    for at in range(len(token) - 1, -1, -1):
        if at + longest < earliest:
            break  # no filler starting here or before reaches a position that reaches the end
        if any(token.startswith(w, at) and at + len(w) in reaches_end for w in by_first.get(token[at], ())):
            reaches_end.add(at)
            earliest = at
    return earliest


@cache
def _longest_filler() -> int:
    return max(map(len, speaker_words().fillers.words), default=0)


@cache
def _fillers_by_first() -> dict[str, tuple[str, ...]]:
    """The fillers by their first character, longest first."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(speaker_words().fillers.words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word)
    return {first: tuple(words) for first, words in by_first.items()}


@cache
def pronoun_pattern() -> re.Pattern:
    words = speaker_words()
    alternatives = lambda pronouns: "|".join(sorted(map(re.escape, pronouns), key=len, reverse=True))  # noqa: E731
    return re.compile(rf"(?:(?P<plural>{alternatives(words.plural_pronouns)})|(?:{alternatives(words.single_pronouns)}))"
                      r"(?:$|的|\s(?:\S+)?$)")


def is_common_word(word: str) -> bool:
    """A word with a name's shape that holds a polity, body, title or group word of two or more characters
    (胡塞武装 is no 胡塞; 巴特尔 is a name although 巴 abbreviates Pakistan)."""
    return common_words().search(word) is not None


@cache
def common_words() -> WordPattern:
    words = speaker_words()
    return WordPattern(w for matcher in (words.polity, words.government, words.media, words.analyst, words.others,
                                         words.joint, words.documents, words.titles, words.roles, words.meetings)
                       for w in matcher.words if len(w) > 1)


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def side_of_words(text: str, *, anywhere: bool = False) -> str | None:
    """The side the words of a phrase put a speaker on: a polity at its start (`anywhere`: the last polity in it)
    followed by a government word (or alone), else media, analysts, others."""
    words = speaker_words()
    if FORMER.search(text):
        return "analyst"  # 德国前总理, 美国前国务卿: out of office, they speak for no government
    party = _foreign_party(text)
    if party is not None:
        return party  # 越共中央总书记, 古共中央第一书记: another country's communist party
    if words.prc_units.search(text) is not None and (words.government.search(text) or words.titles.search(text)) \
            and not any(words.polities[m.word] != "prc_gov" for m in words.polity.finditer(text) if len(m.word) > 1):
        return "prc_gov"  # 黑龙江省有关负责人, 大会主席团常务委员会委员
    anywhere = anywhere or text.isascii()  # English puts adjectives first: senior administration official
    polities = [m for m in words.polity.finditer(text) if anywhere or m.start == 0]
    polities = [m for k, m in enumerate(polities)  # 越南国家主席: 国家 names the state of the polity before it
                if not (k and polities[k - 1].end == m.start and len(polities[k - 1].word) > 1)
                and not (m.word in STATE_WORDS and any(len(p.word) > 1 and p.word not in STATE_WORDS
                                                       for p in polities[:k]))]  # 老挝建国阵线中央主席: Laos's
    for match in reversed(polities) if anywhere else polities:
        rest = text[match.end:].strip()
        single = len(match.word) == 1
        if not rest and not single or words.government.search(rest) and (
                not single or rest[:1] in "方军軍" or words.government.search(rest[:3])):
            if words.media.search(rest):
                return "media"
            return words.polities[match.word]
        if anywhere and any(m.search(rest) for m in (words.others, words.analyst, words.media)):
            break  # …会见美国商会会长: the polity nearest the name heads a business, not the one before
    if words.media.search(text):
        return "media"
    title = words.title_side.search(text) if not polities else None
    if title is not None:
        return words.title_sides[title.word]  # National Security Advisor: a title of one government only
    if words.analyst.search(text):
        return "analyst"
    if words.others.search(text):
        return "other"
    return None



def _foreign_party(text: str) -> str | None:
    """The side of X共中央 (越共, 古共: the communist party of the polity whose name starts with X), when X is not
    中 and starts the names of polities of one side only."""
    match = FOREIGN_PARTY.search(text) if "共" in text else None
    if match is None or match.group("initial") == "中":
        return None
    words = speaker_words()
    sides = {side for name, side in words.polities.items()
             if len(name) > 1 and not name.isascii() and name[0] == match.group("initial")}
    return sides.pop() if len(sides) == 1 else None

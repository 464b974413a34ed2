"""Attribution in the document's context: what one sentence cannot say alone.

Within a story (a CCTV programme holds many; a heading, a dateline or "###" starts the next): a quote that runs
over several sentences belongs to the speaker framed at its start or its end; a sentence that is all quote, or
that starts with its verb (同意…), continues the speaker before; a pronoun stands for the last person who spoke,
a bare title (总书记, the President) for the person the story most often gives that title, a document (文章,
主席令, 报道) for whoever issued it. Where the text does not settle it, the speaker stays null and
`speaker_inferred` names the likely one. Transcripts (MR. SULLIVAN:, Q) give every line to its label's speaker.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from ..text.normalize import alias_table, fold
from ..text.patterns import CLAUSE_END
from .groups import named_group, people_before, plural_at
from .issuers import issuer
from .subjects import WORK_TITLE, leading_subject
from .speakers import Speaker, joint, name_phrase, side_of_words, speaker_words
from .transcripts import holder_in_heading

STORY_BREAK = re.compile(r"#{2,}\s*[^\s#]|^\s*[^，,。：:]{0,16}?(?:消息|电|電)\s*[（(][^（）()]*[）)]\s*[：:]")
ENGLISH_ENCOUNTER = re.compile(r"\b(?:met|meets|spoke|speaks|held|holds|hosted|convened)\b")  # a readout's opening
APPOSITION = re.compile(r",\s+(?:who is\s+)?(?:the\s+)?([^,.;]{4,80})")  # ", who is Deputy Assistant to the President"
NAME_CONTEXT = 16  # characters before a name where its title or polity stands (法国总统马克龙)
ENGLISH_NAME_CONTEXT = 64  # the same in English (Principal Deputy National Security Advisor Jon Finer)
TITLE_CHAIN_CHARS = 48  # how far back a chain of titles before a name may start
RECENT = 3  # sentences back that a pronoun or a verb without subject may reach
GROUP_KINDS = frozenset({"other", "joint", "plural"})  # speakers a singular pronoun cannot stand for
QUOTED_BODIES = frozenset({"body", "other", "analyst", "media"})  # what 该机构 can stand for
SINGLE_KINDS = frozenset({"person", "anonymous", "analyst"})  # what 他/she can stand for


class Attribution(NamedTuple):
    type: str  # direct, indirect, unattributed
    speaker: Speaker | None = None
    verb: str | None = None
    verb_class: str | None = None
    inferred: str | None = None  # the likely speaker when the text does not settle it
    listener: str | None = None
    source: str | None = None
    opens: bool = True  # what it reports may run on into the sentences after it

    def as_dict(self) -> dict:
        attributed = self.type != "unattributed"
        speaker = self.speaker if attributed else None
        return {"type": self.type, "speaker": speaker.name if speaker else None,
                "side": speaker.side if speaker else None,
                "verb": self.verb if attributed else None, "verb_class": self.verb_class if attributed else None,
                "speaker_inferred": self.inferred, "listener": self.listener if attributed else None,
                "source": self.source}


UNATTRIBUTED = Attribution("unattributed")


@dataclass
class Story:
    """What the sentences read so far in this story say about who is who."""
    last: Speaker | None = None  # the last speaker
    last_at: int = -10  # its sentence number
    last_person: Speaker | None = None
    last_media: Speaker | None = None
    last_joint: Speaker | None = None  # the last joint speaker (the leaders, both sides)
    texts: list[str] = field(default_factory=list)  # folded sentences, for titles and sides of names
    documents: dict[str, Speaker] = field(default_factory=dict)  # document word -> who issued it
    transcript: Speaker | None = None
    previous: tuple[str, bytes, int] | None = None  # the last sentence without a speaker (text, quote bits, number)
    document: Iterable[str] = ()  # every folded sentence of the document, for the sides of names (last resort)
    sides: dict = field(default_factory=dict)  # folded name -> (story sentences read, the side found in them)
    heading: str | None = None  # the document's title: who its bare titles stand for when the story names no one

    def unattributed(self, text: str, quoted: bytes, at: int) -> None:
        self.previous = (text, quoted, at)

    def heard(self, speaker: Speaker, at: int) -> None:
        self.last, self.last_at = speaker, at
        if speaker.kind == "person":
            self.last_person = speaker
        if speaker.kind == "media":
            self.last_media = speaker
        if speaker.kind == "joint":
            self.last_joint = speaker


def is_story_break(text: str, heading: bool) -> bool:
    return heading or ("#" in text or "消息" in text or "电" in text or "電" in text) and bool(STORY_BREAK.search(text))


def resolve(speaker: Speaker, story: Story, at: int) -> tuple[Speaker | None, str | None]:
    """The speaker a frame's subject stands for, and the likely one when the text does not settle it."""
    recent = at - story.last_at <= RECENT
    if speaker.kind == "pronoun":
        introduced = _introduced(story, at)
        if introduced is not None:
            return introduced, None  # 王沪宁表示…。陈文清出席会议并讲话。他表示…: the person just introduced
        if recent and story.last is not None and story.last.kind in SINGLE_KINDS:
            return story.last, None
        introduced = _sole_person_before(story, at)
        if introduced is not None:
            return introduced, None
        if recent and story.last is not None and story.last.kind in GROUP_KINDS and story.last_person is not None:
            return story.last_person, None  # 李克强表示…。各方积极评价…。…他表示: 他 is no group
        return None, story.last_person.name if story.last_person else None
    if speaker.kind == "plural":
        group = _group_before(story)
        if group is not None:
            return group, None  # …让广东广大干部群众倍感振奋，大家表示…
        if recent and story.last is not None and story.last.kind != "person":
            return story.last, None
        introduced = _introduced(story, at, ("joint", "other"))
        if introduced is not None:
            return introduced, None  # The two leaders had a discussion… They agreed…; 与会阿方领导人…。他们表示
        counted = people_before(story.texts[-2]) if len(story.texts) > 1 and plural_at(story.texts[-1]) == 0 \
            else None
        if counted is not None:
            return counted._replace(side=side_in_story(counted.name, story) or "other"), None  # 4位学员代表发言。大家…
        group = named_group(story.texts[-2]) if len(story.texts) > 1 and plural_at(story.texts[-1]) is not None \
            else None
        if group is not None:
            return group, None  # …在广大干部群众中引起强烈反响。大家表示…
        if story.texts and story.texts[-1].isascii() and (story.last_joint is not None
                                                          or ENGLISH_ENCOUNTER.search(story.texts[0])):
            return story.last_joint or joint(), None  # Sullivan met with Yang Jiechi… They also underscored…
        return None, story.last.name if story.last else None
    if speaker.kind == "previous":
        if recent and story.last is not None:
            return story.last, None
        return None, story.last.name if story.last else None
    if speaker.kind == "abbreviated":
        return _abbreviation_in_story(speaker, story), None
    if speaker.kind == "demonstrative":  # 该机构称: the body quoted just before
        last = story.last
        return (last, None) if recent and last is not None and last.kind in QUOTED_BODIES else (None, None)
    if speaker.kind == "mentioned":  # 山口那津男表示: a person the story named before (会见…山口那津男)
        named_before = any(speaker.name in text for text in story.texts[:-1])
        return (Speaker(speaker.name, side_in_story(speaker.name, story) or "other", "person"), None) if named_before \
            else (None, None)
    if speaker.kind == "title":
        person = _titled(speaker.affiliation, story) or _holder(speaker.affiliation, story) \
            or holder_in_heading(speaker.affiliation, story.heading)  # Readout of President Biden's Meeting …
        return (person, None) if person else (None, None)
    if speaker.kind == "document":
        return issuer(speaker, story, at)
    if speaker.kind == "meeting" and speaker.side is None:
        return Speaker(speaker.name, _meeting_side(speaker.name, story) or (story.last.side if story.last else None),
                       "meeting"), None
    if speaker.side is None and speaker.name:
        return Speaker(speaker.name, side_in_story(speaker.name, story) or "other", speaker.kind,
                       speaker.affiliation), None
    return speaker, None


def _group_before(story: Story) -> Speaker | None:
    """The group the sentence names before its Chinese plural pronoun (…干部群众…，大家表示)."""
    at = plural_at(story.texts[-1]) if story.texts else None
    return named_group(story.texts[-1], at) if at else None


def _introduced(story: Story, at: int, kinds: tuple[str, ...] = ("person",)) -> Speaker | None:
    """The person the sentence just before (without a speaker of its own) is about: 王沪宁…会见… 他表示…"""
    if story.previous is None or story.previous[2] != at - 1:
        return None
    subject = leading_subject(story.previous[0], story.previous[1])
    if subject is None or subject.kind not in kinds or not subject.resolved:
        return None
    if subject.kind != "person":
        return subject
    return subject if subject.side else Speaker(subject.name, side_in_story(subject.name, story) or "other",
                                                 "person", subject.affiliation)


def _sole_person_before(story: Story, at: int) -> Speaker | None:
    """The one person the sentence just before names outside book titles (《习近平著作选读》…座谈会召开，…蔡奇出席
    会议并讲话。他表示…), when nobody has spoken yet in the story."""
    if story.last is not None or story.previous is None or story.previous[2] != at - 1:
        return None
    text = WORK_TITLE.sub("", story.previous[0])
    people = {subject.name: subject for clause in CLAUSE_END.split(text) if clause.strip()
              for subject in [leading_subject(clause, bytes(len(clause)))]
              if subject is not None and subject.kind == "person" and subject.resolved}
    return people.popitem()[1] if len(people) == 1 else None


def _titled(title: str | None, story: Story) -> Speaker | None:
    """The person this story most often names with `title` next to the name (ties: the first)."""
    if not title:
        return None
    people = speaker_words().people
    counts: Counter = Counter()
    for text in story.texts:
        for match in people.finditer(text):
            if title in text[max(0, match.start - NAME_CONTEXT):match.start] or text.startswith(title, match.end):
                counts[alias_table()[match.word].key] += 1
    if not counts:
        return None
    key = counts.most_common(1)[0][0]
    alias = next(a for a in alias_table().values() if a.key == key)
    return Speaker(key, alias.side or "other", "person")


def _holder(title: str | None, story: Story) -> Speaker | None:
    """A bare title (发言人表示) for the body or person the story last named with it (外交部发言人就…发表谈话)."""
    if not title:
        return None
    for text in reversed(story.texts):
        for match in reversed(list(re.finditer(r"([^\s，,。：:；;（）()]{2,12}?)" + re.escape(title), text))):
            named = name_phrase(match.group(0))
            if named is not None and named.resolved and named.side is not None:
                return named
    return None


def _meeting_side(meeting: str, story: Story) -> str | None:
    """The side of the body that held the meeting, named with it earlier (召开国务院常务会议)."""
    words = speaker_words()
    for text in story.texts:
        at = text.find(meeting)
        if at > 0:
            polities = [m for m in words.polity.finditer(text[max(0, at - NAME_CONTEXT):at]) if len(m.word) > 1]
            if polities:
                return words.polities[polities[-1].word]
    return None


def side_in_story(name: str, story: Story) -> str | None:
    """The side the story gave a name where it first came with a title or polity (法国总统马克龙), or with the
    chain of titles before it (中共中央政治局常委、国务院副总理、…领导小组组长丁薛祥). The story's sentences
    are read once per name: a later call starts where the last one stopped (sentences are only added)."""
    key = fold(name)
    scanned, side = story.sides.get(key, (0, None))
    if side is None:
        side = _side_in_texts(key, story.texts[scanned:])
        story.sides[key] = (len(story.texts), side)
    if side is None and (key, None) not in story.sides:
        story.sides[(key, None)] = side = _side_in_texts(key, story.document)  # another story of the programme
    if side is None and story.sides.get((key, None)) is None and "和" in key:  # a pair's name (compound_speakers)
        sides = {side_in_story(part, story) for part in key.split("和", 1)}
        return sides.pop() if len(sides) == 1 else None  # 米歇尔和冯德莱恩: the side both have
    return side if side is not None else story.sides.get((key, None))


def _side_in_texts(key: str, texts) -> str | None:
    """The side the first text naming `key` gives by a title or polity before it (English: or in apposition after)."""
    for text in texts:
        at = text.find(key)
        while at >= 0:
            window = ENGLISH_NAME_CONTEXT if key.isascii() else NAME_CONTEXT
            side = side_of_words(text[max(0, at - window):at], anywhere=True)
            if side is None:
                side = side_of_words(_title_chain(text, at), anywhere=True)
            apposition = APPOSITION.match(text, at + len(key)) if side is None and key.isascii() else None
            if apposition is not None:
                side = side_of_words(apposition.group(1), anywhere=True)
            if side is not None:
                return side
            at = text.find(key, at + 1)
    return None


def _title_chain(text: str, at: int) -> str:
    """The titles before a name, back to the clause's start: a chain of them joined by 、 runs past NAME_CONTEXT."""
    start = max(0, at - TITLE_CHAIN_CHARS)
    breaks = [m.end() for m in CLAUSE_END.finditer(text, start, at)]
    return text[breaks[-1] if breaks else start:at]


def _abbreviation_in_story(speaker: Speaker, story: Story) -> Speaker | None:
    """古方, 墨方: the polity the story names that starts with that character (古巴), on its side; none when the
    story names no such polity or several of different sides."""
    words = speaker_words()
    initial = speaker.name[0]
    sides = {words.polities[m.word] for text in story.texts for m in words.polity.finditer(text)
             if len(m.word) > 1 and m.word[0] == initial and not m.word.isascii()}
    return Speaker(speaker.name, sides.pop(), "body") if len(sides) == 1 else None

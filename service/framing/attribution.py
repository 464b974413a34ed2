"""Per sentence: who says it (direct quote, indirect speech or unattributed), with which reporting verb,
from which side; which sources it names; its term choices, scare quotes, hedges and numbers.

A sentence's frame (frames.py) is read alone; the document settles what the sentence leaves open (context.py:
pronouns, titles, documents, transcripts; speech.py: quotations and speech that run over several sentences).
Quotes are tracked over the whole paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache

from ..models import Article
from ..text.normalize import alias_table, fold
from ..text.sentences import HAN, caption_sentences
from .context import UNATTRIBUTED, Attribution, Story, is_story_break, resolve, side_in_story
from .transcripts import REPORTER, ends_transcript, holder_in_heading, introduced_reporter, is_host, transcript_speaker
from .issuers import issues, issues_document, record_issuing
from .frames import NO_FRAME, Frame, parse_frame
from .reading import quote_bits, quote_mask, read
from .sentence_framing import SentenceFraming, sentence_framing
from .speakers import Speaker, name_phrase, speaker_words
from .continuation import continuation_model
from .speech import all_quoted, is_utterance, opens_like_speech, quote_runs, self_reference
from .unframed import Decide, unframed_attribution

__all__ = ["ArticleText", "SentenceFraming", "frame_article", "quote_mask"]
CHINESE = re.compile(f"[{HAN}]")
FIRST_PERSON_START = re.compile(r"\s*(?:我们|我們|我(?![国國军軍方]))")  # 我们将…: only the speaker says 我
PAST_START = re.compile(r"\s*(?:昨天|前天|日前|此前|去年|上周|上月)")  # 昨天两党总书记…: a time before the speech
RECOUNTED_PROPOSAL = re.compile(r"(?:提出|提出的|倡导|倡議|倡议)")  # 习近平主席提出…倡议: a proposal recounted
# 关于乌克兰危机，中方已经多次阐明立场。: a paragraph that takes up the next topic of the speech before it
TOPIC_OPENING = re.compile(r"\s*(?:关于|關於)[^，,。；;]{1,20}[，,]")
MODAL_AFTER_SUBJECT = re.compile(r"\s*(?:都|也|还|還)?(?:要|应该|應該|应当|應當|应|應|需要|必须|必須|务必|務必)(?![求邀急对對])")
ADDRESS = re.compile(r"你们|你們|您|你|(?:总统|總統|首相|总理|總理|主席|国王|國王)(?:先生|女士|阁下|閣下)")  # the listener
ARTICLE_CACHE_SIZE = 256  # articles framed (the text caches hold their sentences)


class Line(NamedTuple):
    """A body sentence with what its paragraph says about it."""
    index: int  # the sentence's index in the article
    text: str
    quoted: bytes  # one byte per character, 1 inside quotation marks (tracked over the paragraph)
    first: bool  # opens its paragraph
    heading: bool
    run: int | None  # the quotation it shares with the sentences around it
    framed_paragraph: object  # the speaker of the paragraph's first frame (True: a frame naming no one), or False


@dataclass(frozen=True)
class ArticleText:
    """What framing reads of an article, hashable: a comparison that meets an article again (a repost, the same
    articles compared again) frames it once."""
    paragraphs: tuple  # (index, text, heading)
    sentences: tuple  # (index, paragraph, text)
    captions: tuple
    title: str | None = None  # the heading: who THE PRESIDENT: of a transcript is

    @classmethod
    def of(cls, article: Article) -> "ArticleText":
        return cls(tuple((p.index, p.text, p.heading) for p in article.paragraphs),
                   tuple((s.index, s.paragraph, s.text) for s in article.sentences), tuple(article.captions),
                   article.title)


def frame_article(article: Article | ArticleText) -> dict[int, SentenceFraming]:
    """Framing of every sentence of the article, by sentence index (caption sentences numbered after the body's).
    The framings are shared between calls: never modify them."""
    return dict(_frame_text(article if isinstance(article, ArticleText) else ArticleText.of(article)))


@lru_cache(maxsize=ARTICLE_CACHE_SIZE)
def _frame_text(article: ArticleText) -> tuple[tuple[int, SentenceFraming], ...]:
    return framed_sentences(article, continuation_model().decide)


def framed_sentences(article: ArticleText, decide: Decide) -> tuple[tuple[int, SentenceFraming], ...]:
    """Framing of every sentence, with `decide` giving the last word on unframed speech that runs on (fitting
    the model passes a recorder of the rules' answers)."""
    lines, frames = _lines(article)
    runs: dict[int, list[int]] = {}
    for k, line in enumerate(lines):
        if line.run is not None:
            runs.setdefault(line.run, []).append(k)
    document = _Document(lines)
    story, found = Story(document=document, heading=article.title), []
    hosts = _hosts_side(lines) if lines and lines[0].text[:1].isascii() else None
    for k, line in enumerate(lines):
        text = line.text
        if line.first:
            label = transcript_speaker(text)
            if label is not None and label.kind == "title":
                label = holder_in_heading(label.affiliation, article.title) or resolve(label, story, k)[0] \
                    or label._replace(name=label.affiliation.title(), kind="person")
            elif label is not None and label.kind == "person" and " " in (label.name or "") \
                    and alias_table().get(fold(label.name)) is None:
                label = holder_in_heading(label.name, article.title) or label  # PRIME MINISTER LEE: Lee Hsien Loong
            if label is not None and label.side is None and hosts is not None and is_host(label, text):
                label = label._replace(side=hosts)  # MODERATOR: the host of the officials' call
            elif label is not None and label.side is None and label.kind == "person" and label.name:
                label = label._replace(side=side_in_story(label.name, story))  # MR. CAMPBELL: as introduced
            if label is not None or ends_transcript(text):
                story.transcript = label
            if label is None and is_story_break(text, line.heading):
                story = Story(document=document, heading=article.title)
        elif is_story_break(text, False):
            story = Story(document=document, heading=article.title)
        if story.transcript is REPORTER and (line.first or lines[k - 1].first):
            story.transcript = introduced_reporter(text) or REPORTER  # Q Marc Stewart from CNN.: he asks
        reading = read(text, line.quoted)
        story.texts.append(reading.folded)
        issuing = issues(reading)
        if issuing and frames[k].speaker is not None and frames[k].speaker.kind == "document":
            record_issuing(text, line.quoted, reading.folded, story, None)  # …发表《…》白皮书，再次宣示…: its issuer
        attribution = _attribution(k, lines, frames, found, story, runs, decide)
        if attribution.speaker is not None:
            story.heard(attribution.speaker, k)
            relay = _outlet(attribution.source) if attribution.source else None
            if relay is not None and attribution.speaker.kind != "media":
                story.last_media = relay  # 据路透社援引消息人士的话报道…。报道说…: the outlet, not its sources
        else:
            story.unattributed(text, line.quoted, k)
        if issuing or issues_document(attribution):
            record_issuing(text, line.quoted, reading.folded, story, attribution.speaker)
        found.append(attribution)
    result = [(line.index, sentence_framing(line.text, line.quoted, attribution))
              for line, attribution in zip(lines, found)]
    for caption in caption_sentences(list(article.captions), len(article.sentences)):
        quoted = bytes(quote_mask(caption.text))
        result.append((caption.index, sentence_framing(caption.text, quoted, _alone(caption.text, quoted))))
    return tuple(result)


class _Document:
    """The folded sentences of the whole document, read only when a name's side is needed beyond its story."""

    def __init__(self, lines: list[Line]):
        self._lines, self._texts = lines, None

    def __iter__(self):
        if self._texts is None:
            self._texts = tuple(read(line.text, line.quoted).folded for line in self._lines)
        return iter(self._texts)


class _UnnamedFrames:
    """Whether a paragraph without a named frame has a clause-opening reporting verb: asked only when speech
    might run into the paragraph (rarely), so worked out then."""
    __slots__ = ("_sentences", "_bits", "_value")

    def __init__(self, sentences, bits):
        self._sentences, self._bits, self._value = sentences, bits, None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = any(_reports(sentence, quoted) for (_, sentence), quoted in zip(self._sentences, self._bits))
        return self._value


def _reports(text: str, quoted: bytes) -> bool:
    """A reporting verb outside quotes that opens a clause, whose speaker no rule names (…共同致信习近平主席，…，
    表示…): the paragraph still has a frame of its own."""
    return any(outside and match.start > 0 and text[match.start - 1] in "，,"
               for match, outside in read(text, quoted).hits.get("verb", ()))


def _hosts_side(lines: list[Line]) -> str | None:
    """The side of the officials a transcript's labels name (SENIOR ADMINISTRATION OFFICIAL, MR. SULLIVAN), when
    they are all on one; questioners are left out."""
    sides = set()
    for line in lines:
        if line.first and line.text[:1].isupper():
            label = transcript_speaker(line.text)
            if label is not None and label.side not in (None, "media"):
                sides.add(label.side)
    return sides.pop() if len(sides) == 1 else None


def _lines(article: ArticleText) -> tuple[list[Line], list[Frame]]:
    by_paragraph: dict[int, list[tuple[int, str]]] = {}
    for index, paragraph, text in article.sentences:
        by_paragraph.setdefault(paragraph, []).append((index, text))
    lines, frames, runs_before = [], [], 0
    for paragraph, text, heading in article.paragraphs:
        sentences = by_paragraph.get(paragraph)
        if not sentences:
            continue
        mask, bits, cursor = quote_bits(text), [], 0
        for _, sentence in sentences:
            start = text.find(sentence, cursor)
            start = cursor if start < 0 else start
            cursor = start + len(sentence)
            bits.append(mask[start:cursor])
        own = [parse_frame(sentence, quoted) for (_, sentence), quoted in zip(sentences, bits)]
        framed = next((frame.speaker or True for frame in own if frame is not NO_FRAME), None) or \
            _UnnamedFrames(sentences, bits)
        runs = quote_runs(bits)
        for k, ((index, sentence), quoted, run) in enumerate(zip(sentences, bits, runs)):
            lines.append(Line(index, sentence, quoted, k == 0, heading, None if run is None else runs_before + run,
                              framed))
        runs_before += max(filter(None, runs), default=0)
        frames += own
    return lines, frames


def _attribution(k: int, lines: list[Line], frames: list[Frame], found: list[Attribution], story: Story,
                 runs: dict[int, list[int]], decide: Decide) -> Attribution:
    line, frame = lines[k], frames[k]
    text, quoted = line.text, line.quoted
    if story.transcript is not None:
        return Attribution("direct", story.transcript)
    if frame is not NO_FRAME:
        if frame.speaker is not None and frame.speaker.kind == "abbreviated":  # 古方: which polity, the story says
            frame = frame._replace(speaker=resolve(frame.speaker, story, k)[0])
        before = found[k - 1] if k and (not line.first or line.run is not None and lines[k - 1].run == line.run
                                         or opens_like_speech(text) or TOPIC_OPENING.match(text)) else None
        if before is not None and before.type != "unattributed" and (self_reference(frame, before.speaker)
                                                                     or _embedded(frame, before)
                                                                     or _recalled(frame, before, line)
                                                                     or _first_person(frame, before, text)
                                                                     or _attitude(frame, before)
                                                                     or _prescribed(frame, before, text, quoted)
                                                                     or _recounted(frame, before, line)
                                                                     or _addressed(frame, before, text, quoted)):
            return Attribution(before.type, before.speaker)  # 美方认同…, 峰会宣布了…: in the words of the speaker
        after_quote = k > 0 and not frame.content and all_quoted(read(lines[k - 1].text, lines[k - 1].quoted))
        return _framed(text, quoted, frame, story, k, after_quote)
    return unframed_attribution(k, lines, frames, found, story, runs, decide)


def _embedded(frame: Frame, before: Attribution) -> bool:
    """A frame of a body, meeting or document that opens no speech of its own (峰会宣布了…行动) inside a person's
    running speech: part of what the person says."""
    return (before.speaker is not None and before.speaker.kind == "person" and before.opens and not frame.opens
            and frame.speaker is not None and frame.speaker.kind in ("body", "meeting", "document", "media", "joint"))


def _recalled(frame: Frame, before: Attribution, line: Line) -> bool:
    """Inside a person's speech, in its paragraph, what the two leaders agreed before (昨天两党总书记一致同意…), or
    agreed in the talks the person's unframed speech recounts (…。要切实执行…。双方一致认为…): the person tells it."""
    return (not line.first and before.speaker is not None and before.speaker.kind == "person"
            and frame.speaker is not None and frame.speaker.kind == "joint"
            and (PAST_START.match(line.text) is not None  # 昨天两党总书记一致同意…
                 or before.verb is None and frame.source is None and CHINESE.search(line.text) is not None))


def _attitude(frame: Frame, before: Attribution) -> bool:
    """A sentence that opens with an attitude verb (欢迎…, 感谢…, 相信…) inside a person's running speech: more of
    it, not a frame of its own."""
    return (frame.subjectless and frame.verb_class in ("conciliatory", "belief") and before.speaker is not None
            and before.speaker.kind == "person")


def _prescribed(frame: Frame, before: Attribution, text: str, quoted: bytes) -> bool:
    """双方要…, 两国应当… inside a person's running speech: what the person says both sides should do, not a report
    of what they said."""
    if before.speaker is None or before.speaker.kind != "person" or frame.speaker is None \
            or frame.speaker.kind != "joint":
        return False
    outside = read(text, quoted).outside
    start = len(outside) - len(outside.lstrip())
    joint_word = speaker_words().joint.starts(outside[start:])
    return joint_word is not None and MODAL_AFTER_SUBJECT.match(outside, start + joint_word.end) is not None


def _recounted(frame: Frame, before: Attribution, line: Line) -> bool:
    """Inside a person's running speech, in its paragraph, another person named with an honorific title
    who proposed something (…。习近平主席提出全球发展倡议，主张加强国际对话合作) or is the object of the sentence
    (古巴人民十分钦佩习近平主席，衷心感谢…): the speaker recounts it; a sentence that opens with the titled name and
    its verb is that person's own (习近平总书记强调，…; 习近平主席同普京总统会晤，就…交换意见)."""
    if line.first or before.speaker is None or before.speaker.kind != "person" or frame.speaker is None \
            or frame.speaker.kind != "person" or not frame.speaker.name or frame.speaker.name == before.speaker.name:
        return False
    folded, name = fold(line.text), fold(frame.speaker.name)
    at = folded.find(name)
    title = speaker_words().titles.starts(folded[at + len(name):]) if at >= 0 else None
    if title is None:
        return False
    after = at + len(name) + title.end
    return RECOUNTED_PROPOSAL.match(folded, after) is not None or folded[:at].strip(" ，,") != ""


def _addressed(frame: Frame, before: Attribution, text: str, quoted: bytes) -> bool:
    """A frame that speaks to its listener before its verb (习近平主席同你友好会见, 同首相先生会晤，就…交换意见)
    inside a person's speech: the person tells the guest, to his face, what was done; narration addresses no one."""
    if before.speaker is None or before.speaker.kind != "person" or frame.verb is None:
        return False
    outside = read(text, quoted).outside
    verb_at = outside.find(frame.verb)
    return verb_at > 0 and ADDRESS.search(outside, 0, verb_at) is not None


def _first_person(frame: Frame, before: Attribution, text: str) -> bool:
    """A frame whose subject is 我 with another (我同普京总统一致认为…) inside a person's speech: still the person."""
    return (before.speaker is not None and before.speaker.kind == "person" and CHINESE.search(text) is not None
            and FIRST_PERSON_START.match(text) is not None and frame.speaker is not None
            and frame.speaker.name != before.speaker.name)


def _framed(text: str, quoted: bytes, frame: Frame, story: Story, number: int, after_quote: bool) -> Attribution:
    """The attribution the sentence's own frame gives, its references resolved in the story."""
    if frame.speaker is None:
        return UNATTRIBUTED
    speaker, inferred = resolve(frame.speaker, story, number)
    kind = "direct" if is_utterance(text, quoted) or not frame.content and after_quote else "indirect"
    if speaker is None:
        return Attribution(kind, None, frame.verb, frame.verb_class, inferred, frame.listener, frame.source,
                           frame.opens) if inferred else UNATTRIBUTED
    return Attribution(kind, speaker, frame.verb, frame.verb_class, None, frame.listener, frame.source, frame.opens)


def _outlet(source: str) -> Speaker | None:
    """The outlet a source names, if it names one."""
    named = name_phrase(fold(source))
    return named if named is not None and named.kind == "media" else None


def _alone(text: str, quoted: bytes) -> Attribution:
    """A caption: its own frame only."""
    frame = parse_frame(text, quoted)
    if frame.speaker is None or not frame.speaker.resolved:
        return UNATTRIBUTED
    return Attribution("direct" if is_utterance(text, quoted) else "indirect", frame.speaker, frame.verb,
                       frame.verb_class, None, frame.listener, frame.source)

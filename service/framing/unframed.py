"""A sentence without a frame of its own: the quotation it shares with a framed sentence, the speaker an
all-quote sentence goes on from or the next sentence names, speech that runs on past a sentence no rule kept in
it, or the running speaker's unframed speech, which the rules answer first and the fitted decision
(continuation.py) last.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..text.sentences import HAN_CHARACTER as CHINESE
from .context import UNATTRIBUTED, Attribution, Story, resolve
from .continuation import DATA_SHOWN, Point
from .frames import NO_FRAME, Frame
from .reading import read
from .speakers import Speaker
from .subjects import leading_subject
from .speech import (FIRST_PERSON_CLAUSE, NEWS_TIME_START, SELF_REFERENCE_CHARS, all_quoted, goes_on, is_utterance, narrates,
                     opens_like_speech)

if TYPE_CHECKING:
    from .attribution import Line

Decide = Callable[[Point], bool]


def unframed_attribution(k: int, lines: list[Line], frames: list[Frame], found: list[Attribution], story: Story,
                         runs: dict[int, list[int]], decide: Decide) -> Attribution:
    """The attribution of sentence `k`, which has no frame of its own; `decide` gives the last word on whether
    the running speaker goes on (the fitted model, or the rules alone when fitting it)."""
    line = lines[k]
    text, quoted = line.text, line.quoted
    if line.run is not None:
        for other in runs[line.run]:
            if other != k and frames[other].speaker is not None:
                speaker, _ = resolve(frames[other].speaker, story, k)
                if speaker is not None:
                    return Attribution("direct", speaker)
    reading = read(text, quoted)
    if all_quoted(reading):
        if story.last is not None and k - story.last_at <= 1:
            return Attribution("direct", story.last)
        named = _named_after(frames[k + 1], story, k) if k + 1 < len(lines) else None
        return named or (Attribution("direct", None, inferred=story.last.name) if story.last else UNATTRIBUTED)
    if story.last_at == k - 2 and k and found[k - 1].type == "unattributed" and (FIRST_PERSON_CLAUSE.match(text) or (
            opens_like_speech(text) and frames[k - 1] is NO_FRAME)) and story.last is not None \
            and (story.last.kind == "person" or _announces(lines[k - 1], story.last)) \
            and not narrates(read(lines[k - 1].text, lines[k - 1].quoted).folded) \
            and CHINESE.search(text):  # 我们将…, 双方应…, 三是…: the speech goes on past a sentence no rule kept in it
        found[k - 1] = Attribution("indirect", story.last)  # …。习近平总书记…作出顶层设计。我们将…: one speech
        return Attribution("indirect", story.last)
    if story.last is None or NEWS_TIME_START.match(text):
        return UNATTRIBUTED  # 日前，…项目正式开工: the outlet's news of the days before is never the speaker's (dev: none)
    point = Point(text, quoted, line.first, line.framed_paragraph, found[k - 1] if k else None,
                  lines[k - 1].text if k else "", story, k,
                  line.index, _runs_on(k, lines, found, story))
    if decide(point):
        return Attribution("direct" if is_utterance(text, quoted) else "indirect", story.last)
    return UNATTRIBUTED


def _announces(line: Line, speaker: Speaker) -> bool:
    """The sentence before is the running speaker's own doing (会议部署城市工作7个方面的重点任务。一是…): a body or
    meeting that goes on to list what it set out."""
    subject = leading_subject(line.text, line.quoted)
    return subject is not None and subject.name is not None and subject.name == speaker.name


def _runs_on(k: int, lines: list[Line], found: list[Attribution], story: Story) -> bool:
    """The rules' answer: whether the running speaker's speech goes on into sentence `k`."""
    line = lines[k]
    text, quoted = line.text, line.quoted
    reading = read(text, quoted)
    if story.last_at != k - 1 or reading.hits.get("evidential") or narrates(reading.folded):
        return False
    if CHINESE.search(text) is None:
        return False  # English reported speech does not run on without a frame (quotes and transcripts do)
    listed = opens_like_speech(text)  # 一是…, 第一，…, 我们要…
    if not found[k - 1].opens and not listed or DATA_SHOWN.search(lines[k - 1].text):
        return False  # 阿东宣布大会开幕。全体起立…; …发布最新数据显示，…。截至一季度末，…: figures, no speech
    # within a paragraph; into one that opens like speech, or has no frame and follows speech that ran on unframed
    own_later = line.framed_paragraph  # 世界好，…。习近平主席…强调: the paragraph's frame is the running speaker's
    same_later = isinstance(own_later, Speaker) and own_later.name is not None and own_later.name == story.last.name
    own_country = isinstance(own_later, Speaker) and own_later.name is not None and story.last.kind == "person" \
        and own_later.kind == "body" and own_later.side == story.last.side \
        and len(own_later.name) <= SELF_REFERENCE_CHARS  # 王毅说，…。¶中国始终…。…。中方敦促…: his country in his words
    runs_on = not line.first or listed or own_country or (not own_later or same_later) and (
        found[k - 1].type == "indirect" and found[k - 1].verb is None)
    return runs_on and goes_on(text, quoted, story.last, not line.first and same_later and story.last.kind == "person")


def _named_after(following: Frame, story: Story, number: int) -> Attribution | None:
    """An all-quote sentence whose speaker the next sentence names on its own ("”…“ 罗伯特·戴利强调。")."""
    if following.speaker is None or following.content:
        return None
    speaker, _ = resolve(following.speaker, story, number)
    return Attribution("direct", speaker) if speaker is not None else None

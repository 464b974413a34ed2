"""Whether a sentence without a frame of its own goes on from the story's running speaker: a fitted decision.

The rules (unframed.py, speech.py) give a first answer; a logistic regression over that answer and what the
sentence and its place say (its opening, its subject, the distance to the speaker's last sentence, the paragraph,
the speaker's kind and side) gives the last one. Fitted offline on the dev gold by `python -m
service.train_continuation` and shipped as plain JSON (data/continuation_model.json: feature names,
coefficients, threshold, the training data's digest and leave-one-document-out figures; no pickle).
"""
from __future__ import annotations

import math
import operator
import re
from functools import cache
from typing import NamedTuple

from ..datafiles import load_json
from ..text.sentences import HAN_CHARACTER as CHINESE
from .context import Attribution, Story
from .reading import read
from .speakers import Speaker
from .speech import (DEONTIC, FIRST_PERSON_CLAUSE, FUTURE, NEWS_TIME_START, NO_RESPONSE, THIRD_PERSON_START,
                     is_utterance, names_outside_quotes, narrates, opens_like_speech, title_possessive)
from .subjects import leading_subject

MODEL_FILE = "continuation_model.json"
DIGIT = re.compile(r"\d")
SECOND_PERSON = re.compile(r"你们|你們|您|你")  # 祖国和人民感谢你们！: someone is talking to someone
VOCATIVE = re.compile(r"先生|女士|阁下|閣下")  # 同总理先生举行会晤: a leader speaks of his guest to his face
FIRST_PERSON_PLURAL = re.compile(r"我们|我們|咱们|咱們")
DATA_SHOWN = re.compile(r"(?:数据|數據)(?:显示|顯示|表明)")  # a release of figures: what follows is figures
LONG_CHARS = 100  # the length feature counts in hundreds of characters, up to two
FREE_FEATURES = ("rule", "gap_1", "gap_2", "opens_paragraph", "previous_direct", "previous_opens",
                 "previous_verbless", "speaker_person", "speaker_body", "speaker_joint", "speaker_prc", "speaker_us",
                 "paragraph_framed_by_speaker", "paragraph_framed_by_other", "paragraph_unframed")
CHEAP_FEATURES = ("opens_like_speech", "first_person", "deontic", "future", "news_time", "no_response",
                  "third_person", "latin", "second_person", "vocative", "exclaims", "first_person_plural",
                  "title_possessive", "evidential", "figures_before", "length", "digits")
DEAR_FEATURES = ("narrates", "subject_none", "subject_is_speaker", "subject_person", "subject_body_same_side",
                 "subject_body_other_side", "subject_joint", "speaker_named", "utterance")
FEATURES = FREE_FEATURES + CHEAP_FEATURES + DEAR_FEATURES
STAGE_FEATURES = (FREE_FEATURES + CHEAP_FEATURES, DEAR_FEATURES)


class Point(NamedTuple):
    """An unframed sentence in a story with a running speaker, and the rules' answer."""
    text: str
    quoted: bytes
    opens_paragraph: bool
    framed_paragraph: object  # the speaker of the paragraph's first frame (True: a frame naming no one), or False
    previous: Attribution | None  # the attribution of the sentence before
    previous_text: str
    story: Story
    number: int  # the sentence's number among the document's body sentences
    index: int  # the sentence's index in the article
    rule: bool  # the rules say the running speaker goes on


MAXIMA = {"length": 2.0}  # the largest value of each feature: 1 unless listed


def features(point: Point) -> tuple[float, ...]:
    """The point's features, in FEATURES order."""
    return _free(point) + _cheap(point) + _dear(point)


def _flags(*values) -> tuple[float, ...]:
    return tuple(1.0 if value else 0.0 for value in values)


def _free(point: Point) -> tuple[float, ...]:
    """The features the point's fields settle, no text read (FREE_FEATURES, in order)."""
    last, previous, framed = point.story.last, point.previous, point.framed_paragraph
    gap = point.number - point.story.last_at
    side = last.side or ""
    framed_by = framed.name if isinstance(framed, Speaker) else None
    return _flags(point.rule, gap == 1, gap == 2, point.opens_paragraph,
                  previous is not None and previous.type == "direct", previous is not None and previous.opens,
                  previous is not None and previous.verb is None,
                  last.kind == "person", last.kind == "body", last.kind == "joint", side.startswith("prc"),
                  side.startswith("us"), framed_by is not None and framed_by == last.name,
                  framed_by is not None and framed_by != last.name, not framed)


def _cheap(point: Point) -> tuple[float, ...]:
    """The features a pattern or two settles (CHEAP_FEATURES, in order)."""
    text = point.text
    reading = read(text, point.quoted)
    outside = reading.outside
    return _flags(
        opens_like_speech(text), FIRST_PERSON_CLAUSE.match(text), DEONTIC.search(text), FUTURE.search(text),
        NEWS_TIME_START.match(text), NO_RESPONSE.search(text), THIRD_PERSON_START.match(text),
        CHINESE.search(text) is None, SECOND_PERSON.search(outside), VOCATIVE.search(outside),
        text.rstrip().endswith(("！", "!")), FIRST_PERSON_PLURAL.search(outside), title_possessive(text),
        reading.hits.get("evidential"), DATA_SHOWN.search(point.previous_text),
    ) + (min(len(text) / LONG_CHARS, 2.0), min(10 * len(DIGIT.findall(text)) / max(len(text), 1), 1.0))


def _dear(point: Point) -> tuple[float, ...]:
    """The features that need the sentence's subject named or its quotes and narration read (DEAR_FEATURES, in
    order)."""
    text, quoted, last = point.text, point.quoted, point.story.last
    subject = leading_subject(text, quoted)
    kind = subject.kind if subject is not None and subject.resolved else None
    own = kind is not None and subject.name is not None and subject.name == last.name
    return _flags(
        narrates(read(text, quoted).folded), kind is None, own, kind == "person" and not own,
        kind == "body" and not own and subject.side == last.side, kind == "body" and not own and subject.side != last.side,
        kind == "joint",
        last.kind == "person" and bool(last.name) and names_outside_quotes(text, quoted, last.name),
        is_utterance(text, quoted))


STAGES = (lambda point: _free(point) + _cheap(point), _dear)  # the features of STAGE_FEATURES, in order


class ContinuationModel(NamedTuple):
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float  # the probability at which the speaker goes on

    def logit(self, values: tuple[float, ...]) -> float:
        return sum(c * v for c, v in zip(self.coefficients, values)) + self.intercept

    def decide(self, point: Point) -> bool:
        """Whether the running speaker goes on into the point's sentence: the logit at the threshold, each stage of
        features worked out only when the stages before leave the answer open (the same answer, a fraction of the
        cost: few points need their subject named; none is settled by its fields alone, so they go with the
        patterns)."""
        weights, cut, ranges = _weights(self)
        logit = self.intercept
        for stage, stage_weights, (lowest, highest) in zip(STAGES, weights, ranges):
            logit += sum(map(operator.mul, stage_weights, stage(point)))
            if logit + highest < cut:
                return False
            if logit + lowest >= cut:
                return True
        return logit >= cut


@cache
def _weights(model: ContinuationModel) -> tuple[tuple[tuple[float, ...], ...], float, tuple[tuple[float, float], ...]]:
    """The coefficients of each stage's features (in STAGE_FEATURES order), the logit at the threshold, and the
    least and most the stages after each stage can add to the logit."""
    by_name = dict(zip(FEATURES, model.coefficients))
    weights = tuple(tuple(by_name[name] for name in names) for names in STAGE_FEATURES)
    reach = [[by_name[name] * MAXIMA.get(name, 1.0) for name in names] for names in STAGE_FEATURES]
    ranges = tuple((sum(min(0.0, r) for later in reach[k + 1:] for r in later),
                    sum(max(0.0, r) for later in reach[k + 1:] for r in later)) for k in range(len(reach)))
    return weights, math.log(model.threshold / (1 - model.threshold)), ranges


@cache
def continuation_model() -> ContinuationModel:
    """The shipped model; its features must be FEATURES, in order."""
    data = load_json(MODEL_FILE)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features: refit with python -m service.train_continuation")
    return ContinuationModel(tuple(data["coefficients"]), data["intercept"], data["threshold"])

"""Whether a sentence without a frame of its own goes on from the story's running speaker: a fitted decision.

The rules (unframed.py, speech.py) give a first answer; a logistic regression over that answer and what the
sentence and its place say (its opening, its subject, the distance to the speaker's last sentence, the paragraph,
the speaker's kind and side) gives the last one. Fitted offline on the dev gold by `python -m
service.train_continuation` and shipped as plain JSON (data/continuation_model.json: feature names,
coefficients, threshold, the training data's digest and leave-one-document-out figures; no pickle).
"""
from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

from ..datafiles import load_json
from ..text.sentences import HAN
from .context import Attribution, Story
from .reading import read
from .speakers import Speaker
from .speech import (DEONTIC, FIRST_PERSON_CLAUSE, FUTURE, NEWS_TIME_START, NO_RESPONSE, THIRD_PERSON_START,
                     is_utterance, names_outside_quotes, narrates, opens_like_speech, title_possessive)
from .subjects import leading_subject

MODEL_FILE = "continuation_model.json"
CHINESE = re.compile(f"[{HAN}]")
DIGIT = re.compile(r"\d")
SECOND_PERSON = re.compile(r"你们|你們|您|你")  # 祖国和人民感谢你们！: someone is talking to someone
VOCATIVE = re.compile(r"先生|女士|阁下|閣下")  # 同总理先生举行会晤: a leader speaks of his guest to his face
FIRST_PERSON_PLURAL = re.compile(r"我们|我們|咱们|咱們")
DATA_SHOWN = re.compile(r"(?:数据|數據)(?:显示|顯示|表明)")  # a release of figures: what follows is figures
LONG_CHARS = 100  # the length feature counts in hundreds of characters, up to two
FEATURES = ("rule", "gap_1", "gap_2", "opens_paragraph", "opens_like_speech", "first_person", "narrates", "deontic",
            "future", "news_time", "no_response", "third_person", "previous_direct", "previous_opens",
            "previous_verbless", "speaker_person", "speaker_body", "speaker_joint", "speaker_prc", "speaker_us",
            "subject_none", "subject_is_speaker", "subject_person", "subject_body_same_side",
            "subject_body_other_side", "subject_joint", "speaker_named", "utterance", "length", "digits",
            "paragraph_framed_by_speaker", "paragraph_framed_by_other", "paragraph_unframed", "latin",
            "second_person", "vocative", "exclaims", "first_person_plural", "title_possessive", "evidential",
            "figures_before")


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


def features(point: Point) -> tuple[float, ...]:
    """The point's features, in FEATURES order."""
    text, quoted, last, previous = point.text, point.quoted, point.story.last, point.previous
    gap = point.number - point.story.last_at
    reading = read(text, quoted)
    subject = leading_subject(text, quoted)
    kind = subject.kind if subject is not None and subject.resolved else None
    own = kind is not None and subject.name is not None and subject.name == last.name
    framed = point.framed_paragraph
    side = last.side or ""
    values = {
        "rule": point.rule, "gap_1": gap == 1, "gap_2": gap == 2, "opens_paragraph": point.opens_paragraph,
        "opens_like_speech": opens_like_speech(text), "first_person": FIRST_PERSON_CLAUSE.match(text),
        "narrates": narrates(reading.folded), "deontic": DEONTIC.search(text), "future": FUTURE.search(text),
        "news_time": NEWS_TIME_START.match(text), "no_response": NO_RESPONSE.search(text),
        "third_person": THIRD_PERSON_START.match(text),
        "previous_direct": previous is not None and previous.type == "direct",
        "previous_opens": previous is not None and previous.opens,
        "previous_verbless": previous is not None and previous.verb is None,
        "speaker_person": last.kind == "person", "speaker_body": last.kind == "body",
        "speaker_joint": last.kind == "joint", "speaker_prc": side.startswith("prc"), "speaker_us": side.startswith("us"),
        "subject_none": kind is None, "subject_is_speaker": own, "subject_person": kind == "person" and not own,
        "subject_body_same_side": kind == "body" and not own and subject.side == last.side,
        "subject_body_other_side": kind == "body" and not own and subject.side != last.side,
        "subject_joint": kind == "joint",
        "speaker_named": last.kind == "person" and bool(last.name) and names_outside_quotes(text, quoted, last.name),
        "utterance": is_utterance(text, quoted), "length": min(len(text) / LONG_CHARS, 2.0),
        "digits": min(10 * len(DIGIT.findall(text)) / max(len(text), 1), 1.0),
        "paragraph_framed_by_speaker": isinstance(framed, Speaker) and framed.name is not None
        and framed.name == last.name,
        "paragraph_framed_by_other": isinstance(framed, Speaker) and framed.name is not None
        and framed.name != last.name,
        "paragraph_unframed": not framed, "latin": CHINESE.search(text) is None,
        "second_person": SECOND_PERSON.search(reading.outside), "vocative": VOCATIVE.search(reading.outside),
        "exclaims": text.rstrip().endswith(("！", "!")), "first_person_plural": FIRST_PERSON_PLURAL.search(reading.outside),
        "title_possessive": title_possessive(text), "evidential": reading.hits.get("evidential"),
        "figures_before": DATA_SHOWN.search(point.previous_text),
    }
    return tuple(float(bool(values[name])) if not isinstance(values[name], float) else values[name]
                 for name in FEATURES)


class ContinuationModel(NamedTuple):
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float  # the probability at which the speaker goes on

    def logit(self, values: tuple[float, ...]) -> float:
        return sum(c * v for c, v in zip(self.coefficients, values)) + self.intercept

    def decide(self, point: Point) -> bool:
        """Whether the running speaker goes on into the point's sentence."""
        return self.logit(features(point)) >= math.log(self.threshold / (1 - self.threshold))


@cache
def continuation_model() -> ContinuationModel:
    """The shipped model; its features must be FEATURES, in order."""
    data = load_json(MODEL_FILE)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features: refit with python -m service.train_continuation")
    return ContinuationModel(tuple(data["coefficients"]), data["intercept"], data["threshold"])

"""Stories of a document: a broadcast programme, a digest or a round-up holds many reports; a news article one.

Boundaries come from the document's own structure first: a subhead (a programme's `###` per item, a round-up's
bold item title) or a numbered item starts a section, and each section is a story. A long document without
structure is segmented lexically (TextTiling, Hearst 1997: character bigrams, depth of the similarity valley
between paragraph windows), only where the valley is deep. A document is several stories only when it has at
least MIN_STORIES separate parts, so a single report with subheads is never cut up.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from ..models import Paragraph, Story
from ..text.sentences import HAN_CHARACTER
from ..tuning import (MIN_STORIES, MIN_STORY_PARAGRAPHS, MIN_TILING_PARAGRAPHS, TILING_DEPTH, TILING_SIMILARITY,
                      TILING_WINDOW)

NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)])\s*\S")
WORD = re.compile(r"[a-z0-9]+")


def split_stories(paragraphs: list[Paragraph]) -> list[Story]:
    """The document's stories, in order, covering every paragraph."""
    if not paragraphs:
        return []
    sections = _sections(paragraphs)
    if not sections and not any(p.heading for p in paragraphs):  # no structure at all: lexical segmentation
        sections = _tiles(paragraphs)
    if len(sections) < MIN_STORIES:
        return [_story(0, paragraphs, 0, len(paragraphs) - 1)]
    return [_story(k, paragraphs, first, last) for k, (first, last) in enumerate(sections)]


def story_of(stories: list[Story], paragraph: int) -> int:
    """Index of the story holding the paragraph (0 when the document has no stories recorded)."""
    for story in stories:
        if story.first_paragraph <= paragraph <= story.last_paragraph:
            return story.index
    return 0


def _sections(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """(first, last) paragraph of each section: a run of subheads (or a numbered item) and the text under it."""
    starts, numbered = [0], [p.index for p in paragraphs if not p.heading and NUMBERED.match(p.text)]
    use_numbers = len(numbered) >= MIN_STORIES
    for k in range(1, len(paragraphs)):
        opens = paragraphs[k].heading and not paragraphs[k - 1].heading
        if opens or use_numbers and k in numbered:
            starts.append(k)
    if len(starts) < MIN_STORIES:
        return []
    ends = [s - 1 for s in starts[1:]] + [len(paragraphs) - 1]
    return [(s, e) for s, e in zip(starts, ends) if e >= s]


def _tiles(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Sections of an unstructured document where deep valleys of lexical similarity separate its parts."""
    if len(paragraphs) < MIN_TILING_PARAGRAPHS:
        return []
    profiles = [_profile(paragraphs, k, k) for k in range(len(paragraphs))]
    gaps = []
    for k in range(1, len(paragraphs)):
        gaps.append(_cosine(_pooled(profiles[max(0, k - TILING_WINDOW):k]), _pooled(profiles[k:k + TILING_WINDOW])))
    cuts = []
    for k, score in enumerate(gaps):
        peak_left = max(gaps[:k + 1])
        peak_right = max(gaps[k:])
        depth = (peak_left - score) + (peak_right - score)
        first = cuts[-1] if cuts else 0
        if score < TILING_SIMILARITY and depth >= TILING_DEPTH and k + 1 - first >= MIN_STORY_PARAGRAPHS \
                and len(paragraphs) - (k + 1) >= MIN_STORY_PARAGRAPHS:
            cuts.append(k + 1)
    starts = [0, *cuts]
    ends = [s - 1 for s in cuts] + [len(paragraphs) - 1]
    return list(zip(starts, ends)) if len(starts) >= MIN_STORIES else []


def _pooled(profiles: list[Counter]) -> Counter:
    """The counts of several paragraphs together (update in place: sum() builds a new Counter per addition)."""
    pooled: Counter = Counter()
    for profile in profiles:
        pooled.update(profile)
    return pooled


def _profile(paragraphs: list[Paragraph], first: int, last: int) -> Counter:
    """Character bigrams of the Chinese text and lower-cased words of the rest, counted."""
    counts: Counter = Counter()
    for paragraph in paragraphs[first:last + 1]:
        text = paragraph.text
        chinese = "".join(HAN_CHARACTER.findall(text))
        counts.update(chinese[i:i + 2] for i in range(len(chinese) - 1))
        counts.update(WORD.findall(text.lower()))
    return counts


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    shared = sum(count * b[key] for key, count in a.items() if key in b)
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _story(index: int, paragraphs: list[Paragraph], first: int, last: int) -> Story:
    heads = [p for p in paragraphs[first:last + 1] if p.heading]
    return Story(index=index, title=heads[-1].text if heads else None, first_paragraph=first, last_paragraph=last)

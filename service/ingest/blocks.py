"""A document body as a flat list of typed blocks, the common output of the HTML and plain-text readers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.sentences import is_cjk
from .decode import without_hidden_controls

PARAGRAPH, HEADING, CAPTION, DATE, BYLINE, TITLE = "paragraph", "heading", "caption", "date", "byline", "title"
MAX_HEADING_CHARS = 60
_SPACES = re.compile(r"\s+")
_FULLWIDTH_PUNCT = "，。！？；：、“”‘’「」『』（）《》【】—…·"


@dataclass
class Block:
    text: str
    kind: str = PARAGRAPH


def tidy(text: str) -> str:
    """Collapse whitespace. A line break between CJK characters (markup wrapping) disappears; a typed
    space between them (a headline separator: "布林肯会晤习近平 称…") stays one space. Hidden controls that HTML
    character references put back (&#x202e;) go, as they do from the raw text."""
    text = without_hidden_controls(text.replace("\u00a0", " ").replace("\u3000", " "))
    return _SPACES.sub(_space_for, text).strip()


def _space_for(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if "\n" in match.group() and 0 < start and end < len(text) and _tight(text[start - 1]) and _tight(text[end]):
        return ""
    return " "


def _tight(ch: str) -> bool:
    return is_cjk(ch) or ch in _FULLWIDTH_PUNCT


def looks_like_heading(text: str) -> bool:
    """A short line that does not end like a sentence: an in-body subhead when it stands out (bold, <h2>)."""
    return len(text) <= MAX_HEADING_CHARS and "。" not in text and not text.endswith((".", "；"))

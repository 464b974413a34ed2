"""HTML to body blocks: drop chrome elements, keep inline markup inside its sentence, type each block.

The walk is iterative so that absurdly deep markup cannot exhaust the interpreter's stack.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .blocks import BYLINE, CAPTION, DATE, HEADING, PARAGRAPH, TITLE, Block, looks_like_heading, tidy
from .dates import is_date_only
from .rules import ChromeRules

SKIP_TAGS = frozenset(
    "script style noscript iframe svg form button nav footer aside template select input textarea head link "
    "meta video audio canvas object embed header dialog".split()
)
BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 ul ol li blockquote figure figcaption table tr td th "
    "pre dl dt dd address center body html".split()
)
HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())
BOLD_TAGS = frozenset(("strong", "b"))
CHROME_ATTRIBUTE = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|footer|share|sharing|social|related|recommend\w*|promo|advert\w*|ads?|"
    r"adslot|banner|cookie|consent|newsletter|subscribe|comments?|breadcrumbs?|sidebar|most-?read|popular|"
    r"ranking|toolbar|print|signup|paywall|outbrain|taboola|media-player|player|byline-share|tags|topics)"
    r"([-_\s]|$)",
    re.I,
)
CHROME_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search", "dialog"))
CAPTION_ATTRIBUTE = re.compile(r"caption|credit", re.I)
LINK_LIST_SHARE = 0.5  # a list whose items are mostly link text is a related-links block


def html_blocks(root: Tag, rules: ChromeRules) -> list[Block]:
    """Typed blocks of the body under `root`, in document order."""
    walker = _Walker(rules)
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            walker.leave(node)
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            walker.text(node)
            continue
        if not isinstance(node, Tag) or _is_chrome(node):
            continue
        if walker.special(node):
            continue
        walker.enter(node)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    walker.flush()
    return walker.blocks


def parse_html(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "lxml")


def _is_chrome(tag: Tag) -> bool:
    if tag.name in SKIP_TAGS:
        return True
    attrs = tag.attrs
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs or attrs.get("role") in CHROME_ROLES:
        return True
    if str(attrs.get("data-e2e", "")).lower() in ("advertisement", "media-player"):
        return True
    tokens = " ".join([*attrs.get("class", ()), attrs.get("id", ""), attrs.get("data-testid", "")])
    return bool(tokens.strip()) and bool(CHROME_ATTRIBUTE.search(tokens))


class _Walker:
    def __init__(self, rules: ChromeRules):
        self.rules = rules
        self.blocks: list[Block] = []
        self.runs: list[tuple[str, bool, bool]] = []  # (text, bold, small) since the last block boundary
        self.style: list[str] = []  # names of open inline tags that change how text reads
        self.block_tag: list[str] = []

    def special(self, tag: Tag) -> bool:
        """Elements handled whole: captions, figures, <time>, lists, line breaks. True when consumed."""
        name = tag.name
        if name == "br":
            self.runs.append(("\n", False, False))
            return True
        if name == "img" or name == "picture":
            self.flush()
            return True
        if name in ("figcaption", "figure") or CAPTION_ATTRIBUTE.search(
                " ".join([*tag.attrs.get("class", ()), tag.attrs.get("data-testid", ""), tag.attrs.get("itemprop", "")])):
            self.flush()
            text = tidy(tag.get_text(" "))
            if text:
                self.blocks.append(Block(text, CAPTION))
            return True
        if name == "time" and not self.runs:
            self.flush()
            self.blocks.append(Block(tag.get("datetime") or tag.get("dateTime") or tidy(tag.get_text(" ")), DATE))
            return True
        if name in ("ul", "ol"):
            return self._list(tag)
        return False

    def _list(self, tag: Tag) -> bool:
        items = [li for li in tag.find_all("li", recursive=False)]
        if not items:
            return False
        texts = [tidy(li.get_text(" ")) for li in items]
        link_chars = sum(len(tidy(a.get_text(" "))) for li in items for a in li.find_all("a"))
        total = sum(len(t) for t in texts) or 1
        if link_chars / total >= LINK_LIST_SHARE:
            self.flush()
            return True  # related links
        if all(len(t) <= 40 for t in texts) and any(self.rules.is_byline(t) for t in texts):
            self.flush()
            names = [t for t in texts if t and not self.rules.is_byline(t)]
            self.blocks.append(Block(" ".join(names) or " ".join(texts), BYLINE))
            return True
        return False

    def enter(self, tag: Tag) -> None:
        if tag.name in BLOCK_TAGS:
            self.flush()
            self.block_tag.append(tag.name)
        elif tag.name in BOLD_TAGS or tag.name == "small":
            self.style.append(tag.name)

    def leave(self, tag: Tag) -> None:
        if tag.name in BLOCK_TAGS:
            self.flush()
            if self.block_tag:
                self.block_tag.pop()
        elif (tag.name in BOLD_TAGS or tag.name == "small") and self.style:
            self.style.pop()

    def text(self, node: NavigableString) -> None:
        bold = any(s in BOLD_TAGS for s in self.style)
        small = "small" in self.style
        self.runs.append((str(node), bold, small))

    def flush(self) -> None:
        if not self.runs:
            return
        runs, self.runs = self.runs, []
        segment: list[tuple[str, bool, bool]] = []
        for run in runs + [("\n", False, False)]:
            if run[0] == "\n":
                self._emit(segment)
                segment = []
            else:
                segment.append(run)

    def _emit(self, runs: list[tuple[str, bool, bool]]) -> None:
        text = tidy("".join(r[0] for r in runs))
        if not text:
            return
        visible = [r for r in runs if r[0].strip()]
        tag = self.block_tag[-1] if self.block_tag else "div"
        if tag == "h1":
            kind = TITLE
        elif tag in HEADING_TAGS:
            kind = HEADING
        elif visible and all(r[2] for r in visible):
            kind = CAPTION
        elif visible and all(r[1] for r in visible) and looks_like_heading(text):
            kind = HEADING
        elif is_date_only(text):
            kind = DATE
        else:
            kind = PARAGRAPH
        self.blocks.append(Block(text, kind))

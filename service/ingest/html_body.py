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
LINK_BOX_SHARE = 0.6  # a short container whose text is mostly links is a related-links box
LINK_BOX_MAX_CHARS = 400
CONTAINER_TAGS = frozenset("div section aside ul ol p table".split())
MEDIA_TAGS = frozenset(("video", "audio", "iframe"))
MEDIA_BOX_MAX_CHARS = 200


def html_blocks(root: Tag, rules: ChromeRules) -> list[Block]:
    """Typed blocks of the body under `root`, in document order."""
    walker = _Walker(rules)
    stats = _text_stats(root)
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
        box = _box_kind(node, stats, rules)
        if box:
            if box == "media":
                walker.media_captions(node)
            continue
        if walker.special(node):
            continue
        walker.enter(node)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    walker.flush()
    return walker.blocks


def parse_html(markup: str) -> BeautifulSoup:
    """A page's markup parsed with lxml."""
    return BeautifulSoup(markup, "lxml")


def _text_stats(root: Tag) -> dict[int, tuple[int, int, int]]:
    """(text chars, link text chars, media elements) of every element, in one post-order pass."""
    stats: dict[int, tuple[int, int, int]] = {}
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend((c, False) for c in node.contents if isinstance(c, Tag))
            continue
        text = links = media = 0
        for child in node.contents:
            if isinstance(child, Tag):
                child_text, child_links, child_media = stats.get(id(child), (0, 0, 0))
                text += child_text
                links += child_text if child.name == "a" else child_links
                media += child_media + (child.name in MEDIA_TAGS)
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                text += len(child.strip())
        stats[id(node)] = (text, links, media)
    return stats


def _box_kind(tag: Tag, stats: dict[int, tuple[int, int, int]], rules: ChromeRules) -> str | None:
    """"links" for a related-links box (short and mostly links, or headed by a label such as "相关新闻"),
    "media" for an embedded player with its fallback text, None for anything else."""
    if tag.name not in CONTAINER_TAGS:
        return None
    text, links, media = stats.get(id(tag), (0, 0, 0))
    if 0 < text <= LINK_BOX_MAX_CHARS and links / text >= LINK_BOX_SHARE:
        return "links"
    if media and text <= MEDIA_BOX_MAX_CHARS and tag.name == "div":
        return "media"
    if tag.name in ("div", "section", "aside"):
        first = next((c for c in tag.children if isinstance(c, Tag)), None)
        label = tidy(first.get_text(" ")) if first is not None and first.name != "p" else ""
        if label and len(label) <= 20 and rules.ends_body(label):
            return "links"
    return None


def _is_caption_element(tag: Tag) -> bool:
    attributes = " ".join([*tag.attrs.get("class", ()), tag.attrs.get("data-testid", ""), tag.attrs.get("itemprop", "")])
    return tag.name == "figcaption" or bool(CAPTION_ATTRIBUTE.search(attributes))


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
        self.after_image = False  # a short line right under an image is its caption

    def media_captions(self, box: Tag) -> None:
        """Keep the captions of a media block that is otherwise skipped."""
        self.flush()
        for element in box.find_all(_is_caption_element):
            text = tidy(element.get_text(" "))
            if text:
                self.blocks.append(Block(text, CAPTION))

    def special(self, tag: Tag) -> bool:
        """Elements handled whole: captions, figures, <time>, lists, line breaks. True when consumed."""
        name = tag.name
        if name == "br":
            self.runs.append(("\n", False, False))
            return True
        if name == "img" or name == "picture":
            self.flush()
            self.after_image = True
            return True
        if name == "figure" or _is_caption_element(tag):
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
        elif self.after_image and looks_like_heading(text):
            kind = CAPTION
        else:
            kind = PARAGRAPH
        self.after_image = False
        self.blocks.append(Block(text, kind))

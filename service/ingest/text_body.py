"""Plain text and markdown to body blocks, plus the header lines aggregator reposts carry.

Aggregator reposts put the title on the first line and a meta line under it, e.g.
`2024-04-27 00:30:51 · chineseheadlinenews.com · 来源: 纽约时报中文网`: a date, the reposting site, the source.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .blocks import CAPTION, HEADING, PARAGRAPH, TITLE, Block, looks_like_heading, tidy
from .dates import parse_date

META_SEPARATORS = re.compile(r"\s+[·|•]\s+|\s*｜\s*")
SOURCE_LABEL = re.compile(r"^(来源|來源|出处|出處|转自|轉自|Source|来自|來自)\s*[:：]\s*(?P<name>.+)$", re.I)
AUTHOR_LABEL = re.compile(r"^(作者|记者|記者|撰文|文|By)\s*[:：]?\s*(?P<name>.+)$")
DATE_LABEL = re.compile(r"^(Published|Updated|发布时间|發布時間|发布|發布|时间|時間)\s*[:：]?\s*", re.I)
DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?$", re.I)
# host names of at most 10 labels of at most 63 characters (DNS allows no longer labels): bounded, so a long run of
# letters, digits and dots costs linear time, not quadratic
DOMAIN_ANYWHERE = re.compile(
    r"\b(?:www\.)?([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|net|org|cn|tw|hk|sg|fr|de|co\.uk))\b", re.I)
COPYRIGHT = re.compile(r"©|copyright|版权|版權", re.I)
NUMBERED_ITEM = re.compile(r"^\s*(?:\d{1,3}[.、．)]|[（(]\d{1,3}[）)])\s*\S")
SENTENCE_MARK = re.compile(r"[。！？!?]")
MAX_LIST_ITEM_CHARS = 150  # a numbered line longer than this is a paragraph (CCTV headlines run to 110)
NUMBERED_RUN = 3  # this many numbered short lines in a row are a headline list, not prose
CHINESE_ORDINAL_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]\s*\S")
# Markdown syntax, written so that no pattern scans the rest of a line from every position where it could start
# (hostile input such as "# a" and thousands of spaces, or "*a " repeated, took minutes): link text and
# targets stop at the next bracket or parenthesis, emphasis at the next delimiter, a heading's closing #s are
# stripped in Python.
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()\[\]]*\)")
MD_LINK = re.compile(r"\[([^\[\]]+)\]\([^()\[\]]*\)")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
MD_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
HTML_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.I | re.S)
HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
HTML_BOLD_ONLY = re.compile(r"<(strong|b)(?:\s[^>]*)?>(.*?)</\1>", re.I | re.S)
HTML_TAG = re.compile(r"<[^>]+>")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")  # \### is three literal #
WRAPPED_LINE_CHARS = 40  # hard-wrapped prose: lines this long that do not end a sentence continue below


@dataclass
class TextHeader:
    title: str | None = None
    published_at: str | None = None
    domains: list[str] = field(default_factory=list)
    source_name: str | None = None
    byline: str | None = None


def text_blocks(text: str, *, markdown: bool = False) -> tuple[list[Block], TextHeader]:
    """Blocks of a plain-text or markdown document, and the header facts found above its body."""
    blocks: list[Block] = []
    for chunk in _chunks(text):
        lines = [line for line in chunk if line.strip()]
        if markdown:
            blocks.extend(_markdown_blocks(lines))
        else:
            blocks.extend(Block(tidy(line)) for line in _join_wrapped(lines))
    blocks = _drop_numbered_runs(blocks)
    return blocks, read_header(blocks)


def _chunks(text: str) -> list[list[str]]:
    chunks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _join_wrapped(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if out and len(out[-1]) >= WRAPPED_LINE_CHARS and not out[-1].endswith(tuple("。！？；.!?:：”」\"")) \
                and not NUMBERED_ITEM.match(line):
            out[-1] = tidy(out[-1] + " " + line)
        else:
            out.append(line)
    return out


def _markdown_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    for line in _join_wrapped(lines):
        if MD_RULE.match(line):
            continue
        if HTML_PARAGRAPH.search(line):
            blocks.extend(_inline_html_blocks(line))
            continue
        heading = MD_HEADING.match(line)
        if heading:
            kind = TITLE if len(heading.group(1)) == 1 else HEADING
            blocks.append(Block(tidy(_inline_markdown(heading.group(2).rstrip().rstrip("#").rstrip())), kind))
            continue
        if MD_IMAGE.search(line) and not MD_IMAGE.sub("", line).strip():
            continue
        stripped = line.lstrip("> ").lstrip()
        is_item = stripped[:2] in ("- ", "* ", "+ ")
        if MD_LINK.fullmatch((stripped[2:] if is_item else stripped).strip()):
            continue  # a line that is only a link: related articles, "read the original"
        text = tidy(_inline_markdown(stripped[2:] if is_item else stripped))
        whole_emphasis = MD_EMPHASIS.fullmatch(stripped)
        if whole_emphasis and whole_emphasis.group(1) in ("*", "_") and not looks_like_heading(text):
            blocks.append(Block(text, CAPTION))  # an italic line under an image
        elif whole_emphasis and whole_emphasis.group(1) in ("**", "__") and looks_like_heading(text):
            blocks.append(Block(text, HEADING))
        elif text:
            blocks.append(Block(text))
    return blocks


def _inline_html_blocks(line: str) -> list[Block]:
    """HTML paragraphs inside a Markdown line (transcript archives keep each story's text as <p> elements):
    a paragraph that is all bold is a subhead (a round-up's item title), the rest is text."""
    blocks = []
    for content in HTML_PARAGRAPH.findall(line) or [line]:
        for piece in HTML_BREAK.split(content):
            bold = HTML_BOLD_ONLY.fullmatch(piece.strip())
            text = tidy(html.unescape(HTML_TAG.sub("", piece)))
            if text:
                blocks.append(Block(text, HEADING if bold and looks_like_heading(text) else PARAGRAPH))
    return blocks


def _inline_markdown(text: str) -> str:
    text = MD_ESCAPE.sub(r"\1", text)
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    for _ in range(2):
        text = MD_EMPHASIS.sub(r"\2", text)
    return text


def _drop_numbered_runs(blocks: list[Block]) -> list[Block]:
    """Drop lists of numbered headlines (a programme's contents, a site's ranking list): NUMBERED_RUN or more
    numbered short lines in a row; an item wrapped onto a line of its own and a last item ending with a full
    stop stay in the list."""
    keep = [True] * len(blocks)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks):
            if _numbered(blocks[j].text):
                j += 1
            elif j > i and j + 1 < len(blocks) and _list_item(blocks[j].text) and _numbered(blocks[j + 1].text):
                j += 2  # "4.央视快评：" then the comment's title on the next line
            else:
                break
        if j - i >= NUMBERED_RUN and j < len(blocks) and _numbered(blocks[j].text.rstrip().rstrip("。."), ):
            j += 1  # the list's last item ends with a full stop
        if j - i >= NUMBERED_RUN:
            keep[i:j] = [False] * (j - i)
        i = max(j, i + 1)
    return [b for b, k in zip(blocks, keep) if k]


def _numbered(text: str) -> bool:
    return bool(NUMBERED_ITEM.match(text)) and _list_item(text)


def _list_item(text: str) -> bool:
    """A numbered headline of a list (a programme's contents: "2.习近平会见…；"), not a numbered paragraph of
    sentences ("1. 央行宣布下调……。")."""
    item = NUMBERED_ITEM.sub(lambda m: m.group()[-1], text, count=1)
    return len(text) <= MAX_LIST_ITEM_CHARS and not SENTENCE_MARK.search(item) and not item.rstrip().endswith(".")


def read_header(blocks: list[Block]) -> TextHeader:
    """Pull the meta line out of the first blocks and mark ordinal subheads; the title is found later."""
    header = TextHeader()
    for block in blocks[:6]:
        parts = [p.strip() for p in META_SEPARATORS.split(block.text) if p.strip()]
        facts = [_meta_fact(p) for p in parts]
        anchored = any(f and f[0] in ("date", "domain", "source") for f in facts)
        if len(parts) >= 2 and all(facts) and anchored or len(parts) == 1 and facts[0] and facts[0][0] == "source":
            for kind, value in facts:
                if kind == "date" and not header.published_at:
                    header.published_at = value
                elif kind == "domain":
                    header.domains.append(value)
                elif kind == "source":
                    header.source_name = value
                elif kind == "byline":
                    header.byline = value
                elif kind == "name" and not header.source_name:
                    header.source_name = value
            block.kind = "meta"
    for block in blocks:
        if block.kind == PARAGRAPH and CHINESE_ORDINAL_HEADING.match(block.text) and looks_like_heading(block.text):
            block.kind = HEADING
    for block in blocks:  # a copyright footer often names the site that serves the page
        if COPYRIGHT.search(block.text):
            header.domains.extend(d.lower() for d in DOMAIN_ANYWHERE.findall(block.text))
    return header


def _meta_fact(part: str) -> tuple[str, str] | None:
    source = SOURCE_LABEL.match(part)
    if source:
        return "source", source.group("name").strip()
    date = parse_date(DATE_LABEL.sub("", part)) if len(part) <= 40 else None
    if date:
        return "date", date
    domain = DOMAIN.match(part)
    if domain:
        return "domain", domain.group("domain").lower()
    author = AUTHOR_LABEL.match(part)
    if author and len(part) <= 40:
        return "byline", author.group("name").strip()
    if len(part) <= 30 and not re.search(r"[。！？，,.]", part):
        return "name", part
    return None

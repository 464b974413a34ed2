"""parse_document: one raw document (bytes or text, any supported format) to an Article.

Formats: feed exports (`<!--epoch ms-->`, `[title](url)`, `------`, HTML body), full HTML pages, HTML
fragments, markdown, and plain text including aggregator reposts. The format is sniffed from the content;
a declared content type only decides between markdown and plain text.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import Article, Outlet, Paragraph, Sentence
from ..text.script import detect_language, detect_script
from ..text.sentences import split_sentences
from . import rules as registry
from .blocks import BYLINE, CAPTION, DATE, HEADING, TITLE, Block, tidy
from .dates import compact_date, epoch_ms_to_iso, is_date_only, parse_date
from .front_matter import split_front_matter
from .decode import DecodeError, checked_text, decode_bytes, without_hidden_controls
from .outlets import resolve_outlet
from .stories import split_stories
from .html_body import html_blocks, parse_html
from .html_meta import page_meta
from .selectors import first_matches
from .text_body import read_header, text_blocks

FEED_EXPORT = re.compile(
    r"\A\s*<!--\s*(?P<epoch>\d{10,13})\s*-->\s*\n\s*\[(?P<title>.+?)\]\((?P<url>[^)\s]+)\)\s*\n\s*-{3,}\s*\n(?P<body>.*)\Z",
    re.S,
)
HTML_PAGE = re.compile(r"\A\s*(<!doctype\s+html|<html[\s>]|<\?xml)", re.I)
HTML_TAG = re.compile(r"<(p|div|br|span|main|article|section|h[1-6]|ul|li|img|a)[\s>/]", re.I)
MIN_HTML_TAGS = 3
MARKDOWN_START = re.compile(r"\A\s*#{1,3}\s+\S")  # a Markdown heading first: Markdown, whatever HTML it holds
DATELINE = re.compile(r"^[\w\s·,，]{1,16}\s*[—–-]{1,2}$")  # "华盛顿 —" before the first paragraph
MAX_TITLE_CHARS = 120
REPOST_NOTICE = re.compile(r"转载|轉載|reposted|republished", re.I)
MAX_HTML_TAGS = 50_000  # news pages have a few thousand elements; far more is an attack on the parser
SOURCE_MARK = re.compile(r"(来源|來源|出处|出處)\s*[:：]")
MAX_META_LINE_CHARS = 120  # a dateline marker sits within this many characters of the body's start


class IngestError(ValueError):
    """The document cannot become an Article; `detail` says why in words a user can act on."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@dataclass
class _Draft:
    blocks: list[Block]
    format: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    retrieved_at: str | None = None
    byline: str | None = None
    domains: list[str] = field(default_factory=list)
    source_name: str | None = None
    publisher: str | None = None
    language_hint: str | None = None


def parse_document(content: str | bytes, *, content_type: str | None = None, url: str | None = None,
                   outlet: str | None = None, published_at: str | None = None,
                   title: str | None = None) -> Article:
    """Parse one document. Given `url`, `outlet`, `published_at` or `title` override what is detected."""
    text = _as_text(content, content_type)
    overrides = {k: v for k, v in (("url", url), ("outlet", outlet), ("published_at", published_at),
                                   ("title", title)) if v}
    draft = _read(text, content_type)
    if url:
        draft.url = url
    body = _clean(draft)
    if not body.paragraphs:
        raise IngestError("the document has no body text: after removing page chrome nothing was left")
    resolved_outlet, via = resolve_outlet(draft, body, outlet)  # None: no trace of the source anywhere
    all_text = "\n".join(p.text for p in body.paragraphs)
    language = detect_language(all_text) if any(ch.isalpha() for ch in all_text) else (draft.language_hint or "und")
    identity = article_id(text, overrides)
    return Article(
        id=identity,
        outlet=resolved_outlet or Outlet(id=f"unknown-{identity[:8]}", name="unknown source", kind="unknown"),
        via=via,
        url=draft.url,
        title=title or body.title,
        published_at=_published(published_at) if published_at else body.published_at or compact_date(body.title),
        retrieved_at=draft.retrieved_at,
        language=language,
        script=detect_script((body.title or "") + all_text) if language == "zh" else None,
        byline=body.byline,
        paragraphs=body.paragraphs,
        captions=body.captions,
        sentences=_sentences(body.paragraphs),
        stories=split_stories(body.paragraphs),
        format=draft.format,
    )


def article_id(text: str, overrides: dict[str, str] | None = None) -> str:
    """Content address: the same document (and the same overrides) always gets the same id."""
    digest = hashlib.sha256(text.strip().encode("utf-8"))
    if overrides:
        digest.update(json.dumps(overrides, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]


def _as_text(content: str | bytes, content_type: str | None) -> str:
    try:
        if isinstance(content, bytes):  # decoded and checked, as JSON `content` is below
            content = without_hidden_controls(decode_bytes(content, declared=_charset(content_type)))
        else:
            content = checked_text(content)
    except DecodeError as error:
        raise IngestError(str(error)) from None
    text = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise IngestError("the document is empty or contains only whitespace")
    return text


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*\"?([\w-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _published(value: str) -> str:
    parsed = parse_date(value)
    if not parsed:
        raise IngestError(f"published_at {value!r} is not a date (use ISO 8601, e.g. 2024-04-26T08:25:56+00:00)")
    return parsed


def _read(text: str, content_type: str | None) -> _Draft:
    front, rest = split_front_matter(text)
    if front is not None:
        draft = _read(rest, content_type or "text/markdown")
        draft.title = front.title or draft.title
        draft.url = front.url or draft.url
        draft.published_at = front.published_at or draft.published_at
        draft.byline = front.byline or draft.byline
        return draft
    feed = FEED_EXPORT.match(text)
    if feed:
        draft = _read_html(feed["body"], fmt="feed-export")
        draft.title, draft.url = tidy(feed["title"]), feed["url"]
        draft.retrieved_at = epoch_ms_to_iso(feed["epoch"].ljust(13, "0"))
        return draft
    markdown = "markdown" in (content_type or "") or bool(MARKDOWN_START.match(text))
    if HTML_PAGE.match(text) or "html" in (content_type or "") or (
            not markdown and len(HTML_TAG.findall(text[:20000])) >= MIN_HTML_TAGS):
        return _read_html(text, fmt="html")
    blocks, header = text_blocks(text, markdown=markdown)
    return _Draft(blocks=blocks, format="markdown" if markdown else "text", published_at=header.published_at,
                  domains=header.domains, source_name=header.source_name, byline=header.byline)


def _read_html(markup: str, *, fmt: str) -> _Draft:
    tags = markup.count("<")
    if tags > MAX_HTML_TAGS:
        raise IngestError(f"the HTML has about {tags:,} tags; the limit is {MAX_HTML_TAGS:,} (news pages have a "
                          "few thousand)")
    soup = parse_html(markup)
    meta = page_meta(soup)
    site = registry.outlet_by_domain(registry.domain_of(meta.url))
    root = _body_root(soup, site.body_selectors if site else ())
    blocks = _captions_outside(soup, root) + html_blocks(root, registry.chrome_rules())
    header = read_header(_meta_lines(soup) + blocks)
    return _Draft(
        blocks=blocks, format=fmt, title=meta.title, url=meta.url,
        published_at=parse_date(meta.published_at) or header.published_at,
        byline=", ".join(meta.authors) or header.byline, domains=header.domains, source_name=header.source_name,
        publisher=meta.publisher or meta.site_name, language_hint=meta.language,
    )


def _meta_lines(soup) -> list[Block]:
    """Short lines naming a source ("… · 来源: 美国之音"), wherever the page template put them."""
    lines = []
    for string in soup.find_all(string=SOURCE_MARK):
        text = tidy(string.parent.get_text(" ")) if string.parent is not None else ""
        if text and len(text) <= MAX_META_LINE_CHARS:
            lines.append(Block(text))
    return lines


def _captions_outside(soup, root) -> list[Block]:
    """Captions of lead images, which pages put above the body element."""
    found = []
    for caption in soup.find_all("figcaption"):
        if root is not caption and root not in caption.parents:
            text = tidy(caption.get_text(" "))
            if text:
                found.append(Block(text, CAPTION))
    return found


def _body_root(soup, selectors):
    candidates = (*selectors, "[itemprop=articleBody]", "article", "main", "[role=main]")
    found = first_matches(soup, candidates)
    for selector in candidates:
        element = found.get(selector)
        if element is not None and len(element.get_text(strip=True)) > 80:
            return element
    best, best_chars, seen = None, 0, set()
    for paragraph in soup.find_all("p"):
        parent = paragraph.parent
        if id(parent) in seen:  # the text of all its paragraphs is counted once per parent, not once per child
            continue
        seen.add(id(parent))
        chars = sum(len(p.get_text(strip=True)) for p in parent.find_all("p", recursive=False))
        if chars > best_chars:
            best, best_chars = parent, chars
    body = soup.body or soup
    return best if best is not None and best_chars > 0.3 * len(body.get_text(strip=True)) else body


@dataclass
class _Body:
    title: str | None
    published_at: str | None
    byline: str | None
    paragraphs: list[Paragraph]
    captions: list[str]
    reposted: bool


def _clean(draft: _Draft) -> _Body:
    chrome = registry.chrome_rules()
    title, byline, published = draft.title, draft.byline, draft.published_at
    paragraphs: list[Paragraph] = []
    captions: list[str] = []
    dateline, reposted, guessed_title = "", False, None
    for block in draft.blocks:
        text = block.text
        if block.kind == "meta":
            continue
        if chrome.ends_body(text):
            reposted = reposted or bool(REPOST_NOTICE.search(text))
            if paragraphs:
                break
            continue
        if chrome.is_dropped(text) or not any(ch.isalnum() for ch in text):  # a rule of ### or ***
            continue
        if block.kind == TITLE or title is None and not paragraphs and _title_like(text):
            if block.kind != TITLE and title is None:
                guessed_title = text
            title = title or text
            continue
        if block.kind == DATE or is_date_only(text):
            published = published or parse_date(text)
            continue
        if block.kind == CAPTION or chrome.is_credit(text):
            captions.append(text)
            continue
        if block.kind == BYLINE or not paragraphs and chrome.is_byline(text):
            byline = byline or text
            continue
        if title and tidy(chrome.clean_title(text)) == _title_key(title):
            continue
        if not paragraphs and DATELINE.match(text):
            dateline = text + " "
            continue
        paragraphs.append(Paragraph(index=len(paragraphs), text=dateline + text, heading=block.kind == HEADING))
        dateline = ""
    while paragraphs and paragraphs[-1].heading:  # a subhead with nothing under it is furniture
        paragraphs.pop()
    if not paragraphs and guessed_title:  # one line and nothing else (a headline pasted alone): it is the body
        paragraphs, title = [Paragraph(index=0, text=guessed_title)], draft.title
    return _Body(title=chrome.clean_title(title) if title else None, published_at=published, byline=byline,
                 paragraphs=paragraphs, captions=captions, reposted=reposted)


@lru_cache(maxsize=256)
def _title_key(title: str) -> str:
    """The title as a body block repeating it would read (checked against every block of the page)."""
    return tidy(registry.chrome_rules().clean_title(title))


def _title_like(text: str) -> bool:
    return len(text) <= MAX_TITLE_CHARS and not text.endswith(("。", "."))


def _sentences(paragraphs: list[Paragraph]) -> list[Sentence]:
    sentences = []
    for paragraph in paragraphs:
        for text in split_sentences(paragraph.text):
            sentences.append(Sentence(index=len(sentences), paragraph=paragraph.index, text=text))
    return sentences

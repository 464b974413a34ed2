"""Metadata of a full HTML page: JSON-LD first, then Open Graph and <meta> tags, then visible markup."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from .blocks import tidy
from .rules import chrome_rules
from .selectors import first_matches

BYLINE_SELECTORS = ("[data-testid=byline]", "[data-testid=AuthorByline]", "[class*=byline]", "[class*=from-author]",
                    "[class*=author-name]", "[class*=author__name]", "address", "[itemprop=author]",
                    "a[href*=/author/]")
BYLINE_LABEL = re.compile(r"^(by|作者|职务|職務|记者|記者|撰文|文)\s*[,，:：/|]?\s*", re.I)
ORGANIZATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation"}
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "WebPage", "OpinionNewsArticle", "BackgroundNewsArticle"}


@dataclass
class PageMeta:
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    publisher: str | None = None
    language: str | None = None


def page_meta(soup: BeautifulSoup) -> PageMeta:
    """A page's title, URL, date, authors and publisher: JSON-LD first, then meta tags, then the markup."""
    meta = PageMeta()
    tags = _meta_index(soup)
    ld = _json_ld_article(soup)
    if ld:
        meta.title = _text(ld.get("headline"))
        meta.url = _text(ld.get("url")) or _text((ld.get("mainEntityOfPage") or {}).get("@id")
                                                  if isinstance(ld.get("mainEntityOfPage"), dict) else None)
        meta.published_at = _text(ld.get("datePublished"))
        meta.authors = _names(ld.get("author"), people_only=True)
        meta.publisher = (_names(ld.get("publisher")) or [None])[0]
    meta.title = meta.title or _meta(tags, "og:title", "twitter:title") or _first_text(soup, "h1") \
        or _first_text(soup, "title")
    canonical = soup.find("link", rel="canonical")
    meta.url = (canonical.get("href") if isinstance(canonical, Tag) else None) or meta.url or _meta(tags, "og:url")
    meta.published_at = meta.published_at or _meta(
        tags, "article:published_time", "og:article:published_time", "pubdate", "publishdate", "date",
        "dcterms.created", "DC.date.issued", "parsely-pub-date", "sailthru.date")
    if not meta.published_at:
        stamp = soup.find(attrs={"itemprop": "datePublished"}) or soup.find("time")
        if isinstance(stamp, Tag):
            meta.published_at = stamp.get("datetime") or stamp.get("content") or tidy(stamp.get_text(" "))
    visible = visible_byline(soup)
    if visible:
        meta.authors = [visible]
    if not meta.authors:
        author = _meta(tags, "author", "article:author", "byl", "dcterms.creator")
        meta.authors = [author] if author and not author.startswith("http") else []
    meta.site_name = _meta(tags, "og:site_name", "application-name")
    html = soup.find("html")
    meta.language = html.get("lang") if isinstance(html, Tag) else None
    return meta


def visible_byline(soup: BeautifulSoup) -> str | None:
    """The byline as the page prints it, without labels ("By", "作者，"), roles ("BBC中文记者") or dates."""
    roles = chrome_rules()
    found = first_matches(soup, BYLINE_SELECTORS)
    for selector in BYLINE_SELECTORS:
        element = found.get(selector)
        if element is None:
            continue
        items = element.find_all("li") or [element]
        names = []
        for item in items:
            text = tidy(" ".join(s for s in item.find_all(string=True) if s.find_parent("time") is None))
            text = BYLINE_LABEL.sub("", text).strip(" ,，")
            if text and not roles.is_byline(text):
                names.append(text)
        byline = " ".join(names)
        if byline and len(byline) <= 80:
            return byline
    return None


def _json_ld_article(soup: BeautifulSoup) -> dict | None:
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        for item in _flatten(data):
            types = item.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES and (item.get("headline") or item.get("datePublished")):
                return item
    return None


def _flatten(data):
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _names(value, *, people_only: bool = False) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [] if people_only else [value]
    if isinstance(value, dict):
        name = value.get("name")
        if people_only and value.get("@type") in ORGANIZATION_TYPES:
            return []
        return [name] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item, people_only=people_only)]
    return []


def _text(value) -> str | None:
    return tidy(value) if isinstance(value, str) and value.strip() else None


def _meta_index(soup: BeautifulSoup) -> dict[str, str]:
    """Every <meta> by its property, name or itemprop (first one wins), from one pass over the page."""
    index: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = (tag.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = tag.get(attribute)
            if key:
                index.setdefault(key, content)
    return index


def _meta(tags: dict[str, str], *names: str) -> str | None:
    for name in names:
        if name in tags:
            return tidy(tags[name])
    return None


def _first_text(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find(name)
    return tidy(tag.get_text(" ")) or None if isinstance(tag, Tag) else None

"""Front matter of Markdown and text documents: a YAML (`---`) or TOML (`+++`) block at the very top.

Static-site exports and archives (White House readouts, Hugo and Jekyll posts) carry the title, dates, author,
source address and tags there. None of it is body text.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

import yaml

from .dates import parse_date

BLOCK = re.compile(r"\A\ufeff?\s*(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S)
MAX_FRONT_MATTER_CHARS = 20_000  # front matter is a few lines; a larger block is body text between rules
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published_time", "published_at", "published", "date_published", "publishdate", "pubdate", "date")
URL_KEYS = ("source_url", "original_url", "canonical_url", "url", "link", "source")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")


@dataclass
class FrontMatter:
    title: str | None = None
    published_at: str | None = None
    url: str | None = None
    byline: str | None = None
    tags: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The document's front matter (None when it has none or it does not parse) and the text after it."""
    match = BLOCK.match(text)
    if not match or len(match.group("body")) > MAX_FRONT_MATTER_CHARS:
        return None, text
    try:
        data = (yaml.safe_load(match.group("body")) if match.group("fence") == "---"
                else tomllib.loads(match.group("body")))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        return None, text
    if not isinstance(data, dict) or not data:
        return None, text
    fields = {str(k).lower().replace("-", "_"): v for k, v in data.items()}
    return FrontMatter(
        title=_text(_first(fields, TITLE_KEYS)),
        published_at=_date(fields),
        url=_url(_first(fields, URL_KEYS)),
        byline=_people(_first(fields, AUTHOR_KEYS)),
        tags=[str(t) for t in _list(fields.get("tags") or fields.get("categories"))],
    ), text[match.end():]


def _first(fields: dict, keys: tuple[str, ...]):
    return next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)


def _text(value) -> str | None:
    return " ".join(str(value).split()) if value is not None else None


def _date(fields: dict) -> str | None:
    for key in DATE_KEYS:  # the most precise first: a time of publication beats a bare date
        value = fields.get(key)
        if value is not None:
            parsed = parse_date(str(value))
            if parsed:
                return parsed
    return None


def _url(value) -> str | None:
    text = _text(value)
    return text if text and re.match(r"https?://\S+$", text) else None


def _people(value) -> str | None:
    names = [_text(v.get("name") if isinstance(v, dict) else v) for v in _list(value)]
    return ", ".join(n for n in names if n) or None


def _list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]

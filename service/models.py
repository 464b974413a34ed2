"""The domain objects every stage passes along: outlets, articles, their paragraphs and sentences."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Outlet:
    """A publisher (`kind="outlet"`) or a site reposting others' work (`kind="aggregator"`)."""

    id: str
    name: str
    kind: str = "outlet"


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    heading: bool = False


@dataclass(frozen=True)
class Story:
    """One report of a document that holds several (a programme's item, a digest's entry); a single article
    is one story covering all its paragraphs."""

    index: int
    title: str | None
    first_paragraph: int
    last_paragraph: int


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    text: str


@dataclass
class Article:
    """A parsed document: metadata plus its body as paragraphs and sentences (original text, never normalised)."""

    id: str
    outlet: Outlet | None
    via: Outlet | None
    url: str | None
    title: str | None
    published_at: str | None
    retrieved_at: str | None
    language: str
    script: str | None
    byline: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    format: str = "text"
    ingested_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The article as plain JSON-able data, as it is stored."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """An article from its stored data (the inverse of to_dict)."""
        def outlet(value: dict | None) -> Outlet | None:
            return Outlet(**value) if value else None

        fields = dict(data)
        fields["outlet"] = outlet(data.get("outlet"))
        fields["via"] = outlet(data.get("via"))
        fields["paragraphs"] = [Paragraph(**p) for p in data.get("paragraphs", [])]
        fields["sentences"] = [Sentence(**s) for s in data.get("sentences", [])]
        fields["stories"] = [Story(**s) for s in data.get("stories", [])]
        return cls(**fields)

    @property
    def outlet_id(self) -> str:
        """The outlet's id, or one of the article's own when the outlet is unknown (never grouped with another)."""
        return self.outlet.id if self.outlet else f"unknown:{self.id}"

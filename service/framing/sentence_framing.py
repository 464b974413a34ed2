"""A sentence's framing beyond who says it: its term choices, the sources it cites, scare quotes, hedges,
evidentials, conditionals and numbers, built once per distinct (text, quotes, attribution)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..text.normalize import fold
from ..tuning import TEXT_CACHE_ENTRIES
from .context import Attribution
from .lexicon import lexicon
from .reading import read
from .speakers import Speaker

FRAMING_CACHE_SIZE = TEXT_CACHE_ENTRIES


@dataclass
class SentenceFraming:
    """What the report shows of one sentence's framing; `attribution` is the Attribution as a dict."""
    attribution: dict
    terms: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    scare_quotes: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    evidentials: list[str] = field(default_factory=list)
    conditionals: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    quoted_chars: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@lru_cache(maxsize=FRAMING_CACHE_SIZE)
def sentence_framing(text: str, quoted: bytes, attribution: Attribution) -> SentenceFraming:
    """The sentence's framing. Cached (reposts repeat sentences with the same attribution): the result is shared,
    never modify it."""
    lex = lexicon()
    reading = read(text, quoted)
    as_dict = attribution.as_dict()
    speaker = as_dict["speaker"]
    return SentenceFraming(
        attribution=as_dict, terms=[dict(term) for term in reading.terms], sources=_sources(reading, attribution),
        scare_quotes=[q for q in reading.quoted if len(q) <= lex.scare_max_chars
                      and (not speaker or _after_so_called(text, q))],
        hedges=list(reading.hedges), evidentials=list(reading.evidentials), conditionals=list(reading.conditionals),
        numbers=list(reading.numbers), quoted_chars=quoted.count(1))


def _after_so_called(text: str, quote: str) -> bool:
    at = text.find(quote)
    return at > 0 and bool(lexicon().so_called.search(fold(text[max(0, at - 4):at])))


def _sources(reading, attribution: Attribution) -> list[dict]:
    """Who the sentence cites: named sources of the lexicon, unnamed officials, and its speaker (an analyst with
    the body named with them)."""
    lex = lexicon()
    found = []
    for match, outside_quote in reading.hits.get("source", ()):
        if outside_quote:
            source = lex.sources[match.word]
            found.append({"name": source.key, "kind": source.kind, "side": source.side})
    for match, outside_quote in reading.hits.get("anonymous", ()):
        if outside_quote:
            found.append({"name": match.word, "kind": "anonymous", "side": "anonymous"})
    speaker: Speaker | None = attribution.speaker if attribution.type != "unattributed" else None
    if speaker is not None and speaker.kind in ("person", "analyst") and speaker.name:
        kind = "analyst" if speaker.side == "analyst" else "person"
        entry = {"name": speaker.name, "kind": kind, "side": speaker.side or "other"}
        if kind == "analyst":
            entry["affiliation"] = speaker.affiliation
        found.append(entry)
    unique = {}
    for source in found:
        unique.setdefault((source["name"], source["kind"]), source)
    return list(unique.values())

"""The framing lexicons (service/data/framing.yaml), folded for matching and compiled once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..text.normalize import fold


@dataclass(frozen=True)
class Source:
    key: str
    kind: str
    side: str


@dataclass(frozen=True)
class TermFamily:
    name: str
    values: dict[str, str]  # folded surface -> value
    pattern: re.Pattern
    anchors: re.Pattern | None  # the family counts only near one of these (e.g. 习近平 for Xi's title)
    window: int


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # folded verb -> class
    verb_pattern: re.Pattern
    families: tuple[TermFamily, ...]
    scare_max_chars: int
    so_called: re.Pattern
    hedges: re.Pattern
    evidentials: re.Pattern
    conditionals: re.Pattern
    sources: dict[str, Source]  # folded variant -> source
    source_pattern: re.Pattern
    anonymous: re.Pattern


def _alternation(words, *, key=len) -> re.Pattern:
    parts = []
    for word in sorted(set(words), key=key, reverse=True):
        escaped = re.escape(word)
        parts.append(rf"\b{escaped}\b" if word.isascii() and word[:1].isalnum() else escaped)
    return re.compile("|".join(parts) or r"(?!x)x")


def _words(section) -> list[str]:
    if isinstance(section, dict):
        section = section.get("words") or section.get("patterns") or []
    return [fold(w) for w in section]


@cache
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("service.data").joinpath("framing.yaml").read_text(encoding="utf-8"))
    verbs = {fold(v): cls for cls, words in data["reporting_verbs"]["classes"].items() for v in words}
    families = []
    for name, family in data["term_families"].items():
        values = {fold(s): value for value, surfaces in family["values"].items() for s in surfaces}
        anchors = family.get("anchors")
        families.append(TermFamily(name=name, values=values, pattern=_alternation(values),
                                   anchors=_alternation([fold(a) for a in anchors]) if anchors else None,
                                   window=int(family.get("window", 8))))
    sources = {}
    for entry in data["sources"]["entries"]:
        source = Source(key=entry["key"], kind=entry["kind"], side=entry.get("side", "other"))
        for variant in [entry["key"], *entry.get("variants", [])]:
            sources[fold(variant)] = source
    scare = data["scare_quote_rules"]
    return Lexicon(
        verbs=verbs, verb_pattern=_alternation(verbs), families=tuple(families),
        scare_max_chars=int(scare.get("max_chars", 8)), so_called=_alternation(_words(scare["so_called"])),
        hedges=_alternation(_words(data["hedges"])), evidentials=_alternation(_words(data["evidentials"])),
        conditionals=_alternation(_words(data["conditionals"])), sources=sources,
        source_pattern=_alternation(sources), anonymous=_alternation(_words(data["anonymous_sources"])),
    )

"""The framing lexicons (service/data/framing.yaml), folded for matching and compiled once per process.

All word lists share one literal matcher, so a sentence is scanned once and each hit says which lists
(reporting verb, source, term, hedge...) its word belongs to."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import load_yaml
from ..text.matcher import LiteralMatcher
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
    anchors: LiteralMatcher | None  # the family counts only near one of these (e.g. 习近平 for Xi's title)
    window: int


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # folded verb -> class
    light_verbs: frozenset[str]  # 表示, raised: their class is that of the stance word after them
    stance_only: frozenset[str]  # light verbs that report only with a stance word (提出担忧, 深表关切)
    nouns_after_terms: frozenset[str]  # verbs that are nouns right after a quoted term (落实“重实践”要求)
    stance_objects: LiteralMatcher  # 欢迎, 担忧, concerns
    stance_classes: dict[str, str]  # folded stance word -> class
    term_families: dict[str, tuple[TermFamily, ...]]  # folded surface -> the families it belongs to
    scare_max_chars: int
    so_called: LiteralMatcher
    sources: dict[str, Source]  # folded variant -> source
    source_pattern: LiteralMatcher
    anonymous: LiteralMatcher
    everything: LiteralMatcher  # all words of all lists, for a single pass over a sentence
    categories: dict[str, frozenset[str]]  # folded word -> the lists it is in (verb, source, term, hedge...)


def _words(section) -> list[str]:
    if isinstance(section, dict):
        section = section.get("words") or section.get("patterns") or []
    return [fold(w) for w in section]


@cache
def lexicon() -> Lexicon:
    data = load_yaml("framing.yaml")
    reporting = data["reporting_verbs"]
    verbs = {fold(v): cls for cls, words in reporting["classes"].items() for v in words}
    light_verbs = frozenset(_words(reporting["light_verbs"]))
    stance_only = light_verbs - set(verbs)
    verbs.update({verb: "neutral" for verb in light_verbs if verb not in verbs})
    stance = {fold(w): cls for cls, words in reporting["stance_objects"].items() for w in words}
    families = []
    for name, family in data["term_families"].items():
        values = {fold(s): value for value, surfaces in family["values"].items() for s in surfaces}
        anchors = family.get("anchors")
        families.append(TermFamily(name=name, values=values,
                                   anchors=LiteralMatcher(fold(a) for a in anchors) if anchors else None,
                                   window=int(family.get("window", 8))))
    sources = {}
    for entry in data["sources"]["entries"]:
        source = Source(key=entry["key"], kind=entry["kind"], side=entry.get("side", "other"))
        for variant in [entry["key"], *entry.get("variants", [])]:
            sources[fold(variant)] = source
    lists = {"verb": verbs, "not_verb": _words(reporting["not_verbs"]), "source": sources,
             "term": {w for f in families for w in f.values},
             "hedge": _words(data["hedges"]), "evidential": _words(data["evidentials"]),
             "conditional": _words(data["conditionals"]), "anonymous": _words(data["anonymous_sources"]),
             "issuing": _words(load_yaml("speakers.yaml")["issuing_verbs"])}  # 签署, 发表: who issued a document
    categories: dict[str, set[str]] = {}
    for category, words in lists.items():
        for word in words:
            categories.setdefault(word, set()).add(category)
    by_surface: dict[str, list[TermFamily]] = {}
    for family in families:
        for surface in family.values:
            by_surface.setdefault(surface, []).append(family)
    scare = data["scare_quote_rules"]
    return Lexicon(
        verbs=verbs, light_verbs=light_verbs, stance_only=stance_only,
        nouns_after_terms=frozenset(_words(reporting["nouns_after_terms"])), stance_objects=LiteralMatcher(stance), stance_classes=stance,
        term_families={k: tuple(v) for k, v in by_surface.items()},
        scare_max_chars=int(scare.get("max_chars", 8)), so_called=LiteralMatcher(_words(scare["so_called"])),
        sources=sources, source_pattern=LiteralMatcher(sources),
        anonymous=LiteralMatcher(_words(data["anonymous_sources"])),
        everything=LiteralMatcher(categories), categories={w: frozenset(c) for w, c in categories.items()},
    )

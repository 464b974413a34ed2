"""The bilingual glossary (data/glossary.yaml): concepts that survive translation, found in either language."""
from __future__ import annotations

from functools import cache, lru_cache

from ..datafiles import load_yaml
from ..tuning import TEXT_CACHE_ENTRIES
from .matcher import LiteralMatcher
from .normalize import fold


@cache
def _glossary() -> tuple[LiteralMatcher, dict[str, str], frozenset[str], dict[str, str | None]]:
    concepts, generic, families = {}, set(), {}
    for entry in load_yaml("glossary.yaml")["concepts"]:
        for surface in [*entry.get("zh", []), *entry.get("en", [])]:
            concepts[fold(surface)] = entry["id"]
        if entry.get("generic"):
            generic.add(entry["id"])
        families[entry["id"]] = entry.get("family")
    return LiteralMatcher(concepts), concepts, frozenset(generic), families


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def concept_surfaces(text: str) -> tuple[tuple[str, str], ...]:
    """(concept id, the words as the text writes them) for each glossary term in the text."""
    matcher, concepts, _, _ = _glossary()
    folded = fold(text)
    if len(folded) != len(text):
        return tuple((concepts[m.word], m.word) for m in matcher.finditer(folded))
    return tuple((concepts[m.word], text[m.start:m.end]) for m in matcher.finditer(folded))


def concepts_of(text: str) -> frozenset[str]:
    """Glossary concepts a text names, in either language."""
    return frozenset(concept for concept, _ in concept_surfaces(text))


def generic_concepts() -> frozenset[str]:
    """Concepts too common in readouts to propose a pair of sentences on their own."""
    return _glossary()[2]

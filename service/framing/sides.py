"""Side by side: when a comparison mixes languages (a White House readout and Xinhua's report of one call), what
each language's reports say that the other's do not, what both say, and how each words the shared concepts.

Only events reported in both languages count: a point "only one side reports" is a point of an event the other
side also reports. Concepts come from the bilingual glossary (text.glossary), counted in the sentences each
side's compared stories contribute to the facts.
"""
from __future__ import annotations

from collections import Counter

from ..models import Article
from ..text.glossary import concept_surfaces

MAX_TERM_SURFACES = 6  # surfaces listed per concept and side


def sides_report(articles: list[Article], facts: list[dict], events: list[list[int]]) -> dict | None:
    """None when the comparison is in one language. `facts` carry `event` (an index into `events`)."""
    language_of = {article.id: article.language for article in articles}
    languages = sorted(set(language_of.values()))
    if len(languages) < 2:
        return None
    bilingual = {k for k, members in enumerate(events) if len({articles[a].language for a in members}) > 1}
    sides = {lang: {"articles": [a.id for a in articles if a.language == lang],
                    "outlets": sorted({a.outlet_id for a in articles if a.language == lang}),
                    "only_here": [], "terms": {}} for lang in languages}
    shared, surfaces = [], {lang: {} for lang in languages}
    for fact in facts:
        present = {language_of[m["article_id"]] for m in fact["mentions"]}
        for mention in fact["mentions"]:
            counts = surfaces[language_of[mention["article_id"]]]
            for concept, surface in concept_surfaces(mention["text"]):
                counts.setdefault(concept, Counter())[surface] += 1
        if fact["event"] not in bilingual:
            continue
        if len(present) > 1:
            shared.append(fact["id"])
        else:
            sides[next(iter(present))]["only_here"].append(fact["id"])
    for lang in languages:
        sides[lang]["terms"] = {concept: dict(counts.most_common(MAX_TERM_SURFACES))
                                for concept, counts in sorted(surfaces[lang].items())}
    matched = [{"concept": concept, **{lang: sides[lang]["terms"][concept] for lang in languages}}
               for concept in sorted(set.intersection(*(set(sides[lang]["terms"]) for lang in languages)))]
    return {"languages": sides, "shared": shared, "matched_terms": matched}

"""compare(): the one pipeline function behind comparisons, from parsed articles to the result document.

Pure: no Flask, no Redis. Articles are compared in a canonical order (by id), so the result does not depend
on the order they were given in.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from dataclasses import asdict

from .align.aligner import Alignment, Progress, align
from .align.facts import build_facts, event_coverage, outlet_ids
from .align.features import SentenceFeatures, article_features
from .align.link_model import link_model, link_model_summary
from .align.scoring import SCORERS
from .datafiles import data_digest
from .framing.profile import framing_report
from .framing.sides import sides_report
from .models import Article, Sentence
from .corrections import Constraint
from .corrections import apply as apply_corrections
from .scope import compared_stories, comparison_events, restrict
from .text.sentences import caption_sentences
from .tuning import ALGORITHM_VERSION, AlignParams


def comparison_id(article_ids: list[str], options: dict) -> str:
    """The comparison's id and cache key: its articles, its options and the algorithm's version (code version
    and a digest of every data file, the link model included), so nothing stale is ever served."""
    key = json.dumps({"articles": sorted(article_ids), "options": options, "version": algorithm_version()},
                     sort_keys=True)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@cache
def algorithm_version() -> str:
    """ALGORITHM_VERSION plus the digest of the package's data files (model, aliases, lexicons, registries)."""
    return f"{ALGORITHM_VERSION}+{data_digest()[:12]}"


def align_params(options: Mapping) -> AlignParams:
    """Alignment parameters from request options: `min_confidence` (0-1), or the deprecated `threshold`
    (0-100) read as min_confidence / 100."""
    confidence = options.get("min_confidence")
    if confidence is None and options.get("threshold") is not None:
        confidence = options["threshold"] / 100.0
    return AlignParams() if confidence is None else AlignParams(min_confidence=confidence)


def effective_options(params: AlignParams, min_outlets: int, corrections_version: str | None = None) -> dict:
    """The options a comparison ran with, defaults filled in (part of its id)."""
    confidence = link_model().threshold if params.min_confidence is None else params.min_confidence
    options = {"min_confidence": round(confidence, 4), "min_outlets": min_outlets}
    if corrections_version:
        options["corrections"] = corrections_version
    return options


def corrections_of(clusters, corrected) -> dict[int, set[str]]:
    """Per cluster position: the corrections that changed it (after stories were left out of the clusters)."""
    by_member = {m: corrected.corrected[k] for k, c in enumerate(corrected.clusters) if k in corrected.corrected
                 for m in c.members}
    return {k: set().union(*(by_member.get(m, set()) for m in c.members)) for k, c in enumerate(clusters)}



def compare(articles: list[Article], *, params: AlignParams = AlignParams(), min_outlets: int = 1,
            progress: Progress | None = None, corrections: Sequence[Constraint] = (),
            corrections_version: str | None = None) -> dict:
    """Align the articles' sentences into facts and say which outlet reports which.

    `progress(done, total, stage)` is called after each step (a job reports it; the CLI draws a bar).
    `corrections`: reviewers' constraints on sentence pairs, applied after alignment (service.corrections);
    `corrections_version` names the state of the corrections store they come from (part of the id)."""
    options = effective_options(params, min_outlets, corrections_version)
    articles, alignment = aligned(articles, params=params, progress=progress)
    features = alignment.features
    salt = comparison_id([a.id for a in articles], options)
    corrected = apply_corrections(alignment.clusters, features, list(corrections))
    stories = compared_stories(articles, features, corrected.clusters)
    clusters = restrict(corrected.clusters, features, articles, stories)
    events = comparison_events(articles, features, clusters)
    facts = build_facts(articles, features, clusters, alignment.sentence_scores, salt=salt, events=events,
                        corrections=corrections_of(clusters, corrected))
    outlets = outlet_ids(articles)
    compared = sorted(set(outlets))
    event_outlets = [sorted({outlets[a] for a in members}) for members in events]
    covered = event_coverage(facts, event_outlets)
    report = progress or (lambda done, total, stage: None)
    total = alignment.steps
    report(total - 1, total, "facts")
    by_sentence = {(articles[f.article].id, f.index): f for f in features}
    framing = framing_report(articles, facts, covered, alignment.weights, by_sentence)
    report(total, total, "framing")
    shown = [f for f in facts if len(f["outlets"]) >= min_outlets]
    sides = sides_report(articles, facts, events)
    if sides is not None:
        framing["sides"] = sides
    for fact in facts:
        del fact["event"]
    return {
        "id": salt,
        "algorithm": {"version": algorithm_version(), "min_confidence": options["min_confidence"],
                      "model": link_model_summary(),
                      "scorers": [{"name": n, "description": d} for n, d in SCORERS.items()],
                      "parameters": asdict(params)},
        "options": options,
        "articles": [_summary(a, chosen) for a, chosen in zip(articles, stories)],
        "outlets": compared,
        "events": [{"index": k, "articles": [articles[a].id for a in members], "outlets": event_outlets[k]}
                   for k, members in enumerate(events)],
        "facts": shown,
        "coverage": covered,
        "framing": framing,
        "stats": {"sentences": len(features), "distinct_sentences": len(alignment.units), "candidate_pairs": len(alignment.scores.cache), "links": len(alignment.links),
                  "facts": len(facts), "shared_facts": sum(1 for f in facts if len(f["outlets"]) > 1)},
    }


def aligned(articles: list[Article], *, params: AlignParams = AlignParams(),
            progress: Progress | None = None) -> tuple[list[Article], Alignment]:
    """The articles in canonical order (by id, duplicates dropped) and the alignment of their sentences."""
    articles, features = compared_features(articles)
    return articles, align(features, articles=len(articles), params=params, progress=progress)


def compared_features(articles: list[Article]) -> tuple[list[Article], list[SentenceFeatures]]:
    """compare()'s first step: the articles in canonical order (by id, duplicates dropped) and the features of
    every sentence it aligns."""
    articles = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    return articles, [f for position, article in enumerate(articles) for f in
                      article_features(position, compared_sentences(article), published_at=article.published_at)]


def compared_sentences(article: Article) -> list[Sentence]:
    """Every sentence a comparison aligns: the body, its subheads and its photo captions (see sentence_role)."""
    return [*article.sentences, *caption_sentences(article.captions, len(article.sentences))]


def body_sentences(article: Article):
    """Sentences that state facts: in-body subheads are signposts, not reports."""
    headings = {p.index for p in article.paragraphs if p.heading}
    return [s for s in article.sentences if s.paragraph not in headings]


def _summary(article: Article, stories: set[int] | None) -> dict:
    return {"id": article.id, "outlet": asdict(article.outlet) if article.outlet else None,
            "via": asdict(article.via) if article.via else None, "title": article.title, "url": article.url,
            "published_at": article.published_at, "language": article.language,
            "sentence_count": len(article.sentences),
            "stories": [{**asdict(story), "compared": stories is None or story.index in stories}
                        for story in article.stories]}

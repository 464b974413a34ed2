"""compare(): the one pipeline function behind comparisons, from parsed articles to the result document.

Pure: no Flask, no Redis. Articles are compared in a canonical order (by id), so the result does not depend
on the order they were given in.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from .align.aligner import Alignment, Progress, align
from .align.facts import build_facts, coverage, outlet_ids
from .align.features import article_features
from .align.scoring import SCORERS
from .framing.profile import framing_report
from .models import Article
from .tuning import ALGORITHM_VERSION, AlignParams


def comparison_id(article_ids: list[str], options: dict) -> str:
    key = json.dumps({"articles": sorted(article_ids), "options": options, "version": ALGORITHM_VERSION},
                     sort_keys=True)
    return hashlib.sha256(key.encode()).hexdigest()[:16]



def compare(articles: list[Article], *, params: AlignParams = AlignParams(), min_outlets: int = 1,
            progress: Progress | None = None) -> dict:
    """Align the articles' sentences into facts and say which outlet reports which.

    `progress(done, total, stage)` is called after each step (a job reports it; the CLI draws a bar)."""
    options = {"threshold": params.threshold, "min_outlets": min_outlets}
    articles, alignment = aligned(articles, params=params, progress=progress)
    features = alignment.features
    salt = comparison_id([a.id for a in articles], options)
    facts = build_facts(articles, features, alignment.clusters, alignment.sentence_scores, salt=salt)
    compared = sorted(set(outlet_ids(articles)))
    covered = coverage(facts, compared)
    report = progress or (lambda done, total, stage: None)
    total = alignment.steps
    report(total - 1, total, "facts")
    by_sentence = {(articles[f.article].id, f.index): f for f in features}
    framing = framing_report(articles, facts, covered, alignment.weights, by_sentence)
    report(total, total, "framing")
    shown = [f for f in facts if len(f["outlets"]) >= min_outlets]
    return {
        "id": salt,
        "algorithm": {"version": ALGORITHM_VERSION, "threshold": params.threshold,
                      "cluster_threshold": params.cluster_threshold,
                      "scorers": [{"name": n, "description": d} for n, d in SCORERS.items()],
                      "parameters": asdict(params)},
        "options": options,
        "articles": [_summary(a) for a in articles],
        "outlets": compared,
        "facts": shown,
        "coverage": covered,
        "framing": framing,
        "stats": {"sentences": len(features), "distinct_sentences": len(alignment.units), "candidate_pairs": len(alignment.scores.cache), "links": len(alignment.links),
                  "facts": len(facts), "shared_facts": sum(1 for f in facts if len(f["outlets"]) > 1)},
    }


def aligned(articles: list[Article], *, params: AlignParams = AlignParams(),
            progress: Progress | None = None) -> tuple[list[Article], Alignment]:
    """The articles in canonical order (by id, duplicates dropped) and the alignment of their sentences."""
    articles = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    features = [f for position, article in enumerate(articles)
                for f in article_features(position, body_sentences(article))]
    return articles, align(features, articles=len(articles), params=params, progress=progress)


def body_sentences(article: Article):
    """Sentences that state facts: in-body subheads are signposts, not reports."""
    headings = {p.index for p in article.paragraphs if p.heading}
    return [s for s in article.sentences if s.paragraph not in headings]


def _summary(article: Article) -> dict:
    return {"id": article.id, "outlet": asdict(article.outlet) if article.outlet else None,
            "via": asdict(article.via) if article.via else None, "title": article.title, "url": article.url,
            "published_at": article.published_at, "language": article.language,
            "sentence_count": len(article.sentences)}

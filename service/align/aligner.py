"""align(): sentences of several articles to fact clusters, and the pair scores behind them.

The one alignment path that comparisons, event grouping and the evaluation share: word weights, units,
candidate pairs, batch scoring, links, clusters. Pure: no Flask, no Redis.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..tuning import AlignParams
from .candidates import candidate_pairs, word_weights
from .cluster import Cluster, PairScores, SentenceScores, cluster, sentence_clusters
from .crosslingual import CrossLingual
from .features import SentenceFeatures
from .units import Units, group_units

Progress = Callable[[int, int, str], None]
SCORE_BATCH = 50_000  # candidate pairs scored per step, so long comparisons can report progress
STEPS_AFTER_SCORING = 3  # clusters, facts, framing: the caller reports the last two


@dataclass
class Alignment:
    features: list[SentenceFeatures]  # every compared sentence, article by article
    weights: dict[str, float]  # word weights (IDF over the compared sentences)
    units: Units
    scores: PairScores  # scores of unit pairs, computed once each
    links: list[tuple[int, int]]  # unit pairs linked before clustering
    clusters: list[Cluster]  # clusters of sentences (positions into `features`)
    steps: int  # progress steps in all, the caller's last ones included

    @property
    def sentence_scores(self) -> SentenceScores:
        return SentenceScores(self.units, self.scores)


def align(features: list[SentenceFeatures], *, articles: int, params: AlignParams = AlignParams(),
          progress: Progress | None = None) -> Alignment:
    """Cluster the sentences into facts. `progress(done, total, stage)` is called after each step; the
    total counts the caller's last steps too (STEPS_AFTER_SCORING)."""
    report = progress or (lambda done, total, stage: None)
    weights = word_weights(features)
    units = group_units(features)
    scores, crosslingual = pair_scorer(units.features, params)
    candidates = indexed_candidates(units.features, crosslingual, params=params, articles=articles)
    batches = [candidates[k:k + SCORE_BATCH] for k in range(0, len(candidates), SCORE_BATCH)]
    total = 2 + len(batches) + STEPS_AFTER_SCORING
    report(2, total, "candidates")
    for done, batch in enumerate(batches, start=3):
        scores.prime(batch)
        report(done, total, "scores")
    links = [pair for pair in candidates if scores.links(*pair)]
    clusters = sentence_clusters(units, cluster(units, links, scores, params=params))
    report(total - 2, total, "clusters")
    return Alignment(features=features, weights=weights, units=units, scores=scores, links=links,
                     clusters=clusters, steps=total)


def pair_scorer(features: list[SentenceFeatures], params: AlignParams) -> tuple[PairScores, CrossLingual | None]:
    """The link scorer of these sentences (the fitted model), with the cross-lingual one when languages mix."""
    crosslingual = CrossLingual(features)
    crosslingual = crosslingual if crosslingual.mixed else None
    return PairScores(features, params, crosslingual), crosslingual


def indexed_candidates(features: list[SentenceFeatures], crosslingual: CrossLingual | None, *,
                       params: AlignParams, articles: int) -> list[tuple[int, int]]:
    """The pairs worth scoring, sorted: the word index's, and anchored pairs across languages when they mix."""
    found = candidate_pairs(features, params=params, articles=articles)
    return sorted(found | crosslingual.candidates() if crosslingual else found)

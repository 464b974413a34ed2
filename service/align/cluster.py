"""N-way fact clusters over all articles at once.

Links are merged most confident first. A merge must keep the fact coherent: the mean confidence over all of
its cross-article sentence pairs stays at the link threshold and no pair falls below `cluster_floor`, so
one hub sentence cannot chain two unrelated sentences together (plain transitive closure would). Sentences of one article may share a fact only when they are adjacent (one long sentence
carrying two short ones). Clustering runs on units (copies of one text, see units.py), then expands to sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..tuning import AlignParams
from .features import SentenceFeatures
from .link_model import cross_model, link_model
from .crosslingual import CrossLingual
from .scoring import PairScore, score_cross_pairs, score_pairs
from .units import IDENTICAL, Units, single_article


@dataclass
class Cluster:
    members: list[int]
    links: dict[int, PairScore] = field(default_factory=dict)  # member -> the link that brought it in


class PairScores:
    """Scores of sentence pairs, computed once each, on demand."""

    def __init__(self, features: list[SentenceFeatures], params: AlignParams,
                 crosslingual: CrossLingual | None = None):
        self.features, self.params, self.crosslingual = features, params, crosslingual
        self.cache: dict[tuple[int, int], PairScore] = {}
        self.min_confidence = link_model().threshold if params.min_confidence is None else params.min_confidence

    def prime(self, pairs) -> None:
        """Score many pairs in one batch (rapidfuzz runs them in C); later calls hit the cache."""
        cache = self.cache  # (not `- cache.keys()`: that walks every cached pair on each call)
        todo = sorted({pair for pair in ((i, j) if i < j else (j, i) for i, j in pairs) if pair not in cache})
        if not todo:
            return
        across = self.crosslingual
        crossing = [pair for pair in todo if across is not None and across.crosses(*pair)]
        within = [pair for pair in todo if across is None or not across.crosses(*pair)] if crossing else todo
        results = score_pairs([(self.features[i], self.features[j]) for i, j in within], params=self.params)
        self.cache.update(zip(within, results))
        if crossing:
            self.cache.update(zip(crossing, score_cross_pairs(across, crossing)))

    def links(self, i: int, j: int) -> bool:
        """Whether the pair is linked as one fact on its own (clustering then checks coherence): at the
        threshold asked for, else at the threshold of the model that scored it (one language or two)."""
        confidence = self(i, j).confidence
        if self.crosslingual is not None and self.crosslingual.crosses(i, j):
            if self.params.cross_min_confidence is not None:
                return confidence >= self.params.cross_min_confidence
            if self.params.min_confidence is None:
                return confidence >= cross_model().threshold
        return confidence >= self.min_confidence

    def __call__(self, i: int, j: int) -> PairScore:
        key = (i, j) if i < j else (j, i)
        if key not in self.cache:
            self.prime([key])
        return self.cache[key]


def cluster(units: Units, links: list[tuple[int, int]], scores: PairScores, *,
            params: AlignParams = AlignParams()) -> list[Cluster]:
    """Clusters of units; every unit ends in exactly one cluster (singletons included)."""
    owner = list(range(len(units)))
    clusters = {u: Cluster(members=[u]) for u in range(len(units))}
    spans = {u: {a: (i, i) for a, i in units.articles[u].items()} for u in range(len(units))}
    for i, j in sorted(links, key=lambda pair: (-scores(*pair).confidence, pair)):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        merged_span = _merged_spans(spans[a], spans[b], params.adjacent_span)
        if merged_span is None or not _coherent(clusters[a], clusters[b], units, scores):
            continue
        merged = clusters[a]
        link = scores(i, j)
        for member in clusters[b].members:
            owner[member] = a
        merged.members.extend(clusters[b].members)
        merged.links.update(clusters[b].links)
        merged.links.setdefault(i, link)
        merged.links.setdefault(j, link)
        spans[a] = merged_span
        del clusters[b], spans[b]
    return [clusters[k] for k in sorted(clusters)]


def sentence_clusters(units: Units, clusters: list[Cluster]) -> list[Cluster]:
    """The unit clusters as clusters of sentences. Copies of one text are linked to each other as identical;
    a unit of one sentence keeps the link that brought it into its fact."""
    result = []
    for unit_cluster in clusters:
        members, links = [], {}
        for unit in unit_cluster.members:
            copies = units.members[unit]
            members.extend(copies)
            link = IDENTICAL if len(copies) > 1 else unit_cluster.links.get(unit)
            if link is not None:
                links.update(dict.fromkeys(copies, link))
        result.append(Cluster(members=members, links=links))
    return result


class SentenceScores:
    """Pair scores addressed by sentence: copies of one text are identical, other pairs are their units' pair."""

    def __init__(self, units: Units, scores: PairScores):
        self.units, self.scores = units, scores

    def prime(self, pairs) -> None:
        unit_of = self.units.unit_of
        self.scores.prime((unit_of[i], unit_of[j]) for i, j in pairs if unit_of[i] != unit_of[j])

    def __call__(self, i: int, j: int) -> PairScore:
        u, v = self.units.unit_of[i], self.units.unit_of[j]
        return IDENTICAL if u == v else self.scores(u, v)


def _merged_spans(a: dict[int, tuple[int, int]], b: dict[int, tuple[int, int]], limit: int):
    """Per article, the first and last sentence of the merged fact; None when one article's sentences would
    lie further apart than `limit` (only adjacent sentences of one article share a fact)."""
    merged = dict(a)
    for article, (low, high) in b.items():
        if article in merged:
            low, high = min(low, merged[article][0]), max(high, merged[article][1])
            if high - low > limit:
                return None
        merged[article] = (low, high)
    return merged


def _coherent(a: Cluster, b: Cluster, units: Units, scores: PairScores) -> bool:
    params = scores.params
    total = count = 0
    for x, y in _cross_pairs(a.members, b.members, units, params.max_coherence_pairs):
        confidence = scores(x, y).confidence
        if confidence < params.cluster_floor:
            return False
        total += confidence
        count += 1
    return count == 0 or total / count >= scores.min_confidence


def _cross_pairs(left: list[int], right: list[int], units: Units, limit: int):
    """Cross-article pairs between two groups; beyond `limit`, an evenly spread, deterministic sample, so a
    fact reported by a hundred articles does not cost ten thousand scores per merge."""
    pairs = [(x, y) for x in left for y in right if not single_article(units, x, y)]
    if len(pairs) <= limit:
        return pairs
    step = len(pairs) / limit
    return [pairs[int(k * step)] for k in range(limit)]

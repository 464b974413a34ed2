"""N-way fact clusters over all articles at once.

Links are merged strongest first. A merge must keep the fact coherent: the mean score over all of its
cross-article sentence pairs stays above `cluster_threshold`, no pair falls below `cluster_floor` and no pair
has a slot conflict, so one hub
sentence cannot chain two unrelated sentences together (plain transitive closure would). Sentences of one
article may share a fact only when they are adjacent (one long sentence carrying two short ones).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..tuning import AlignParams
from .features import SentenceFeatures
from .scoring import PairScore, score_pair, score_pairs


@dataclass
class Cluster:
    members: list[int]
    links: dict[int, PairScore] = field(default_factory=dict)  # member -> the link that brought it in


class PairScores:
    """Scores of sentence pairs, computed once each, on demand."""

    def __init__(self, features: list[SentenceFeatures], weights: dict[str, float], params: AlignParams):
        self.features, self.weights, self.params = features, weights, params
        self.cache: dict[tuple[int, int], PairScore] = {}

    def prime(self, pairs) -> None:
        """Score many pairs in one batch (rapidfuzz runs them in C); later calls hit the cache."""
        todo = sorted({(i, j) if i < j else (j, i) for i, j in pairs} - self.cache.keys())
        results = score_pairs([(self.features[i], self.features[j]) for i, j in todo], weights=self.weights,
                              params=self.params)
        self.cache.update(zip(todo, results))

    def __call__(self, i: int, j: int) -> PairScore:
        key = (i, j) if i < j else (j, i)
        if key not in self.cache:
            self.cache[key] = score_pair(self.features[key[0]], self.features[key[1]], weights=self.weights,
                                         params=self.params)
        return self.cache[key]


def cluster(features: list[SentenceFeatures], links: list[tuple[int, int]], scores: PairScores, *,
            params: AlignParams = AlignParams()) -> list[Cluster]:
    """Clusters of sentence indices; every sentence ends in exactly one cluster (singletons included)."""
    owner = list(range(len(features)))
    clusters = {i: Cluster(members=[i]) for i in range(len(features))}
    for i, j in sorted(links, key=lambda pair: (-scores(*pair).score, pair)):
        a, b = owner[i], owner[j]
        if a == b or not _coherent(clusters[a], clusters[b], features, scores, params):
            continue
        merged = clusters[a]
        link = scores(i, j)
        for member in clusters[b].members:
            owner[member] = a
        merged.members.extend(clusters[b].members)
        merged.links.update(clusters[b].links)
        merged.links.setdefault(i, link)
        merged.links.setdefault(j, link)
        del clusters[b]
    return [clusters[k] for k in sorted(clusters)]


def _coherent(a: Cluster, b: Cluster, features: list[SentenceFeatures], scores: PairScores,
              params: AlignParams) -> bool:
    by_article: dict[int, list[int]] = {}
    for member in a.members + b.members:
        by_article.setdefault(features[member].article, []).append(features[member].index)
    if any(max(ix) - min(ix) > params.adjacent_span for ix in by_article.values()):
        return False
    total = count = 0
    for x, y in _cross_pairs(a.members, b.members, features, params.max_coherence_pairs):
        pair = scores(x, y)
        if not pair.linked or pair.score < params.cluster_floor:
            return False
        total += pair.score
        count += 1
    return count == 0 or total / count >= params.cluster_threshold


def _cross_pairs(left: list[int], right: list[int], features, limit: int):
    """Cross-article pairs between two groups; beyond `limit`, an evenly spread, deterministic sample, so a
    fact reported by a hundred articles does not cost ten thousand scores per merge."""
    pairs = [(x, y) for x in left for y in right if features[x].article != features[y].article]
    if len(pairs) <= limit:
        return pairs
    step = len(pairs) / limit
    return [pairs[int(k * step)] for k in range(limit)]

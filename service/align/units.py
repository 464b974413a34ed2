"""Units: sentences that read the same (same normalised text, same people in context) across articles.

Reposts and wire copy repeat sentences verbatim, often in dozens of articles. Such sentences score 100 with
each other and the same against everything else, so the aligner indexes, scores and clusters each unit once
and expands the result to sentences at the end. The k-th repetition of a text inside one article is a unit of
its own, so a unit holds at most one sentence per article.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .features import SentenceFeatures
from .scoring import PairScore

IDENTICAL = PairScore(score=100.0, scorer="chars", confidence=1.0)  # two identical sentences


@dataclass(frozen=True)
class Units:
    features: list[SentenceFeatures]  # one per unit: its first sentence's features, `article` = -1 when shared
    members: list[list[int]]  # sentence positions (into the comparison's feature list) of each unit
    unit_of: list[int]  # unit of each sentence
    articles: list[dict[int, int]]  # per unit: article position -> that article's sentence index

    def __len__(self) -> int:
        return len(self.features)


def group_units(features: list[SentenceFeatures]) -> Units:
    """Group sentences into units, in order of first appearance (deterministic for the same input)."""
    index: dict[tuple, int] = {}
    repeats: dict[tuple, int] = {}
    representatives, members, unit_of, articles = [], [], [], []
    for position, feature in enumerate(features):
        text_key = (feature.norm, feature.people)
        rank = repeats.get((feature.article, text_key), 0)
        repeats[(feature.article, text_key)] = rank + 1
        key = (text_key, rank)
        unit = index.get(key)
        if unit is None:
            unit = index[key] = len(representatives)
            representatives.append(feature)
            members.append([])
            articles.append({})
        members[unit].append(position)
        articles[unit][feature.article] = feature.index
        unit_of.append(unit)
    shared = [_shared(f, [features[m] for m in members[u]]) if len(articles[u]) > 1 else f
              for u, f in enumerate(representatives)]
    return Units(features=shared, members=members, unit_of=unit_of, articles=articles)


def _shared(representative: SentenceFeatures, copies: list[SentenceFeatures]) -> SentenceFeatures:
    """A unit's features: what its copies agree on. Copies published on different days (a wire story, a
    repost) have no one publication day, and their relative days (周五) may resolve to different dates."""
    published = {c.published for c in copies}
    days = {c.days for c in copies}
    return replace(representative, article=-1, published=published.pop() if len(published) == 1 else None,
                   days=days.pop() if len(days) == 1 else frozenset())


def single_article(units: Units, u: int, v: int) -> bool:
    """True when every sentence pair of the two units is inside one article (not a cross-article pair)."""
    a, b = units.articles[u], units.articles[v]
    return len(a) == 1 and a.keys() == b.keys()

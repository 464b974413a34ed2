"""What a comparison is about: which stories of multi-story documents it compares, and which events it spans.

A broadcast programme or a digest holds many stories; only those that share facts with the other documents
are compared, the rest neither appear in facts nor count in coverage. Articles (their compared stories) are
then grouped into events by the share of facts they have in common and their dates (the average-link grouping
of service.events), so "left out" is only counted among reports of the same event.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .align.cluster import Cluster
from .align.facts import sentence_role
from .align.features import SentenceFeatures
from .grouping import average_link, day_number
from .ingest.stories import story_of
from .models import Article
from .tuning import MIN_FACT_CHARS, MIN_SHARED_SENTENCES, MOSTLY_SHARED, EventParams



@dataclass(frozen=True)
class Scope:
    stories: list[set[int] | None]  # per article position: the compared stories (None: a one-story document)
    events: list[list[int]]  # article positions grouped into events, in order of their first article

    def event_of(self) -> dict[int, int]:
        """The event of each article position."""
        return {article: k for k, members in enumerate(self.events) for article in members}


def sentence_story(article: Article, index: int) -> int:
    """The story a compared sentence belongs to (captions: the first story)."""
    if index >= len(article.sentences):
        return 0
    return story_of(article.stories, article.sentences[index].paragraph)


def compared_stories(articles: list[Article], features: list[SentenceFeatures],
                     clusters: list[Cluster]) -> list[set[int] | None]:
    """Per article: the stories of a multi-story document that share enough facts with other articles."""
    shared, sizes = Counter(), Counter()
    for cluster in clusters:
        spread = len({features[m].article for m in cluster.members}) > 1
        for member in cluster.members:
            feature = features[member]
            if len(feature.bare) < MIN_FACT_CHARS or sentence_role(articles[feature.article], feature.index)[0] == "heading":
                continue
            key = (feature.article, sentence_story(articles[feature.article], feature.index))
            sizes[key] += 1
            shared[key] += spread
    result: list[set[int] | None] = []
    for position, article in enumerate(articles):
        if len(article.stories) <= 1:
            result.append(None)
            continue
        result.append({story.index for story in article.stories
                       if _compared(shared[(position, story.index)], sizes[(position, story.index)])})
    return result


def _compared(shared: int, size: int) -> bool:
    return shared >= MIN_SHARED_SENTENCES or shared > 0 and shared >= MOSTLY_SHARED * size


def restrict(clusters: list[Cluster], features: list[SentenceFeatures], articles: list[Article],
             stories: list[set[int] | None]) -> list[Cluster]:
    """The clusters without the sentences of stories that are not compared (empty clusters dropped)."""
    def kept(member: int) -> bool:
        feature = features[member]
        chosen = stories[feature.article]
        return chosen is None or sentence_story(articles[feature.article], feature.index) in chosen

    result = []
    for cluster in clusters:
        members = [m for m in cluster.members if kept(m)]
        if members:
            result.append(Cluster(members=members, links={m: cluster.links[m] for m in members if m in cluster.links}))
    return result


def comparison_events(articles: list[Article], features: list[SentenceFeatures], clusters: list[Cluster], *,
                      params: EventParams = EventParams()) -> list[list[int]]:
    """Articles grouped into events: facts two articles share, over the sentence count of the shorter, averaged
    over groups (average link), within `max_event_days`."""
    n = len(articles)
    similarity = np.eye(n)
    counts = Counter(f.article for c in clusters for f in (features[m] for m in c.members))
    for cluster in clusters:
        present = sorted({features[m].article for m in cluster.members})
        for x in range(len(present)):
            for y in range(x + 1, len(present)):
                i, j = present[x], present[y]
                share = 1.0 / max(min(counts[i], counts[j]), 1)
                similarity[i, j] += share
                similarity[j, i] += share
    days = np.array([day_number(a.published_at) for a in articles], dtype=float)
    return sorted(average_link(similarity, days, params), key=lambda group: group[0])

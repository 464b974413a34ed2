"""What the aligner knows about one sentence: its normalised forms, words, clauses and slots."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text.normalize import names_in, normalize, strip_punctuation
from ..text.sentences import is_cjk

CLAUSE_BREAK = re.compile(r"[,;:!?。！？，；：、\"()（）—]+")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
ENGLISH_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
ENGLISH_STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been has have had that this with as by from "
    "it its he she they we you i his her their our said says say told".split()
)


@dataclass(frozen=True)
class SentenceFeatures:
    article: int  # position of the article in the comparison
    index: int  # sentence index within its article
    text: str
    norm: str
    bare: str  # normalised, without punctuation or spaces
    words: str  # space-joined content words
    clauses: tuple[str, ...]  # bare clauses, longest first
    people: frozenset[str]
    places: frozenset[str]
    numbers: frozenset[str]
    years: frozenset[str]


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def warm_up() -> None:
    """Load jieba's dictionary and the alias table now (once per process), not in the first request."""
    _jieba()
    normalize("布林肯")


def sentence_features(article: int, index: int, text: str) -> SentenceFeatures:
    norm = normalize(text)
    bare = strip_punctuation(norm)
    people, places = names_in(norm)
    clauses = sorted({strip_punctuation(c) for c in CLAUSE_BREAK.split(norm)} - {""}, key=len, reverse=True)
    return SentenceFeatures(
        article=article, index=index, text=text, norm=norm, bare=bare, words=" ".join(tokens(norm)),
        clauses=tuple(clauses), people=frozenset(people), places=frozenset(places),
        numbers=frozenset(NUMBER.findall(norm)) - set(YEAR.findall(norm)), years=frozenset(YEAR.findall(norm)),
    )


def tokens(norm: str) -> list[str]:
    """Content words: jieba for Chinese runs, letters and digits for the rest; punctuation dropped."""
    if any(is_cjk(ch) for ch in norm):
        return [w for w in _jieba().lcut(strip_punctuation(norm) or norm, HMM=False) if w.strip()]
    return [w for w in ENGLISH_WORD.findall(norm) if w not in ENGLISH_STOPWORDS]

"""The batch scorer (score_pairs: every feature of many pairs at once, sentences shared between pairs counted once)
gives each pair what scoring it alone gives, on generated sentences that hold what the features look for:
names, places, days, numbers, encounters, pronouns, quotes and negations, in Chinese and English."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from service.align.features import article_features
from service.align.pair_features import FEATURES, INDEX, pair_matrix, reference_features
from service.align.scoring import score_pair, score_pairs
from service.ingest import parse_document
from service.tuning import PARTIAL_CUTOFF, AlignParams

FRAGMENTS = ["习近平", "布林肯", "拜登", "王毅", "沙利文", "Biden", "Xi", "Blinken", "在北京", "在旧金山", "in Beijing",
             "周五", "8月29日", "on Tuesday", "今天", "2023年", "五个多小时", "3000人", "4 hours", "会见了", "会晤",
             "通电话", "举行会议", "met", "talks", "called", "表示", "said", "他", "他们", "she", "中美应该合作", "双方",
             "“不寻求新冷战”", "\"we will cooperate\"", "并未改变立场", "not", "台湾问题", "芬太尼", "the two sides",
             "，", "、", ", ", " "]
SENTENCE = st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=12).map(lambda parts: "".join(parts).strip())
DOCUMENT = st.lists(SENTENCE.filter(bool), min_size=1, max_size=4)
PUBLISHED = st.sampled_from([None, "2023-11-15", "2024-04-26", "2024-08-29"])


def features(sentences: list[str], article: int, published: str | None):
    """The sentences as one article's features (context included: pronouns reach back, days resolve)."""
    parsed = parse_document("标题\n\n" + "\n\n".join(s + "。" for s in sentences), outlet=f"outlet{article}")
    return article_features(article, parsed.sentences, published_at=published)


def lexical_reference(a, b, params: AlignParams) -> list[float]:
    """The lexical columns of one pair, straight from rapidfuzz (0-1)."""
    shorter, longer = (a.bare, b.bare) if len(a.bare) <= len(b.bare) else (b.bare, a.bare)
    clauses_a = [c for c in a.clauses if len(c) >= params.min_clause_chars]
    clauses_b = [c for c in b.clauses if len(c) >= params.min_clause_chars]
    return [fuzz.ratio(a.bare, b.bare) / 100, fuzz.token_set_ratio(a.words, b.words) / 100,
            fuzz.token_sort_ratio(a.words, b.words) / 100, fuzz.ratio(a.words, b.words) / 100,
            fuzz.partial_ratio(shorter, longer, score_cutoff=PARTIAL_CUTOFF) / 100,
            max((fuzz.ratio(x, y) for x in clauses_a for y in clauses_b), default=0) / 100]


LEXICAL = [INDEX[name] for name in ("chars", "words_set", "words_sort", "words_ratio", "partial", "clause")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT, DOCUMENT, PUBLISHED, PUBLISHED, st.data())
def test_the_batch_scores_every_pair_as_scoring_it_alone_does(left_text, right_text, left_day, right_day, data):
    left, right = features(left_text, 0, left_day), features(right_text, 1, right_day)
    # pairs drawn with repeats, so that the batch shares sentences between pairs as a comparison does
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(left), st.sampled_from(right)), min_size=1, max_size=12))
    assert score_pairs(pairs) == [score_pair(a, b) for a, b in pairs]
    params = AlignParams()
    matrix = pair_matrix(pairs, params=params)
    for row, (a, b) in zip(matrix, pairs):
        assert row.tolist() == pair_matrix([(a, b)], params=params)[0].tolist()
        assert row[LEXICAL].tolist() == pytest.approx(lexical_reference(a, b, params), abs=1e-6)
        assert row[INDEX["quote"]:].tolist() == pytest.approx(reference_features(a, b))
    assert matrix.shape == (len(pairs), len(FEATURES))

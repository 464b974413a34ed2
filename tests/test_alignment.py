"""The aligner on the seeds and on small constructed cases: facts, hard negatives, stability, the index."""
from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from service.align.candidates import candidate_pairs
from service.align.cluster import PairScores
from service.align.features import article_features
from service.align.link_model import link_model
from service.comparison import body_sentences, compare, compared_sentences
from service.ingest import parse_document
from service.tuning import AlignParams

from .conftest import seed_bytes


@pytest.fixture(scope="module")
def seeds():
    return {p: parse_document(seed_bytes(p)) for p in ("000", "001", "002", "003", "004")}


def fact_with(result, text_part):
    for fact in result["facts"]:
        if any(text_part in m["text"] for m in fact["mentions"]):
            return fact
    raise AssertionError(f"no fact mentions {text_part!r}")


def fact_of_sentence(result, text):
    """The fact holding the sentence that reads exactly `text` (a longer sentence may contain it too)."""
    return next(f for f in result["facts"] if any(m["text"] == text for m in f["mentions"]))


def test_quote_in_different_frames_is_one_fact_with_its_word_difference(seeds):
    result = compare([seeds["000"], seeds["001"]])
    fact = fact_with(result, "俄罗斯将难以维持对乌克兰的攻击")
    assert fact["outlets"] == ["dw", "nyt"] and fact["weight"] == 1.0
    assert any("俄罗斯将难以维持对乌克兰的侵犯" in m["text"] for m in fact["mentions"])
    swaps = {(s["a"], s["b"]) for d in fact["differences"] if d["kind"] == "wording"
             for s in d["spans"] if s["where"] == "core"}
    assert ("攻击", "侵犯") in swaps or ("侵犯", "攻击") in swaps
    first, *others = fact["mentions"]
    assert first["confidence"] == 1.0
    assert all(m["scorer"] and m["confidence"] >= result["algorithm"]["min_confidence"] for m in others)


def test_traditional_and_simplified_mentions_align(seeds):
    result = compare([seeds["000"], seeds["001"]])
    fact = fact_with(result, "这不是公平竞争,而是遏制围堵")
    assert any("這並不是公平競爭" in m["text"] for m in fact["mentions"])


def test_meeting_with_xi_is_not_the_meeting_with_wang_yi(seeds):
    result = compare([seeds["000"], seeds["001"], seeds["002"]])
    xi = fact_with(result, "美国国务卿安东尼·布林肯与中国领导人习近平周五在北京举行了会谈")
    assert not any("王毅" in m["text"] and "會晤" in m["text"] for m in xi["mentions"])
    munich = fact_with(result, "中国外交部长王毅周五与布林肯共处了五个多小时")
    assert not any("慕尼黑" in m["text"] for m in munich["mentions"])


def test_same_words_by_different_speakers_are_different_facts(seeds):
    result = compare([seeds["000"], seeds["004"]])
    wang = fact_with(result, "这不是公平竞争,而是遏制围堵,不是去风险,而是制造风险")
    assert not any("这不是“去风险”，而是制造风险" in m["text"] for m in wang["mentions"])


def test_a_repost_counts_as_its_original_outlet(seeds):
    original = parse_document("\n\n".join(p.text for p in seeds["000"].paragraphs),
                              url="https://cn.nytimes.com/world/20240427/blinken-xi/")
    result = compare([original, seeds["000"], seeds["001"]])
    assert result["outlets"] == ["dw", "nyt"]
    fact = fact_with(result, "中国指责美国致力于扼杀中国的技术进步")
    assert fact["outlets"] == ["nyt"] and len(fact["mentions"]) == 2


def test_facts_do_not_depend_on_input_order(seeds):
    articles = [seeds["000"], seeds["001"], seeds["002"], seeds["004"]]
    reference = compare(articles)
    for order in random.Random(7).sample(list(itertools.permutations(articles)), 4):
        assert compare(list(order))["facts"] == reference["facts"]


def test_fact_ids_are_stable_and_depend_on_options(seeds):
    first = compare([seeds["000"], seeds["001"]])
    again = compare([seeds["001"], seeds["000"]])
    assert [f["id"] for f in first["facts"]] == [f["id"] for f in again["facts"]]
    other = compare([seeds["000"], seeds["001"]], params=AlignParams(min_confidence=0.7))
    assert {f["id"] for f in first["facts"]}.isdisjoint({f["id"] for f in other["facts"]})


def test_every_sentence_is_in_exactly_one_fact(seeds):
    articles = [seeds["000"], seeds["001"], seeds["004"]]
    result = compare(articles)
    mentioned = [(m["article_id"], m["sentence_index"]) for f in result["facts"] for m in f["mentions"]]
    expected = [(a.id, s.index) for a in articles for s in compared_sentences(a)]
    assert sorted(mentioned) == sorted(expected)


def test_coverage_counts_unique_and_omitted(seeds):
    result = compare([seeds["000"], seeds["001"], seeds["002"]])
    for outlet, cover in result["coverage"].items():
        assert cover["present"] == sum(1 for f in result["facts"] if outlet in f["outlets"])
        assert cover["unique"] == sum(1 for f in result["facts"] if f["outlets"] == [outlet])
        for fact_id in cover["omitted_facts"]:
            fact = next(f for f in result["facts"] if f["id"] == fact_id)
            assert outlet not in fact["outlets"] and len(fact["outlets"]) >= 1


def test_min_outlets_filters_listed_facts(seeds):
    result = compare([seeds["000"], seeds["001"]], min_outlets=2)
    assert result["facts"] and all(len(f["outlets"]) >= 2 for f in result["facts"])


def test_hub_sentence_does_not_chain_unrelated_facts():
    a = parse_document("甲报\n\n布林肯周五在北京人民大会堂会晤了习近平，双方讨论了芬太尼管制问题。\n\n其他内容在这里。",
                       outlet="a")
    hub = parse_document("乙报\n\n布林肯周五在北京人民大会堂会晤了习近平，双方讨论了芬太尼管制问题，"
                         "而七国集团外长在意大利卡普里岛发表联合声明，呼吁中国停止向俄罗斯提供军民两用物资。\n\n另一段。",
                         outlet="b")
    c = parse_document("丙报\n\n七国集团外长在意大利卡普里岛发表联合声明，呼吁中国停止向俄罗斯提供军民两用物资。\n\n别的。",
                       outlet="c")
    result = compare([a, hub, c])
    beijing = fact_of_sentence(result, "布林肯周五在北京人民大会堂会晤了习近平，双方讨论了芬太尼管制问题。")
    capri = fact_of_sentence(result, "七国集团外长在意大利卡普里岛发表联合声明，呼吁中国停止向俄罗斯提供军民两用物资。")
    assert beijing["id"] != capri["id"]


def test_candidate_index_keeps_the_confident_links_brute_force_finds(seeds):
    """Every pair the model is confident about (0.1 above its link threshold) when it scores all cross-article
    pairs is among the index's candidates. Nearer the threshold, brute force also links short sentences that
    share only a name and a weekday with another (mostly wrong links the index never scores; bench/ reports
    the share)."""
    articles = sorted(seeds.values(), key=lambda a: a.id)
    features = [f for i, a in enumerate(articles)
                for f in article_features(i, body_sentences(a), published_at=a.published_at)]
    scores = PairScores(features, AlignParams())
    pairs = [(i, j) for i, j in itertools.combinations(range(len(features)), 2)
             if features[i].article != features[j].article]
    scores.prime(pairs)
    confident = {pair for pair in pairs if scores(*pair).confidence >= link_model().threshold + 0.1}
    indexed = candidate_pairs(features, params=AlignParams())
    assert len(confident) >= 3, "the seeds have confident links"
    assert confident <= indexed
    assert len(indexed) < len(pairs) / 10  # the index scores a small share of all pairs


def test_a_quote_in_different_frames_is_a_candidate_even_when_the_sentences_differ_overall():
    quote = "我们致力于保持并加强两国之间的沟通渠道"
    a = article_features(0, parse_document(
        f"甲报\n\n国务卿在北京人民大会堂举行的记者会上对在场的中外记者们详细地说：“{quote}”。\n\n其他内容在这里。", outlet="a").sentences)
    b = article_features(1, parse_document(
        f"乙报\n\n白宫发言人周一在华盛顿被问到芬太尼管制、台湾问题和贸易关税等一系列议题时引述称“{quote}”。\n\n另一段。",
        outlet="b").sentences)
    features = a + b
    first_b = len(a)
    strict = replace(AlignParams(), min_candidate_overlap=0.9)  # whole sentences must nearly be one text
    assert (0, first_b) not in candidate_pairs(features, params=replace(strict, min_clause_overlap=2.0))
    assert (0, first_b) in candidate_pairs(features, params=strict)  # the shared quote makes them a candidate

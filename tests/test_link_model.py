"""The link decision's parts: pair features, entities found without a hand list, the shipped model file."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.align.features import article_features, sentence_features
from service.align.link_model import LinkModel, link_model, link_model_summary
from service.align.pair_features import FEATURES, INDEX, pair_matrix
from service.align.scoring import score_pair
from service.datafiles import data_bytes
from service.ingest import parse_document
from service.text.entities import english_names, looks_like_a_name


def features_of(a: str, b: str) -> dict[str, float]:
    row = pair_matrix([(sentence_features(0, 0, a), sentence_features(1, 0, b))])[0]
    return dict(zip(FEATURES, row.tolist()))


SENTENCES = [
    "习近平周五在北京人民大会堂会见美国国务卿布林肯。",
    "習近平週五在人民大會堂會晤到訪的美國國務卿布林肯",
    "王毅周五在北京钓鱼台国宾馆同布林肯举行了五个多小时的会谈。",
    "布林肯说：“我们致力于保持沟通。”",
    "President Biden spoke with President Xi Jinping on Tuesday about Taiwan.",
    "Mr. Sullivan met Director Wang Yi outside Beijing on August 27-28.",
    "两国元首同意恢复两军高层沟通。",
]


def test_identical_sentences_agree_on_everything():
    row = features_of(SENTENCES[0], SENTENCES[0])
    assert row["chars"] == row["words_set"] == row["word_jaccard"] == row["containment"] == 1.0
    assert row["people_agree"] == 1.0
    assert not any(row[name] for name in FEATURES if name.endswith("conflict"))


def test_another_named_person_is_a_conflict_and_a_pronoun_is_only_context():
    row = features_of("习近平周五会见了布林肯。", "王毅周五会见了布林肯。")
    assert row["people_conflict"] == 1.0 and row["context_people_conflict"] == 0.0
    # "他" stands for the person named before: a context person, weaker evidence than a named one
    said = article_features(0, parse_document("甲报\n\n习近平周五会见了布林肯。他说中美应该合作。", outlet="a").sentences)
    other = article_features(1, parse_document("乙报\n\n王毅说中美应该合作。\n\n另一段。", outlet="b").sentences)
    row = dict(zip(FEATURES, pair_matrix([(said[-1], other[0])])[0].tolist()))
    assert row["people_conflict"] == 0.0 and row["context_people_conflict"] == 1.0


def test_numbers_compatible_across_wordings_and_conflicting_when_they_differ():
    assert features_of("双方会谈了五个多小时。", "双方会谈超过5个半小时。")["numbers_agree"] == 1.0
    conflict = features_of("双方会谈了三个小时。", "双方会谈了五个小时。")
    assert conflict["numbers_conflict"] == 1.0 and conflict["numbers_agree"] == 0.0


def test_a_call_and_a_meeting_conflict():
    row = features_of("拜登周二与习近平通电话，讨论台湾问题。", "拜登周二与习近平会晤，讨论台湾问题。")
    assert row["encounter_conflict"] == 1.0


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SENTENCES), st.sampled_from(SENTENCES))
def test_features_are_symmetric_and_bounded(a, b):
    forward, backward = features_of(a, b), features_of(b, a)
    for name in FEATURES:
        assert forward[name] == pytest.approx(backward[name]), name
        assert 0.0 <= forward[name] <= 1.0, name


def test_entities_without_the_alias_table():
    assert looks_like_a_name("张又侠") and looks_like_a_name("洛佩斯")
    assert not looks_like_a_name("言辞") and not looks_like_a_name("芬太尼")
    found = sentence_features(0, 0, "中央军委副主席张又侠会见沙利文。")
    assert {"张又侠", "沙利文"} <= found.named
    assert english_names("Commerce Secretary Gina Raimondo met Premier Li Qiang in Beijing.") >= {"raimondo", "qiang"}
    assert "the" not in english_names("The two sides held candid talks.")


def test_the_model_file_records_its_features_training_and_dev_figures():
    data = json.loads(data_bytes("link_model.json"))
    assert tuple(data["features"]) == FEATURES
    assert len(data["training"]["sha256"]) == 64 and data["training"]["pairs"]["public"] > 1000
    assert 0.0 < data["threshold"] < 1.0
    assert {"dev_gold_facts", "dev_gold_pair_auc", "cnsd_dev", "msrp_train_cross_validated_accuracy"} <= data["dev"].keys()
    # the fitted signs: similarity never counts against a link, a conflict never for one
    from service.align.pair_features import SIGNS
    assert all(sign * coef >= 0 for sign, coef in zip(SIGNS, data["coef"]) if sign)
    assert link_model_summary()["sha256"] == link_model().digest


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.floats(0, 1), min_size=len(FEATURES), max_size=len(FEATURES)), min_size=1, max_size=8))
def test_vectorised_scoring_is_the_fitted_formula(rows):
    """The batch product gives, row by row, what the fitted logistic regression's formula gives."""
    data = json.loads(data_bytes("link_model.json"))
    model = link_model()
    predicted = model.predict(np.asarray(rows))
    for row, probability in zip(rows, predicted):
        logit = data["intercept"] + sum(c * (x - m) / s for x, m, s, c in
                                        zip(row, data["mean"], data["scale"], data["coef"]))
        assert probability == pytest.approx(1 / (1 + math.exp(-logit)), rel=1e-9)


def test_a_model_fitted_on_other_features_is_refused():
    data = json.loads(data_bytes("link_model.json"))
    with pytest.raises(ValueError, match="refit"):
        LinkModel.from_dict({**data, "features": data["features"][:-1]})


def test_pair_scores_carry_the_models_confidence():
    a, b = sentence_features(0, 0, SENTENCES[0]), sentence_features(1, 0, SENTENCES[1])
    pair = score_pair(a, b)
    assert pair.confidence == pytest.approx(
        float(link_model().predict(pair_matrix([(a, b)]))[0]), abs=1e-4)
    assert pair.scorer in {"chars", "words", "partial", "clause", "quote"}
    assert INDEX["chars"] == 0


CONTEXT = ["甲报\n\n习近平周五会见了布林肯。他说中美应该合作，双方会谈了五个多小时。",
           "乙报\n\n8月29日，王毅在北京会见沙利文。他表示“不寻求新冷战”，并未改变立场。",
           "Readout\n\nPresident Biden spoke with President Xi on Tuesday, April 2. He said the two sides agreed.",
           "丙报\n\n拜登周二与习近平通电话，讨论台湾问题和芬太尼问题。"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CONTEXT), st.sampled_from(CONTEXT)), min_size=1, max_size=6),
       st.randoms(use_true_random=False))
def test_batch_features_match_the_one_pair_reference(documents, rng):
    """The vectorised batch gives every pair what the plain one-pair definition gives (context included)."""
    from service.align.pair_features import reference_features

    pairs = []
    for a, b in documents:
        left = article_features(0, parse_document(a, outlet="a").sentences, published_at="2024-04-03")
        right = article_features(1, parse_document(b, outlet="b").sentences)
        pairs.append((rng.choice(left), rng.choice(right)))
    batch = pair_matrix(pairs)
    for row, (a, b) in zip(batch, pairs):
        assert row[INDEX["quote"]:].tolist() == pytest.approx(reference_features(a, b))

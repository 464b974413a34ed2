"""The fitted continuation decision (framing/continuation.py): the shipped model is the one fitted on today's dev
gold, beats the rules out of sample, and decides real dev passages the rules got wrong; the fitting works."""
from __future__ import annotations

import math

import numpy as np

from service.datafiles import load_json
from service.framing.continuation import FEATURES, MODEL_FILE, continuation_model, features
from service.train_continuation import fit, gold_digest, probabilities

from .test_attribution_rules import _said_in


def test_the_model_was_fitted_on_todays_dev_gold():
    model = load_json(MODEL_FILE)
    assert tuple(model["features"]) == FEATURES
    assert model["training"]["sha256"] == gold_digest(), \
        "the dev gold changed: refit with python -m service.train_continuation"


def test_the_model_beats_the_rules_out_of_sample():
    figures = load_json(MODEL_FILE)["dev_leave_one_document_out"]
    assert figures["documents"] > 50
    assert figures["model_errors"] < figures["rules_errors"]


def test_a_leader_speaking_of_his_guest_to_his_face_goes_on():
    said = _said_in("欢迎仪式后，国务院总理李强同新西兰总理拉克森举行会谈。\n\n"
                    "李强表示，面对当前变乱交织的国际形势，中新加强战略沟通、深化互利合作对双方具有重要意义。"
                    "今天（6月20日）上午，习近平主席同总理先生举行会晤，为下阶段两国关系发展指明了方向。")
    assert [a["speaker"] for a in said] == [None, "李强", "李强"]  # 总理先生: no narrator calls a guest so


def test_a_letter_addressing_its_readers_goes_on():
    said = _said_in("在C919大型客机取得中国民用航空局型号合格证之际，中共中央、国务院向参加C919大型客机项目的全体单位和"
                    "同志们表示热烈祝贺！\n\nC919大型客机取得型号合格证，标志着我国具备按照国际通行适航标准研制大型客机的能力。"
                    "\n\n在15年的奋斗历程中，大飞机人发扬长期奋斗的优良作风。祖国和人民感谢你们！")
    assert said[0]["speaker"] == said[-1]["speaker"] == "中共中央、国务院"  # 你们: the letter speaks to its readers


def test_background_after_a_leaders_words_is_the_outlets():
    said = _said_in("阿尔塞表示，玻利维亚已正式加入南方共同市场，希望今后为区域一体化作出贡献。"
                    "卢拉强调推进南美一体化进程的必要性，呼吁南美洲国家间共同落实相关决策，促进地区发展。"
                    "南方共同市场由阿根廷、巴西、巴拉圭和乌拉圭4国于1991年建立，8日玻利维亚正式成为该组织成员国。")
    assert [a["speaker"] for a in said] == ["阿尔塞", "卢拉", None]


def test_fitting_finds_the_separating_direction():
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(400, 3))
    labels = (rows[:, 0] - 2 * rows[:, 2] > 0).astype(int)
    weights = fit(rows, labels)
    assert weights[0] > 0 > weights[2] and abs(weights[1]) < abs(weights[0]) / 3
    assert np.mean((probabilities(weights, rows) >= 0.5) == labels) > 0.95


def test_the_decision_is_the_logistic_probability_at_the_threshold():
    model = continuation_model()
    zero = (0.0,) * len(FEATURES)
    rule = tuple(1.0 if name == "rule" else 0.0 for name in FEATURES)
    assert model.logit(zero) == model.intercept
    assert model.logit(rule) - model.logit(zero) == model.coefficients[FEATURES.index("rule")] > 0


def test_deciding_with_the_dear_features_left_out_gives_the_full_models_answer():
    from pathlib import Path

    from service.framing.attribution import ArticleText, framed_sentences
    from service.ingest import parse_document
    model, checked = continuation_model(), []

    def both(point):
        full = model.logit(features(point)) >= math.log(model.threshold / (1 - model.threshold))
        checked.append(model.decide(point) == full)
        return full

    for name in ("20250620.md", "20220930.md", "20240710.md"):
        path = Path(__file__).parent / "fixtures" / "attribution" / "cctv" / name
        framed_sentences(ArticleText.of(parse_document(path.read_bytes(), content_type="text/markdown")), both)
    assert len(checked) > 100 and all(checked)

"""The regression guard on the dev gold set: no figure of the link decision drops more than 3 points below the
figures recorded in tests/gold/eval-baseline.json (written on purpose by `python -m service.eval
--write-baseline` in the commit that changes the model; `make eval` prints them with every other set)."""
from __future__ import annotations

import json

import pytest

from service.eval import BASELINE, GATED, MAX_DROP, evaluate_set
from service.eval.datasets import dev_gold, outlets_gold
from service.eval.metrics import figures, roc_auc


@pytest.fixture(scope="module")
def dev():
    return dev_gold()


def test_gold_set_is_big_enough_and_real(dev):
    chinese = [p for p in dev.pairs if p.language == "zh"]
    assert sum(p.same for p in chinese) >= 40
    assert sum(not p.same for p in chinese) >= 40
    assert len({tuple(sorted((p.a.document, p.b.document))) for p in chinese}) >= 4
    for pair in dev.pairs:
        assert pair.a.document in dev.documents and pair.b.document in dev.documents


def test_cross_outlet_pairs_are_real_pairs():
    outlets = outlets_gold()
    assert len(outlets.pairs) >= 300 and outlets.role == "dev"
    assert {p.language for p in outlets.pairs} == {"zh", "en"}
    for pair in outlets.pairs:
        assert pair.a.text.strip() and pair.b.text.strip() and pair.a.text != pair.b.text
    kinds = {p.kind for p in outlets.pairs if p.same}
    assert {"embedded", "paraphrase", "quote"} <= kinds


def test_cross_outlet_figures_hold_against_the_baseline():
    recorded = json.loads(BASELINE.read_text())["outlets"]
    entry = evaluate_set(outlets_gold())
    assert entry["skipped"] == 0, entry["skipped_examples"]
    for key in GATED:
        assert entry["all"][key] >= recorded[key] - MAX_DROP, (key, entry["all"][key], recorded[key])


def test_dev_figures_hold_against_the_baseline(dev):
    recorded = json.loads(BASELINE.read_text())["dev"]
    entry = evaluate_set(dev)
    assert entry["all"]["pairs"] >= 100 and entry["skipped"] <= 25, entry
    for key in GATED:
        assert entry["all"][key] >= recorded[key] - MAX_DROP, (key, entry["all"][key], recorded[key])


def test_figures_by_hand():
    truth = [True, True, False, False, True]
    decided = [True, False, True, False, True]
    result = figures(truth, decided, [0.9, 0.4, 0.6, 0.1, 0.8])
    assert (result.precision, result.recall, result.accuracy) == (2 / 3, 2 / 3, 0.6)
    # positives 0.9, 0.4, 0.8 against negatives 0.6, 0.1: 5 of 6 orderings right
    assert result.auc == pytest.approx(5 / 6)
    assert roc_auc([True, False], [0.5, 0.5]) == 0.5
    assert roc_auc([True, True], [0.1, 0.2]) is None
    bins = {tuple(row["bin"]): row for row in result.calibration}
    assert bins[(0.8, 0.9)]["pairs"] == 1 and bins[(0.8, 0.9)]["observed"] == 1.0
    assert bins[(0.6, 0.7)]["observed"] == 0.0

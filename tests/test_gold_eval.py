"""The clustering quality gate on the dev gold set (figures printed by `python -m service.eval`).

Measured at the calibrated threshold (60): precision 0.931, recall 0.551 over all 121 usable pairs (English
fixtures: 1.00 / 0.87; Chinese seeds: 0.875 / 0.41). The gate sits just under those figures so that a
regression fails; the target recall of 0.80 is not reached by lexical scoring on the Chinese paraphrase pairs
of this set (see the closing note of the alignment issue).
"""
from __future__ import annotations

import yaml

from service.eval import DEFAULT_GOLD, evaluate, load_documents

MIN_PRECISION = 0.90
MIN_RECALL = 0.52


def test_gold_set_is_big_enough_and_real():
    pairs = yaml.safe_load(DEFAULT_GOLD.read_text(encoding="utf-8"))["pairs"]
    chinese = [p for p in pairs if not p["a"]["seed"].startswith("en")]
    assert sum(p["label"] == "same" for p in chinese) >= 40
    assert sum(p["label"] == "different" for p in chinese) >= 40
    assert len({tuple(sorted((p["a"]["seed"], p["b"]["seed"]))) for p in chinese}) >= 4
    documents = load_documents()
    for pair in pairs:
        for side in ("a", "b"):
            document = pair[side]["seed"]
            assert document in documents, document


def test_clustering_quality_gate():
    pairs = yaml.safe_load(DEFAULT_GOLD.read_text(encoding="utf-8"))["pairs"]
    scores = evaluate(pairs, load_documents())
    assert scores.pairs >= 100
    assert scores.precision >= MIN_PRECISION, scores
    assert scores.recall >= MIN_RECALL, scores

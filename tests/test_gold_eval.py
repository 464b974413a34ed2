"""The clustering quality gate on the dev gold set (figures printed by `python -m service.eval --sweep`).

Measured at the calibrated threshold (60; 58 gives the same, 56 trades a false link for a true one), with
the paraphrase folds of service/data/paraphrases.yaml:
- all 121 usable pairs: precision 0.966, recall 0.571 (28 true, 1 false link, 21 missed);
- without the `embedded` pairs (104): 0.947 / 0.562;
- Chinese seeds (94): 0.938 / 0.441; English fixtures (27): 1.00 / 0.867.
Before the folds: 0.931 / 0.551 (Chinese 0.875 / 0.41). The gate sits just under these figures so that a
regression fails; the target recall of 0.80 is not reached: the missed Chinese pairs share too few words for
lexical scoring, or are kept apart by the one-fact-per-sentence clustering (see the alignment issue).
"""
from __future__ import annotations

import yaml

from service.eval import DEFAULT_GOLD, evaluate, load_documents

MIN_PRECISION = 0.95
MIN_RECALL = 0.56


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

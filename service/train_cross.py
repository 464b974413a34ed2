"""Fit the cross-lingual link model (service/data/crosslingual_model.json); `python -m service.train` runs it.

Fitted on tests/gold/train-crosslingual.yaml only (White House / CCTV pairs of other events than the corpus's
and the seeds'); the link threshold is chosen on the cross-lingual dev gold (tests/gold/crosslingual.yaml) at
the level of the aligner's facts, as for the monolingual model. Tatoeba cmn-eng in ../shared/datasets is a
sanity check of the embedding (share of Chinese sentences whose nearest English one is their translation).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import yaml

from .align.crosslingual import CROSS_FEATURES, CROSS_SIGNS, CrossLingual, embedder
from .align.features import sentence_features
from .align.link_model import CROSS_MODEL_FILE, LinkModel, cross_model
from .datafiles import load_json
from .eval import datasets, evaluate_set
from .eval.metrics import roc_auc
from .eval.runner import paired_features
from .train import THRESHOLDS, Matrix, _source_day, fit
from .tuning import AlignParams

TRAIN = datasets.GOLD / "train-crosslingual.yaml"
MODEL_PATH = Path(__file__).resolve().parent / "data" / CROSS_MODEL_FILE
REGULARISATION = 0.3
VERSION = 1


def training_matrix(path: Path | None = None) -> tuple[Matrix, int]:
    """The cross-lingual features of the training pairs (English, Chinese) and how many pairs there are."""
    pairs = yaml.safe_load((path or TRAIN).read_text(encoding="utf-8"))["pairs"]
    features = []
    for pair in pairs:
        for side in ("en", "zh"):
            features.append(sentence_features(len(features), 0, pair[side]["text"],
                                              published_at=_source_day(pair[side])))
    across = CrossLingual(features)
    rows = across.matrix([(2 * k, 2 * k + 1) for k in range(len(pairs))])
    labels = np.array([p["label"] == "same" for p in pairs], dtype=bool)
    return Matrix(rows, labels, np.ones(len(pairs))), len(pairs)


def dev_matrix() -> Matrix:
    """The cross-lingual features of the dev gold pairs, each sentence placed in its document."""
    placed = list(paired_features(datasets.crosslingual_gold()))
    features, index = [], {}
    for _, a, b in placed:
        for feature in (a, b):
            if id(feature) not in index:
                index[id(feature)] = len(features)
                features.append(feature)
    rows = CrossLingual(features).matrix([(index[id(a)], index[id(b)]) for _, a, b in placed])
    return Matrix(rows, np.array([p.same for p, _, _ in placed], dtype=bool), np.ones(len(placed)))


def tatoeba_accuracy(shared: Path) -> float | None:
    """Share of Tatoeba's Chinese sentences whose most similar English sentence is their translation."""
    folder = shared / "datasets" / "tatoeba-cmn-eng"
    if not folder.is_dir():
        return None
    chinese = (folder / "tatoeba.cmn-eng.cmn").read_text(encoding="utf-8").splitlines()
    english = (folder / "tatoeba.cmn-eng.eng").read_text(encoding="utf-8").splitlines()
    zh, en = embedder()(chinese), embedder()(english)
    return float(((zh @ en.T).argmax(axis=1) == np.arange(len(chinese))).mean())


def choose_threshold() -> tuple[float, dict]:
    """The link threshold of cross-language pairs with the best F1 of the facts on the cross-lingual dev gold."""
    gold = datasets.crosslingual_gold()
    measured = {}
    for threshold in THRESHOLDS:
        params = AlignParams(cross_min_confidence=round(float(threshold), 2))  # one-language pairs as deployed
        figures = evaluate_set(gold, params=params)["all"]
        measured[round(float(threshold), 2)] = {k: v for k, v in figures.items() if k != "calibration"}
    best = max(measured, key=lambda t: (measured[t]["f1"], t))
    return best, measured[best]


def main(shared: Path) -> dict:
    """Fit the cross-lingual model, choose its threshold on the dev gold, write it; return its summary."""
    if not TRAIN.exists():
        raise FileNotFoundError(f"{TRAIN}: the cross-lingual training pairs")
    data, count = training_matrix()
    params = fit(data, regularisation=REGULARISATION, features=CROSS_FEATURES, signs=CROSS_SIGNS, context_of={})
    document = {
        "version": VERSION, "kind": "logistic regression, standardised features, sign-constrained coefficients",
        **params, "threshold": 0.5,
        "training": {"sha256": hashlib.sha256(TRAIN.read_bytes()).hexdigest(), "pairs": {"crosslingual": count},
                     "regularisation": REGULARISATION},
        "dev": {},
    }
    MODEL_PATH.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    for cached in (cross_model, load_json):
        cached.cache_clear()
    threshold, chosen = choose_threshold()
    dev = dev_matrix()
    model = LinkModel.from_dict({**params, "threshold": threshold}, expected=CROSS_FEATURES)
    document["threshold"] = threshold
    document["dev"] = {"crosslingual_gold_facts": chosen,
                       "crosslingual_gold_pair_auc": round(roc_auc(dev.labels, model.predict(dev.rows)) or 0.0, 4),
                       "tatoeba_nearest_is_translation": tatoeba_accuracy(shared)}
    MODEL_PATH.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    for cached in (cross_model, load_json):
        cached.cache_clear()
    return {k: document[k] for k in ("threshold", "training", "dev")}

"""The fitted link decision: the probability that two sentences report the same fact, from their features.

A logistic regression over `pair_features.FEATURES`, fitted offline by `python -m service.train` and shipped
as plain JSON (`data/link_model.json`: feature names, scaling, coefficients, the training data's digest and
dev figures; no pickle). Scoring is one matrix product over all candidate pairs of a comparison.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

import numpy as np

from ..datafiles import data_bytes, load_json
from .pair_features import FEATURES

MODEL_FILE = "link_model.json"
CROSS_MODEL_FILE = "crosslingual_model.json"  # sentence pairs in two languages: crosslingual.CROSS_FEATURES


@dataclass(frozen=True)
class LinkModel:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float  # the probability at which two sentences are linked, chosen on dev
    digest: str  # sha256 of the model file: part of the algorithm version

    def logits(self, matrix: np.ndarray) -> np.ndarray:
        return ((matrix - self.mean) / self.scale) @ self.coef + self.intercept

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """Probability of "same fact" for each row of `matrix` (columns in FEATURES order)."""
        return 1.0 / (1.0 + np.exp(-self.logits(matrix)))

    @classmethod
    def from_dict(cls, data: dict, digest: str = "", *, expected: tuple[str, ...] = FEATURES) -> "LinkModel":
        names = tuple(data["features"])
        if names != expected:
            missing = sorted(set(expected) ^ set(names))
            raise ValueError(f"the link model was fitted on other features ({', '.join(missing) or 'order'}): "
                             "refit it with `python -m service.train`")
        return cls(features=names, mean=np.asarray(data["mean"], dtype=float),
                   scale=np.asarray(data["scale"], dtype=float), coef=np.asarray(data["coef"], dtype=float),
                   intercept=float(data["intercept"]), threshold=float(data["threshold"]), digest=digest)


@cache
def link_model_summary() -> dict:
    """What a comparison reports about the model that decided it: kind, features, threshold, dev figures."""
    data = load_json(MODEL_FILE)
    return {"kind": data["kind"], "features": data["features"], "threshold": data["threshold"],
            "sha256": link_model().digest, "training_sha256": data["training"]["sha256"], "dev": data["dev"]}


@cache
def link_model() -> LinkModel:
    """The shipped model, loaded once per process."""
    return LinkModel.from_dict(load_json(MODEL_FILE), digest=hashlib.sha256(data_bytes(MODEL_FILE)).hexdigest())


@cache
def cross_model() -> LinkModel:
    """The link model of sentence pairs across languages, loaded once per process."""
    from .crosslingual import CROSS_FEATURES

    digest = hashlib.sha256(data_bytes(CROSS_MODEL_FILE)).hexdigest()
    return LinkModel.from_dict(load_json(CROSS_MODEL_FILE), digest=digest, expected=CROSS_FEATURES)

"""Fit the link model: `python -m service.train [--shared PATH]`.

Fitted on the train splits only: the project's news training pairs (tests/gold/train-zh.yaml, train-en.yaml:
other events than the seeds' and the held-out corpus's) and the public sets' train splits (CNSD train, MSRP
train). Chosen on dev: the dev gold (pairs in their documents' context), CNSD dev and MSRP cross-validation.
Writes service/data/link_model.json, plain JSON: features, scaling, coefficients, the link threshold chosen on
the dev sets (the best F1 of the aligner's facts on the dev gold among thresholds that keep CNSD dev at 0.85
accuracy), the training data's sha256 and
the dev figures. The held-out gold is never read here.

Context-inferred people (a pronoun's antecedent) never occur in one-sentence training pairs, so their
coefficients are set from the own-word ones, weaker by CONTEXT_WEIGHT: evidence, not a veto.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import yaml
from scipy import optimize, special
from rapidfuzz import fuzz, process

from .align.features import sentence_features
from .align.link_model import MODEL_FILE, LinkModel, link_model, link_model_summary
from .align.pair_features import FEATURES, SIGNS, pair_matrix
from .datafiles import load_json
from .eval import datasets, evaluate_set
from .eval.metrics import roc_auc
from .eval.runner import paired_features
from .text.sentences import HAN_CHARACTER
from .tuning import AlignParams

NEWS_TRAIN = (datasets.GOLD / "train-zh.yaml", datasets.GOLD / "train-en.yaml")
MODEL_PATH = Path(__file__).resolve().parent / "data" / MODEL_FILE
THRESHOLDS = np.arange(0.2, 0.71, 0.05)  # link thresholds tried on the dev gold
MIN_CNSD_ACCURACY = 0.85  # the accuracy on CNSD dev the chosen threshold must keep
CONTEXT_WEIGHT = 0.75  # a context-inferred person weighs this share of a person the sentence names (chosen on dev: 0.5 F1 0.50, 0.75 and 1.0 F1 0.53)
CONTEXT_OF = {"context_people_conflict": "people_conflict", "context_people_agree": "people_agree"}
NEWS_WEIGHT = 3.0  # a labelled news pair counts this many public pairs (chosen on dev: dev gold AUC, news CV, CNSD dev)
REGULARISATION = 0.3  # inverse strength of the L2 penalty (as scikit-learn's C), chosen on dev
VERSION = 1


@dataclass
class Matrix:
    rows: np.ndarray
    labels: np.ndarray
    weights: np.ndarray


UNRELATED_PAIRS = 1200  # negatives by construction (see unrelated_pairs), over both languages
UNRELATED_DAYS = 30  # documents this far apart report different events
CJK = HAN_CHARACTER
SOURCE_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")  # news/20230619.md, .../2022-07-28-readout-....md


@dataclass(frozen=True)
class TextPair:
    a: str
    b: str
    same: bool
    a_published: str | None = None  # the day its document came out, when the source names it
    b_published: str | None = None


def news_pairs(paths=NEWS_TRAIN) -> list[TextPair]:
    """The project's labelled news training pairs (train-zh.yaml, train-en.yaml), where present."""
    found = []
    for path in paths:
        if path.exists():
            found += [TextPair(p["a"]["text"], p["b"]["text"], p["label"] == "same", _source_day(p["a"]),
                               _source_day(p["b"]))
                      for p in yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]]
    return found


def _source_day(side: dict) -> str | None:
    match = SOURCE_DATE.search(side.get("source", "").rsplit("/", 1)[-1])
    return "-".join(match.groups()) if match else None


def unrelated_pairs(news: list[TextPair], *, count: int = UNRELATED_PAIRS, seed: int = 0) -> list[TextPair]:
    """Negatives labelled by construction: sentences of the news training pairs whose documents came out
    more than UNRELATED_DAYS apart, paired within a language. Labelled pairs are nearly all look-alikes, while
    most pairs an aligner scores share a few words and nothing else; without these the model cannot learn
    that region. Half are drawn at random, half are the most word-sharing of a larger random draw. Both get the
    first one's date, as if published the same day: the model must tell them apart by their words, not by
    the dates that chose them (two stories of one day's news are as different)."""
    rng = np.random.default_rng(seed)
    sentences = sorted({(text, day) for p in news for text, day in ((p.a, p.a_published), (p.b, p.b_published))
                        if day}, key=lambda item: item)
    by_language: dict[bool, list[tuple[str, date]]] = {}
    for text, day in sentences:
        by_language.setdefault(bool(CJK.search(text)), []).append((text, date.fromisoformat(day)))
    chosen: list[TextPair] = []
    for pool in by_language.values():
        draws = [pool[k] for k in rng.integers(0, len(pool), size=(count * 10, 2)).ravel()]
        candidates = [(a, b) for a, b in zip(draws[::2], draws[1::2]) if abs((a[1] - b[1]).days) > UNRELATED_DAYS]
        overlap = process.cpdist([a[0] for a, _ in candidates], [b[0] for _, b in candidates],
                                 scorer=fuzz.token_set_ratio)
        order = np.argsort(-overlap, kind="stable")
        half = count // 4  # a quarter of the pairs per language from each half
        picks = [candidates[k] for k in order[:half]] + [candidates[k] for k in rng.permutation(len(candidates))[:half]]
        chosen += [TextPair(a[0], b[0], False, a[1].isoformat(), a[1].isoformat()) for a, b in picks]
    return chosen


def one_sentence_matrix(pairs: list[TextPair], weight: float) -> Matrix:
    """The link model's features of sentence pairs scored alone (no document context), each of one weight."""
    features = [(sentence_features(0, 0, p.a, published_at=p.a_published),
                 sentence_features(1, 0, p.b, published_at=p.b_published)) for p in pairs]
    return Matrix(pair_matrix(features), np.array([p.same for p in pairs], dtype=bool), np.full(len(pairs), weight))


def training_data(shared: Path, *, corrections: Path | None = None) -> tuple[Matrix, str, dict]:
    """The training matrix (news, unrelated and public pairs), a digest of its files and the pair counts."""
    public = [*datasets.cnsd("train", shared / "datasets", role="fitted").pairs,
              *datasets.msrp(shared / "datasets", role="fitted").pairs]
    news = news_pairs()
    unrelated = unrelated_pairs(news)
    if corrections is not None:  # reviewers' judgements count as labelled news pairs
        news += [TextPair(p.a.text, p.b.text, p.same) for p in datasets.corrections_export(corrections).pairs]
    parts = [one_sentence_matrix([*news, *unrelated], NEWS_WEIGHT),
             one_sentence_matrix([TextPair(p.a.text, p.b.text, p.same) for p in public], 1.0)]
    files = [p for p in [*NEWS_TRAIN, corrections] if p is not None and p.exists()] + [shared / "datasets" / "chinese-sts" / "cnsd-sts-train.txt",
                                                   shared / "datasets" / "msrp" / "msr_paraphrase_train.txt"]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    counts = {"news": len(news), "unrelated": len(unrelated), "public": len(public)}
    return Matrix(np.vstack([p.rows for p in parts]), np.concatenate([p.labels for p in parts]),
                  np.concatenate([p.weights for p in parts])), digest.hexdigest(), counts


def fit(data: Matrix, *, regularisation: float = REGULARISATION, features: tuple[str, ...] = FEATURES,
        signs: tuple[int, ...] = SIGNS, context_of: dict[str, str] | None = None) -> dict:
    """Standardise, fit a logistic regression (weighted log loss, L2 penalty 1 / (2 C)) whose coefficients keep
    `signs` (pair_features.SIGNS), and return its parameters. `context_of`: context-only features and the
    own-word feature whose coefficient they take a share of (CONTEXT_OF by default)."""
    context_of = CONTEXT_OF if context_of is None else context_of
    mean, scale = data.rows.mean(axis=0), data.rows.std(axis=0)
    constant = scale < 1e-9  # never varies in training (context-only features): left to the rule below
    mean[constant], scale[constant] = 0.0, 1.0
    x = ((data.rows - mean) / scale)[:, ~constant]
    y = data.labels.astype(float)
    weights = data.weights / data.weights.sum()
    signs = np.asarray(signs)[~constant]
    penalty = 1.0 / (2.0 * regularisation * data.weights.sum())

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        coef, intercept = theta[:-1], theta[-1]
        z = x @ coef + intercept
        probability = special.expit(z)
        value = float(weights @ (np.logaddexp(0.0, z) - y * z) + penalty * coef @ coef)
        residual = weights * (probability - y)
        return value, np.append(x.T @ residual + 2.0 * penalty * coef, residual.sum())

    bounds = [(0.0, None) if sign > 0 else (None, 0.0) if sign < 0 else (None, None) for sign in signs]
    found = optimize.minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                              bounds=[*bounds, (None, None)], options={"maxiter": 5000})
    coef = np.zeros(len(features))
    coef[~constant] = found.x[:-1]
    for context, own in context_of.items():
        k, o = features.index(context), features.index(own)
        coef[k] = CONTEXT_WEIGHT * coef[o] / scale[o]  # raw units: this column is not standardised
    return {"features": list(features), "mean": mean.tolist(), "scale": scale.tolist(), "coef": coef.tolist(),
            "intercept": float(found.x[-1])}


def cross_validated_accuracy(data: Matrix, *, folds: int = 5, seed: int = 0) -> float:
    """Accuracy of the same fit on held-back folds (for MSRP, whose test split is kept apart)."""
    order = np.random.default_rng(seed).permutation(len(data.labels))
    correct = 0
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        params = fit(Matrix(data.rows[train], data.labels[train], data.weights[train]))
        model = LinkModel.from_dict({**params, "threshold": 0.5})
        correct += int(((model.predict(data.rows[test]) >= 0.5) == data.labels[test]).sum())
    return correct / len(data.labels)


def dev_rows() -> Matrix:
    """Dev gold pairs with their features in their documents' context, as the aligner sees them."""
    placed = list(paired_features(datasets.dev_gold()))
    return Matrix(pair_matrix([(a, b) for _, a, b in placed]), np.array([p.same for p, _, _ in placed], dtype=bool),
                  np.ones(len(placed)))


def choose_threshold(evaluate, *, min_accuracy: float = MIN_CNSD_ACCURACY) -> tuple[float, dict]:
    """The link threshold with the best F1 of the aligner's facts on the dev gold among those that keep CNSD
    dev at `min_accuracy` (all of them when none does). `evaluate(threshold)` gives {"dev_gold": figures,
    "cnsd_dev": figures} at that threshold."""
    measured = {round(float(t), 2): evaluate(float(t)) for t in THRESHOLDS}
    allowed = [t for t, f in measured.items() if f["cnsd_dev"]["accuracy"] >= min_accuracy] or list(measured)
    best = max(allowed, key=lambda t: (measured[t]["dev_gold"]["f1"], t))
    return best, measured[best]


def _dev_figures_at(shared: Path):
    gold, cnsd = datasets.dev_gold(), datasets.cnsd("dev", shared / "datasets", role="dev")

    def evaluate(threshold: float) -> dict:
        params = AlignParams(min_confidence=threshold)
        return {name: {k: v for k, v in evaluate_set(labelled, params=params)["all"].items() if k != "calibration"}
                for name, labelled in (("dev_gold", gold), ("cnsd_dev", cnsd))}

    return evaluate


def _reload_model() -> None:
    for cached in (link_model, link_model_summary, load_json):
        cached.cache_clear()


def main(argv: list[str] | None = None) -> int:
    """Fit the link model, choose its threshold on dev, write it; then fit the cross-lingual model."""
    parser = argparse.ArgumentParser(prog="python -m service.train", description=__doc__)
    parser.add_argument("--shared", type=Path, default=datasets.SHARED)
    parser.add_argument("--corrections", type=Path, default=None,
                        help="reviewers' corrections to fit on as well (the JSON Lines of GET /v1/corrections/export)")
    args = parser.parse_args(argv)
    data, digest, counts = training_data(args.shared, corrections=args.corrections)
    params = fit(data)
    document = {
        "version": VERSION, "kind": "logistic regression, standardised features, sign-constrained coefficients", **params,
        "threshold": 0.5,
        "training": {"sha256": digest, "pairs": counts, "news_weight": NEWS_WEIGHT,
                     "regularisation": REGULARISATION, "context_weight": CONTEXT_WEIGHT},
        "dev": {},
    }
    MODEL_PATH.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    _reload_model()  # the aligner runs with the new coefficients from here on
    threshold, chosen = choose_threshold(_dev_figures_at(args.shared))
    model = LinkModel.from_dict({**params, "threshold": threshold})
    dev = dev_rows()
    msrp = one_sentence_matrix([TextPair(p.a.text, p.b.text, p.same)
                                for p in datasets.msrp(args.shared / "datasets", role="fitted").pairs], 1.0)
    document["threshold"] = threshold
    document["dev"] = {
        "dev_gold_facts": chosen["dev_gold"],
        "dev_gold_pair_auc": round(roc_auc(dev.labels, model.predict(dev.rows)) or 0.0, 4),
        "cnsd_dev": chosen["cnsd_dev"],
        "msrp_train_cross_validated_accuracy": round(cross_validated_accuracy(msrp), 4),
    }
    MODEL_PATH.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    _reload_model()
    print(json.dumps({k: document[k] for k in ("threshold", "training", "dev")}, indent=2))
    from . import train_cross

    print(json.dumps({"crosslingual": train_cross.main(args.shared)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Figures of a binary decision with a confidence: precision, recall, F1, accuracy, ROC AUC, calibration."""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

CALIBRATION_BINS = 10


@dataclass(frozen=True)
class Figures:
    pairs: int
    positives: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    auc: float | None  # None when one class is absent
    brier: float
    ece: float  # expected calibration error: mean |confidence - observed share| over bins, weighted by size
    calibration: list[dict]  # per confidence bin: range, pairs, mean confidence, observed share of true links

    def as_dict(self) -> dict:
        """The figures for the JSON report, rounded to four places."""
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def figures(truth, decided, confidence, *, bins: int = CALIBRATION_BINS) -> Figures:
    """`truth`, `decided`: booleans per pair; `confidence`: the predicted probability of a true link."""
    truth, decided = np.asarray(truth, dtype=bool), np.asarray(decided, dtype=bool)
    confidence = np.clip(np.asarray(confidence, dtype=float), 0.0, 1.0)
    tp = int((truth & decided).sum())
    fp = int((~truth & decided).sum())
    fn = int((truth & ~decided).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float((truth == decided).mean()) if len(truth) else 0.0
    table = calibration(truth, confidence, bins=bins)
    ece = sum(row["pairs"] * abs(row["confidence"] - row["observed"]) for row in table) / max(len(truth), 1)
    return Figures(pairs=len(truth), positives=int(truth.sum()), precision=precision, recall=recall, f1=f1,
                   accuracy=accuracy, auc=roc_auc(truth, confidence),
                   brier=float(((confidence - truth) ** 2).mean()) if len(truth) else 0.0, ece=ece,
                   calibration=table)


def roc_auc(truth, score) -> float | None:
    """Probability that a random true pair scores above a random false one (ties count half): Mann-Whitney."""
    truth, score = np.asarray(truth, dtype=bool), np.asarray(score, dtype=float)
    positives, negatives = int(truth.sum()), int((~truth).sum())
    if not positives or not negatives:
        return None
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    sorted_scores = score[order]
    # average ranks over ties
    starts = np.flatnonzero(np.r_[True, sorted_scores[1:] != sorted_scores[:-1]])
    ends = np.r_[starts[1:], len(score)]
    for start, end in zip(starts, ends):
        ranks[order[start:end]] = (start + end + 1) / 2
    return float((ranks[truth].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def calibration(truth, confidence, *, bins: int = CALIBRATION_BINS) -> list[dict]:
    """Pairs per confidence bin [k/bins, (k+1)/bins), with their mean confidence and the observed share of
    true links; empty bins are left out."""
    truth, confidence = np.asarray(truth, dtype=bool), np.asarray(confidence, dtype=float)
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    rows = []
    for k in range(bins):
        members = which == k
        if members.any():
            rows.append({"bin": [round(k / bins, 2), round((k + 1) / bins, 2)], "pairs": int(members.sum()),
                         "confidence": round(float(confidence[members].mean()), 4),
                         "observed": round(float(truth[members].mean()), 4)})
    return rows

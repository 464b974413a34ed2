"""The scoreboard of the link decision ("these two sentences report the same fact"): `python -m service.eval`.

Per labelled set (service.eval.datasets) and per language: precision, recall, F1 and accuracy of the decision
(both sentences in one fact), ROC AUC and calibration of its confidence. Sets are marked by role: `dev` (tuned
on), `held-out` (never fitted or tuned on), `fitted` (the link model was fitted on it: in-sample). A held-out
figure more than `MAX_DROP` below the recorded baseline fails the run.
"""
from __future__ import annotations

from pathlib import Path

from ..tuning import AlignParams
from . import datasets
from .metrics import figures
from .runner import run

BASELINE = datasets.GOLD / "eval-baseline.json"
MAX_DROP = 0.03  # a held-out figure this far below the baseline fails `make eval`
GATED = ("precision", "recall", "f1", "accuracy", "auc")
SET_NAMES = ("dev", "heldout", "crosslingual", "cnsd-dev", "cnsd-train", "msrp-train")


def load_set(name: str, shared: Path | None = None):
    shared = shared or datasets.SHARED
    corpus, public = shared / "corpus", shared / "datasets"
    loaders = {
        "dev": lambda: datasets.dev_gold(),
        "heldout": lambda: datasets.heldout_gold(corpus=corpus),
        "crosslingual": lambda: datasets.crosslingual_gold(corpus=corpus),
        "cnsd-dev": lambda: datasets.cnsd("dev", public, role="dev"),
        "cnsd-train": lambda: datasets.cnsd("train", public, role="fitted"),
        "msrp-train": lambda: datasets.msrp(public, role="fitted"),
    }
    if name not in loaders:
        raise ValueError(f"unknown set {name!r}; sets: {', '.join(SET_NAMES)}")
    return loaders[name]()


def evaluate_set(labelled, *, params: AlignParams = AlignParams()) -> dict:
    result = run(labelled, params=params)
    entry = {"role": labelled.role, "note": labelled.note, "skipped": len(result.skipped),
             "skipped_examples": [reason for _, reason in result.skipped[:5]]}
    languages = sorted({o.pair.language for o in result.outcomes})
    groups = {"all": result.outcomes} | ({lang: [o for o in result.outcomes if o.pair.language == lang]
                                         for lang in languages} if len(languages) > 1 else {})
    for key, outcomes in groups.items():
        entry[key] = figures([o.pair.same for o in outcomes], [o.decided for o in outcomes],
                             [o.confidence for o in outcomes]).as_dict()
    return entry


def evaluate_sets(names: list[str], *, shared: Path | None = None, params: AlignParams = AlignParams()) -> dict:
    sets = {}
    for name in names:
        labelled = load_set(name, shared)
        if not labelled.pairs:
            continue
        sets[name] = evaluate_set(labelled, params=params)
    return {"sets": sets}


def render_table(report: dict) -> str:
    header = f"{'set':<22}{'role':<10}{'pairs':>6}{'pos':>6}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'AUC':>7}{'ECE':>7}"
    lines = [header, "-" * len(header)]
    for name, entry in report["sets"].items():
        for group, row in entry.items():
            if not isinstance(row, dict) or "pairs" not in row:
                continue
            label = name if group == "all" else f"  {group}"
            auc = f"{row['auc']:.3f}" if row["auc"] is not None else "  -"
            lines.append(f"{label:<22}{entry['role'] if group == 'all' else '':<10}{row['pairs']:>6}"
                         f"{row['positives']:>6}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                         f"{row['accuracy']:>7.3f}{auc:>7}{row['ece']:>7.3f}")
    lines.append("")
    for name, entry in report["sets"].items():
        table = entry["all"]["calibration"]
        cells = "  ".join(f"{r['bin'][0]:.1f}:{r['observed']:.2f}({r['pairs']})" for r in table)
        lines.append(f"calibration {name}: observed share per confidence bin (pairs): {cells}")
    return "\n".join(lines)


def check_baseline(report: dict, baseline: dict) -> list[str]:
    """Held-out figures more than MAX_DROP below the baseline."""
    failures = []
    for name, entry in report["sets"].items():
        if entry["role"] != "held-out" or name not in baseline:
            continue
        for key in GATED:
            now, before = entry["all"].get(key), baseline[name].get(key)
            if now is not None and before is not None and now < before - MAX_DROP:
                failures.append(f"{name} {key} {now:.3f} < baseline {before:.3f} - {MAX_DROP}")
    return failures

"""The scoreboard of the link decision ("these two sentences report the same fact") and of attribution ("who
says it"): `python -m service.eval`.

Per labelled set (service.eval.datasets) and per language: precision, recall, F1 and accuracy of the decision
(both sentences in one fact), ROC AUC and calibration of its confidence. Sets are marked by role: `dev` (tuned
on), `held-out` (never fitted or tuned on), `fitted` (the link model was fitted on it: in-sample). The
attribution set (service.eval.attribution) gives accuracy per field (speaker, side, type, verb class) on its dev
and held-out parts. A held-out figure more than `MAX_DROP` below the recorded baseline fails the run.
"""
from __future__ import annotations

from pathlib import Path

from ..tuning import AlignParams
from . import datasets
from .attribution import FIELDS as ATTRIBUTION_FIELDS
from .attribution import attribution_figures, attribution_gold, predicted, render_attribution
from .metrics import figures
from .runner import run

BASELINE = datasets.GOLD / "eval-baseline.json"
MAX_DROP = 0.03  # a held-out figure this far below the baseline fails `make eval`
GATED = ("precision", "recall", "f1", "accuracy", "auc")
SET_NAMES = ("dev", "heldout", "crosslingual", "outlets", "cnsd-dev", "cnsd-train", "msrp-train", "attribution")
ATTRIBUTION = "attribution"  # the attribution gold set: one name, two parts (dev, heldout)


def load_set(name: str, shared: Path | None = None):
    """A labelled set by name (dev, heldout, crosslingual, cnsd-dev, ...), from `shared` for the external ones."""
    shared = shared or datasets.SHARED
    corpus, public = shared / "corpus", shared / "datasets"
    loaders = {
        "dev": lambda: datasets.dev_gold(),
        "heldout": lambda: datasets.heldout_gold(corpus=corpus),
        "crosslingual": lambda: datasets.crosslingual_gold(corpus=corpus),
        "outlets": lambda: datasets.outlets_gold(),
        "cnsd-dev": lambda: datasets.cnsd("dev", public, role="dev"),
        "cnsd-train": lambda: datasets.cnsd("train", public, role="fitted"),
        "msrp-train": lambda: datasets.msrp(public, role="fitted"),
    }
    if name not in loaders:
        raise ValueError(f"unknown set {name!r}; sets: {', '.join(SET_NAMES)}")
    return loaders[name]()


def evaluate_set(labelled, *, params: AlignParams = AlignParams()) -> dict:
    """The link decision's figures on one labelled set, overall and per language when it mixes them."""
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
    """The figures of every named set that has pairs, and of attribution when it is named."""
    sets, report = {}, {}
    for name in names:
        if name == ATTRIBUTION:
            report[ATTRIBUTION] = evaluate_attribution(shared)
            continue
        labelled = load_set(name, shared)
        if not labelled.pairs:
            continue
        sets[name] = evaluate_set(labelled, params=params)
    return {"sets": sets, **report}


def evaluate_attribution(shared: Path | None = None) -> dict:
    """Accuracy per attribution field on the dev and held-out parts (held-out only when ../shared is there)."""
    return attribution_figures(predicted(attribution_gold(), shared or datasets.SHARED))


def render_table(report: dict) -> str:
    """The report as a plain-text table, a row per set (and per language within a mixed set)."""
    header = f"{'set':<22}{'role':<10}{'pairs':>6}{'pos':>6}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'AUC':>7}{'ECE':>7}"
    lines = [header, "-" * len(header)] if report["sets"] else []
    for name, entry in report["sets"].items():
        for group, row in entry.items():
            if not isinstance(row, dict) or "pairs" not in row:
                continue
            label = name if group == "all" else f"  {group}"
            auc = f"{row['auc']:.3f}" if row["auc"] is not None else "  -"
            lines.append(f"{label:<22}{entry['role'] if group == 'all' else '':<10}{row['pairs']:>6}"
                         f"{row['positives']:>6}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
                         f"{row['accuracy']:>7.3f}{auc:>7}{row['ece']:>7.3f}")
    if ATTRIBUTION in report:
        lines += ["", render_attribution(report[ATTRIBUTION])]
    if report["sets"]:
        lines.append("")
    for name, entry in report["sets"].items():
        table = entry["all"]["calibration"]
        cells = "  ".join(f"{r['bin'][0]:.1f}:{r['observed']:.2f}({r['pairs']})" for r in table)
        lines.append(f"calibration {name}: observed share per confidence bin (pairs): {cells}")
    return "\n".join(lines)


def check_baseline(report: dict, baseline: dict) -> list[str]:
    """Held-out figures (link decision and attribution) more than MAX_DROP below the baseline."""
    failures = []
    recorded = baseline.get(ATTRIBUTION, {}).get("heldout", {})
    for field in ATTRIBUTION_FIELDS:
        now, before = report.get(ATTRIBUTION, {}).get("heldout", {}).get(field), recorded.get(field)
        if now is not None and before is not None and now < before - MAX_DROP:
            failures.append(f"attribution heldout {field} {now:.3f} < baseline {before:.3f} - {MAX_DROP}")
    for name, entry in report["sets"].items():
        if entry["role"] != "held-out" or name not in baseline:
            continue
        for key in GATED:
            now, before = entry["all"].get(key), baseline[name].get(key)
            if now is not None and before is not None and now < before - MAX_DROP:
                failures.append(f"{name} {key} {now:.3f} < baseline {before:.3f} - {MAX_DROP}")
    return failures


def baseline_of(report: dict, previous: dict | None = None) -> dict:
    """The figures to record: those of the sets this run measured, over `previous` (the file as it was), so
    recording one set keeps the others' figures."""
    keep = ("precision", "recall", "f1", "accuracy", "auc")
    baseline = dict(previous or {})
    baseline.update({name: {k: entry["all"][k] for k in keep} for name, entry in report["sets"].items()})
    if ATTRIBUTION in report:
        baseline[ATTRIBUTION] = {split: {field: row[field] for field in ("sentences", *ATTRIBUTION_FIELDS)}
                                 for split, row in report[ATTRIBUTION].items()}
    return baseline

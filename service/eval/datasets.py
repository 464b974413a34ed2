"""Labelled sentence pairs the link decision is measured on, read into one shape.

- dev gold (`tests/gold/alignment.yaml`): pairs from the seeds and the English fixtures, what the decision is
  tuned on;
- held-out gold (`tests/gold/heldout.yaml`): pairs from `../shared/corpus/` (other events), never fitted or tuned
  on;
- cross-lingual gold (`tests/gold/crosslingual.yaml`): English readout vs Chinese report sentences, same corpus;
- cross-outlet pairs (`tests/gold/outlets.yaml`): one event's reports by different outlets (state media, Hong Kong,
  Taiwan and Singapore papers, wires, the White House), six other events, a dev set;
- public sets from `../shared/datasets/`: CNSD (Chinese STS-B; score >= 4 same, <= 1 different, 2-3 left out),
  MSRP train (English news paraphrases; quality 1 same).

A pair names two documents and a sentence text in each; public pairs are two one-sentence documents.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..text.sentences import is_cjk

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD = ROOT / "tests" / "gold"
DEV_GOLD = GOLD / "alignment.yaml"
HELDOUT_GOLD = GOLD / "heldout.yaml"
CROSSLINGUAL_GOLD = GOLD / "crosslingual.yaml"
OUTLETS_GOLD = GOLD / "outlets.yaml"
DEV_DOCUMENT_DIRS = (ROOT / "seeds", ROOT / "tests" / "fixtures" / "english")
SHARED = Path(os.environ.get("NEWS_SHARED_DIR", ROOT.parent / "shared"))
STS_SAME, STS_DIFFERENT = 4.0, 1.0  # CNSD scores at or above / at or below which a pair is same / different


@dataclass(frozen=True)
class Side:
    document: str  # key of the document in its set
    text: str  # the sentence (or an exact part of it)


@dataclass(frozen=True)
class LabelledPair:
    a: Side
    b: Side
    same: bool
    kind: str | None = None
    language: str = "zh"  # zh, en, or zh-en for cross-lingual pairs


@dataclass
class LabelledSet:
    name: str
    role: str  # "dev", "held-out", "fitted" (the model was fitted on it) or "check"
    pairs: list[LabelledPair]
    documents: dict[str, bytes] = field(default_factory=dict)  # key -> raw document
    one_sentence: bool = False  # each pair is two one-sentence documents of its own (public sets)
    note: str = ""


def dev_gold(path: Path = DEV_GOLD) -> LabelledSet:
    """The dev gold pairs over the seeds and English fixtures (tuned on)."""
    documents = {p.name.split("_")[0]: p.read_bytes() for d in DEV_DOCUMENT_DIRS for p in sorted(d.glob("*.txt"))}
    pairs = [_gold_pair(p, "seed") for p in _yaml_pairs(path)]
    return LabelledSet("dev gold", "dev", pairs, documents, note="seeds and English fixtures, tuned on")


def heldout_gold(path: Path = HELDOUT_GOLD, corpus: Path = SHARED / "corpus") -> LabelledSet:
    """The held-out gold pairs over the shared corpus's documents (never tuned on)."""
    pairs = [_gold_pair(p, "doc") for p in _yaml_pairs(path)]
    names = {side.document for pair in pairs for side in (pair.a, pair.b)}
    documents = {name: (corpus / name).read_bytes() for name in sorted(names)}
    return LabelledSet("held-out gold", "held-out", pairs, documents, note="corpus events, never tuned on")


def crosslingual_gold(path: Path = CROSSLINGUAL_GOLD, corpus: Path = SHARED / "corpus") -> LabelledSet:
    """The English-Chinese gold pairs (White House vs CCTV), with their documents."""
    pairs = [LabelledPair(Side(p["en"]["doc"], p["en"]["text"]), Side(p["zh"]["doc"], p["zh"]["text"]),
                          p["label"] == "same", p.get("kind"), "zh-en") for p in _yaml_pairs(path)]
    names = {side.document for pair in pairs for side in (pair.a, pair.b)}
    documents = {name: (corpus / name).read_bytes() for name in sorted(names)}
    return LabelledSet("cross-lingual gold", "dev", pairs, documents, note="White House vs CCTV")


def outlets_gold(path: Path = OUTLETS_GOLD) -> LabelledSet:
    """Cross-outlet pairs of six other events, each side a one-sentence document (a dev set)."""
    pairs = [LabelledPair(Side(f"{k}a", p["a"]["text"]), Side(f"{k}b", p["b"]["text"]), p["label"] == "same",
                          p.get("kind"), "zh" if any(map(is_cjk, p["a"]["text"])) else "en")
             for k, p in enumerate(_yaml_pairs(path))]
    return LabelledSet("cross-outlet pairs", "dev", pairs, one_sentence=True, note="six other events, ~40 outlets")


def cnsd(split: str, datasets: Path = SHARED / "datasets", *, role: str) -> LabelledSet:
    """CNSD pairs `id||sentence1||sentence2||score`; graded 2-3 pairs share a topic, not a claim: left out."""
    pairs = []
    for line in (datasets / "chinese-sts" / f"cnsd-sts-{split}.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("||")
        if len(parts) != 4:
            continue
        score = float(parts[3])
        if STS_DIFFERENT < score < STS_SAME:
            continue
        pairs.append(LabelledPair(Side(parts[0] + "a", parts[1]), Side(parts[0] + "b", parts[2]), score >= STS_SAME))
    return LabelledSet(f"CNSD {split}", role, pairs, one_sentence=True, note="score >= 4 same, <= 1 different")


def msrp(datasets: Path = SHARED / "datasets", *, role: str) -> LabelledSet:
    """The MSRP training pairs, one sentence each side (quality 1 = the same)."""
    path = datasets / "msrp" / "msr_paraphrase_train.txt"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    pairs = [LabelledPair(Side(f"{k}a", row[3]), Side(f"{k}b", row[4]), row[0] == "1", language="en")
             for k, row in enumerate(rows[1:]) if len(row) == 5]
    return LabelledSet("MSRP train", role, pairs, one_sentence=True, note="quality 1 same")


def corrections_export(path: Path) -> LabelledSet:
    """Reviewers' corrections exported by GET /v1/corrections/export (JSON Lines of labelled sentence pairs)."""
    import json

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [LabelledPair(Side(f"{k}a", row["a"]["text"]), Side(f"{k}b", row["b"]["text"]), row["label"] == "same",
                          "correction", "zh" if any(map(is_cjk, row["a"]["text"])) else "en")
             for k, row in enumerate(rows)]
    return LabelledSet("corrections", "check", pairs, one_sentence=True, note=f"reviewers' corrections ({path.name})")


def _yaml_pairs(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]


def _gold_pair(pair: dict, key: str) -> LabelledPair:
    a, b = pair["a"], pair["b"]
    language = "en" if a[key].startswith("en") or a[key].startswith("whitehouse/") else "zh"
    return LabelledPair(Side(a[key], a["text"]), Side(b[key], b["text"]), pair["label"] == "same",
                        pair.get("kind"), language)

"""Evaluate fact clustering on the dev gold set: `python -m service.eval [--sweep] [--gold PATH]`.

Each gold pair names two sentences (by exact text) in two documents and says whether they report the same
fact. The documents of each group (the Chinese seeds; the English fixtures) are compared at once, as a user
would, and a pair counts as predicted-same when both sentences land in one fact. Pairs whose text is not a
body sentence (captions) are skipped and counted.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .comparison import compare
from .ingest import parse_document
from .models import Article
from .tuning import AlignParams

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "gold" / "alignment.yaml"
DOCUMENT_DIRS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "english"]


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int
    pairs: int
    skipped: int

    def as_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def load_documents() -> dict[str, Article]:
    """Gold document keys ("000", "en1") to parsed articles."""
    documents = {}
    for directory in DOCUMENT_DIRS:
        for path in sorted(directory.glob("*.txt")):
            documents[path.name.split("_")[0]] = parse_document(path.read_bytes())
    return documents


def find_sentence(article: Article, text: str) -> int | None:
    text = text.strip()
    for sentence in article.sentences:
        if text == sentence.text or text in sentence.text:
            return sentence.index
    return None


def evaluate(pairs: list[dict], documents: dict[str, Article], *, params: AlignParams = AlignParams(),
             kinds_excluded: tuple[str, ...] = ()) -> Scores:
    groups = _groups(pairs)
    fact_of: dict[tuple[str, int], str] = {}
    for group in groups:
        result = compare([documents[key] for key in group], params=params)
        for fact in result["facts"]:
            for mention in fact["mentions"]:
                fact_of[(mention["article_id"], mention["sentence_index"])] = fact["id"]
    tp = fp = fn = used = skipped = 0
    for pair in pairs:
        if pair.get("kind") in kinds_excluded:
            continue
        a, b = documents[pair["a"]["seed"]], documents[pair["b"]["seed"]]
        ia, ib = find_sentence(a, pair["a"]["text"]), find_sentence(b, pair["b"]["text"])
        if ia is None or ib is None:
            skipped += 1
            continue
        used += 1
        together = fact_of.get((a.id, ia)) == fact_of.get((b.id, ib))
        same = pair["label"] == "same"
        tp += same and together
        fp += (not same) and together
        fn += same and not together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, fn, used, skipped)


def _groups(pairs: list[dict]) -> list[list[str]]:
    """Documents compared together: those connected by gold pairs."""
    parent: dict[str, str] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in pairs:
        parent[find(pair["a"]["seed"])] = find(pair["b"]["seed"])
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    return [sorted(g) for g in groups.values()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.eval", description=__doc__)
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--sweep", action="store_true", help="also print scores over a range of thresholds")
    args = parser.parse_args(argv)
    pairs = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))["pairs"]
    documents = load_documents()
    params = AlignParams()
    report = {
        "threshold": params.threshold,
        "all_pairs": evaluate(pairs, documents, params=params).as_dict(),
        "without_embedded": evaluate(pairs, documents, params=params, kinds_excluded=("embedded",)).as_dict(),
        "chinese": evaluate([p for p in pairs if not p["a"]["seed"].startswith("en")], documents,
                            params=params).as_dict(),
        "english": evaluate([p for p in pairs if p["a"]["seed"].startswith("en")], documents,
                            params=params).as_dict(),
    }
    if args.sweep:
        report["sweep"] = {
            str(t): evaluate(pairs, documents, params=replace(params, threshold=float(t))).as_dict()
            for t in range(50, 82, 2)
        }
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

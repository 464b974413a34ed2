"""Where the dev gold's positive pairs are lost: `python bench/link_losses.py [--threshold T] [--verbose]`.

Each labelled "same" pair of the dev gold that the aligner does not put in one fact is classified by the first
step that loses it:
- candidate: the pair of units is never a candidate (candidates.candidate_pairs);
- score: a candidate the link model scores below the link threshold (no direct link; no chain either);
- cluster: scored at or above the threshold (linked) but the merge was refused by clustering (coherence: mean /
  cluster_floor, or adjacent_span), because one or both sentences had already joined another fact.
Pairs below threshold that end up together anyway through other links are counted as found.
Only the dev gold is read (never the held-out set).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.align.candidates import candidate_pairs  # noqa: E402
from service.align.cluster import Cluster, _merged_spans  # noqa: E402
from service.align.units import single_article  # noqa: E402
from service.eval import datasets  # noqa: E402
from service.eval.runner import _fact_of, placed_pairs  # noqa: E402
from service.tuning import AlignParams  # noqa: E402


def diagnose(params: AlignParams, verbose: bool = False):
    gold = datasets.dev_gold()
    causes, rows = Counter(), []
    facts, current = None, None
    for pair, alignment, places in placed_pairs(gold, params=params):
        if isinstance(places, str):
            causes["unplaced"] += 1
            continue
        if alignment is not current:
            facts, current = _fact_of(alignment), alignment
            candidates = candidate_pairs(alignment.units.features, params=params,
                                         articles=len({f.article for f in alignment.features}))
            unit_clusters = {}
            for c in alignment.clusters:
                for m in c.members:
                    unit_clusters[m] = c
        if not pair.same:
            continue
        i, j = places
        units = alignment.units
        u, v = units.unit_of[i], units.unit_of[j]
        key = (min(u, v), max(u, v))
        score = alignment.scores(u, v) if u != v else None
        confidence = score.confidence if score else 1.0
        if facts[i] == facts[j]:
            cause = "found"
        elif key not in candidates:
            cause = "candidate"
        elif not alignment.scores.links(u, v):
            cause = "score"
        else:
            # linked, not merged: why (the merge of the two final facts checked again)
            ci, cj = unit_clusters[i], unit_clusters[j]
            ui = Cluster(members=sorted({units.unit_of[m] for m in ci.members}))
            uj = Cluster(members=sorted({units.unit_of[m] for m in cj.members}))
            spans = [{} for _ in (ui, uj)]
            for span, group in zip(spans, (ui, uj)):
                for unit in group.members:
                    for art, k in units.articles[unit].items():
                        low, high = span.get(art, (k, k))
                        span[art] = (min(low, k), max(high, k))
            pairs = [alignment.scores(x, y).confidence for x in ui.members for y in uj.members
                     if not single_article(units, x, y)]
            if _merged_spans(spans[0], spans[1], params.adjacent_span) is None:
                why = "span"
            elif min(pairs) < params.cluster_floor:
                why = "floor"
            else:
                why = "mean"
            cause = "cluster-" + why
            detail = (f"facts of {len(ui.members)} and {len(uj.members)} units; cross pairs min {min(pairs):.3f} "
                      f"mean {sum(pairs) / len(pairs):.3f}")
            rows.append((cause, pair, confidence, detail))
            causes["cluster"] += 1
            causes[cause] += 1
            continue
        causes[cause] += 1
        rows.append((cause, pair, confidence, ""))
    return causes, rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    params = AlignParams(min_confidence=args.threshold)
    if args.threshold is None:
        from service.align.link_model import link_model
        params = AlignParams(min_confidence=link_model().threshold)
    causes, rows = diagnose(params, args.verbose)
    print(dict(causes))
    by_kind = Counter((cause, p.kind) for cause, p, _, _ in rows)
    print(sorted(by_kind.items()))
    if args.verbose:
        for cause, pair, confidence, detail in sorted(rows, key=lambda r: (r[0], -r[2])):
            if cause == "found":
                continue
            print(f"{cause:<10} {confidence:.3f} {pair.kind:<12} {detail}\n   A {pair.a.text[:90]}\n   B {pair.b.text[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m service.eval`: the scoreboard of the link decision and of attribution on every labelled set (see
service.eval)."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import BASELINE, SET_NAMES, baseline_of, check_baseline, datasets, evaluate_set, evaluate_sets, render_table
from .corpus import corpus_listing, render_listing


def main(argv: list[str] | None = None) -> int:
    """make eval: score the sets, write the JSON report, and compare it with the recorded baseline."""
    parser = argparse.ArgumentParser(prog="python -m service.eval", description=__doc__)
    parser.add_argument("--sets", default=",".join(SET_NAMES),
                        help=f"comma-separated, from: {', '.join(SET_NAMES)} (default: all)")
    parser.add_argument("--shared", type=Path, default=None,
                        help="the shared folder holding datasets/ and corpus/ (default ../shared or $NEWS_SHARED_DIR)")
    parser.add_argument("--corrections", type=Path, default=None,
                        help="also score reviewers' corrections (the JSON Lines of GET /v1/corrections/export)")
    parser.add_argument("--out", type=Path, default=Path("var/eval.json"), help="where the JSON report goes")
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--write-baseline", action="store_true",
                        help="record these figures as the baseline (on purpose, in the commit that changes the model); "
                             "figures of sets not run this time stay as recorded")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        report = evaluate_sets([s for s in args.sets.split(",") if s], shared=args.shared)
        if args.corrections:
            report["sets"]["corrections"] = evaluate_set(datasets.corrections_export(args.corrections))
    except FileNotFoundError as error:
        print(f"eval: {error}: give the shared folder with --shared or NEWS_SHARED_DIR", file=sys.stderr)
        return 2
    print(render_table(report))
    corpus = (args.shared or datasets.SHARED) / "corpus"
    if corpus.is_dir():
        report["corpus"] = corpus_listing(corpus)
        print("\nThe corpus as ingest reads it:\n" + render_listing(report["corpus"]))
    print(f"({time.perf_counter() - started:.0f} s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {args.out}")
    recorded = json.loads(args.baseline.read_text()) if args.baseline.exists() else {}
    if args.write_baseline:
        args.baseline.write_text(json.dumps(baseline_of(report, recorded), indent=2) + "\n", encoding="utf-8")
        print(f"baseline written to {args.baseline}")
        return 0
    failures = check_baseline(report, recorded)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

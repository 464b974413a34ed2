"""The framing stage's cost, this tree against an earlier commit, in one process: the same-run comparison that
says whether a change made framing dearer.

    python bench/framing.py --before 9bf5848                      # seeds, corpus-20 and corpus-200
    python bench/framing.py --before main --workloads seeds --repeats 15

The earlier commit's `service/` is exported with `git archive` into a temporary folder and imported as the
package `service_before` (its absolute references to itself rewritten), so both versions run in this process on
the same documents (bench/corpus.py workloads), interleaved round by round (the order swapped each round). Each round, per version: the per-text
caches are emptied, the documents parsed and aligned and the facts built (not timed), then `framing_report` is
timed (process CPU time) twice: **cold** (the first framing of these texts, what a comparison of new articles pays) and **warm**
(again, the per-text framing caches filled). Prints medians, minimums and the after/before ratio of the medians as
JSON.
"""
from __future__ import annotations

import argparse
import copy
import gc
import importlib
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from corpus import workload  # noqa: E402

SELF_REFERENCES = ("datafiles.py", "caches.py")  # modules that name their own package in strings
# CPU time of this process: on a shared VM, wall time also counts what other processes do (one corpus-20 framing
# measured 130 to 260 ms of wall time in one minute); framing is single-threaded, so CPU time is its cost
CLOCK = time.process_time


def export_before(ref: str, into: Path) -> str:
    """`service/` of commit `ref` as the importable package `service_before` under `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "service"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "service").rename(into / "service_before")
    # the package's __init__ builds the web app (metrics registered once per process): the pipeline needs none of it
    (into / "service_before" / "__init__.py").write_text('"""The pipeline of an earlier commit."""\n')
    for name in SELF_REFERENCES:
        path = into / "service_before" / name
        path.write_text(path.read_text(encoding="utf-8").replace('"service.', '"service_before.'), encoding="utf-8")
    sys.path.insert(0, str(into))
    return "service_before"


class Version:
    """One version of the pipeline: the functions the measurement calls, from package `package`."""

    def __init__(self, package: str):
        module = lambda name: importlib.import_module(f"{package}.{name}")  # noqa: E731
        self.name = package
        self.parse_document = module("ingest").parse_document
        comparison, facts = module("comparison"), module("align.facts")
        self.aligned, self.comparison_id = comparison.aligned, comparison.comparison_id
        self.build_facts, self.coverage, self.outlet_ids = facts.build_facts, facts.coverage, facts.outlet_ids
        self.framing_report = module("framing.profile").framing_report
        self.clear_text_caches = module("caches").clear_text_caches

    def framing_inputs(self, documents):
        articles = [self.parse_document(d.content, **d.kwargs) for d in documents]
        articles, alignment = self.aligned(articles)
        salt = self.comparison_id([a.id for a in articles], {})
        facts = self.build_facts(articles, alignment.features, alignment.clusters, alignment.sentence_scores,
                                 salt=salt)
        covered = self.coverage(facts, sorted(set(self.outlet_ids(articles))))
        by_sentence = {(articles[f.article].id, f.index): f for f in alignment.features}
        return articles, facts, covered, alignment.weights, by_sentence

    def timed_framing(self, inputs) -> float:
        articles, facts, covered, weights, by_sentence = inputs
        facts = copy.deepcopy(facts)  # framing_report adds to the facts it is given
        gc.collect()
        started = CLOCK()
        self.framing_report(articles, facts, covered, weights, by_sentence)
        return CLOCK() - started


def measure(versions: list[Version], documents, repeats: int) -> dict:
    times = {v.name: {"cold": [], "warm": []} for v in versions}
    for round_number in range(repeats):
        for version in (versions if round_number % 2 == 0 else versions[::-1]):  # ABBA: neither always goes first
            version.clear_text_caches()
            inputs = version.framing_inputs(documents)
            times[version.name]["cold"].append(version.timed_framing(inputs))
            times[version.name]["warm"].append(version.timed_framing(inputs))
    result = {}
    for name, runs in times.items():
        result[name] = {kind: {"median_ms": round(statistics.median(values) * 1000, 1),
                               "min_ms": round(min(values) * 1000, 1), "runs": len(values)}
                        for kind, values in runs.items()}
    if len(versions) == 2:
        before, after = (v.name for v in versions)
        result["ratio_after_over_before"] = {kind: round(result[after][kind]["median_ms"]
                                                         / result[before][kind]["median_ms"], 3)
                                             for kind in ("cold", "warm")}
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", help="commit to compare with (default: measure this tree alone)")
    parser.add_argument("--workloads", nargs="*", default=["seeds", "corpus-20", "corpus-200"])
    parser.add_argument("--repeats", type=int, default=7, help="rounds per workload (corpus-200: a third)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        packages = ([export_before(args.before, Path(folder))] if args.before else []) + ["service"]
        versions = [Version(package) for package in packages]
        report = {"before": args.before, "python": sys.version.split()[0], "workloads": {}}
        for name in args.workloads:
            documents = workload(name).documents
            repeats = max(2, args.repeats // 3) if name == "corpus-200" else args.repeats
            report["workloads"][name] = measure(versions, documents, repeats)
            print(name, json.dumps(report["workloads"][name]), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

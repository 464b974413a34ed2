"""Benchmarks of the comparison pipeline and its baselines; prints JSON and writes bench/results.json.

    python bench/run.py                       # everything (about 15 minutes on a 2-core machine)
    python bench/run.py --quick               # shorter bounds, seeds and corpus-20 only, no HTTP
    python bench/run.py --workloads seeds corpus-50 --no-http --no-profile
    python bench/run.py --table               # print the README table from bench/results.json

Modules: run.py (this one: the parent and the child entry), ours.py (our pipeline's measurement), baselines.py
(the baselines, built on the service's own feature, candidate and scoring functions), report.py (ratios, targets,
the README table).

Every measurement runs in a child process of its own (`--child`), so each has a fresh interpreter and its own
peak RSS (resource.getrusage(RUSAGE_SELF).ru_maxrss of that child). The workloads come from bench/corpus.py; the
parent generates them once and hands each child a pickle, so generation is neither timed nor counted in RSS.

Tasks per workload:
- ours: `parse_document` for every document, then `compare(articles)`. The child imports the service and calls
  `service.warmup.warm_up()` (what a gunicorn worker does at start, timed as `startup_s`). Run 1 is
  **cold**: the first parse and compare in that fresh process; for the seeds (7) and corpus-200 (3) the median of
  the first runs of several fresh processes. Runs 2.. are warm; median and min are over them.
  Runs are repeated up to --repeats or until --ours-budget seconds are used. For the seeds a second child
  measures `unwarmed`: the first parse+compare in a fresh process that skipped warm_up().
- brute_force: compare()'s own feature step (comparison.compared_features: body, subheads and captions) and
  scorer (align.aligner.pair_scorer, with the cross-lingual scorer when languages mix) on every cross-article
  sentence pair, no candidate index (see baselines.feature_stage). Exact when the calibrated
  estimate fits --brute-bound; otherwise a uniform random sample of pairs is scored until the bound and the time
  is extrapolated. Recall of the indexed aligner:
  the share of brute-force links (link model confidence >= its threshold) that the indexed aligner also links.
- rapidfuzz_cdist: `rapidfuzz.process.cdist` over the features' words with fuzz.token_set_ratio (one C scorer,
  score_cutoff=60, uint8, workers=-1 i.e. both cores), all pairs in row blocks; extrapolated past the bound.
- difflib: a plain SequenceMatcher aligner over the sentence texts: every cross-article pair, real_quick_ratio and
  quick_ratio as pruning, link at ratio >= 0.6; exact or sampled (whole random columns) within the bound.
- collatex: CollateX (EditGraphAligner, no segmentation) aligning the articles' word-token streams, killed at
  --collatex-bound; not attempted on a bigger workload once it did not finish on a smaller one.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from baselines import task_brute, task_cdist, task_collatex, task_difflib  # noqa: E402  (after the path)
from ours import rss_mb, task_ours  # noqa: E402
from report import TARGETS, check_targets, ratios, table  # noqa: E402

RESULTS = BENCH / "results.json"
# one cold run swings by a third on a shared VM: the cold figure is the median of this many fresh processes
COLD_PROCESSES = {"seeds": 7, "corpus-200": 3}

CHILD_TASKS = {"ours": task_ours, "brute": task_brute, "cdist": task_cdist, "difflib": task_difflib,
               "collatex": task_collatex}


def child_main(argv) -> int:
    """Run one measurement (`--child TASK`) and print its result as a RESULT line for the parent."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", required=True, choices=sorted(CHILD_TASKS))
    parser.add_argument("--docs", required=True)
    parser.add_argument("--bound", type=float, default=60)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60)
    parser.add_argument("--unwarmed", action="store_true")
    parser.add_argument("--profile", default=None)
    args = parser.parse_args(argv)
    result = CHILD_TASKS[args.child](args)
    result.setdefault("peak_rss_mb", rss_mb())
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


# ---------------------------------------------------------------------------------------------------------------
# the parent: machine, workloads, children, ratios, targets

def run_child(task: str, docs: Path, *, timeout: float, **options) -> dict:
    """Run one task in a fresh interpreter (its own timings and peak RSS) and return its result."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", task, "--docs", str(docs)]
    for key, value in options.items():
        if value is True:
            command.append(f"--{key}")
        elif value not in (None, False):
            command += [f"--{key}", str(value)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"finished": False, "did_not_finish": True, "killed_after_s": round(time.perf_counter() - started, 1)}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    return {"error": f"exit {done.returncode}", "stderr": done.stderr[-2000:]}


def machine() -> dict:
    """The machine the figures come from: cores, CPU, memory, Python, load at the start."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": memory, "python": platform.python_version(),
            "platform": platform.platform(), "loadavg_at_start": [round(x, 2) for x in load] if load else None}


def git_state() -> dict:
    """The commit measured, and the files outside bench/ that differ from it."""
    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, timeout=10).stdout
        except (OSError, subprocess.TimeoutExpired):
            return ""
    # porcelain lines are "XY path": the status column may start with a space, so nothing is stripped first
    dirty = [line[3:] for line in git("status", "--porcelain").splitlines() if not line[3:].startswith("bench/")]
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "dirty_outside_bench": dirty}


def bench_workload(name: str, docs: Path, args, state: dict, log) -> dict:
    """Every measurement of one workload: ours (cold, warm, unwarmed) and the baselines asked for."""
    entry: dict = {"loadavg_before": [round(x, 2) for x in os.getloadavg()]}
    workload = state["workloads"][name]
    entry["shape"] = workload.shape()
    entry["shape"]["description"] = workload.description
    repeats = args.repeats or {"seeds": 10, "corpus-20": 6, "corpus-50": 4, "corpus-200": 3}.get(name, 3)
    profile = str(BENCH / f"profile-{name}.txt") if name in args.profile else None
    log(f"{name}: ours")
    entry["ours"] = run_child("ours", docs, timeout=args.ours_budget * 3 + 900, repeats=repeats,
                              budget=args.ours_budget, profile=profile)
    processes = args.cold_processes if args.cold_processes is not None else COLD_PROCESSES.get(name, 1)
    if processes > 1 and "cold" in entry["ours"]:
        log(f"{name}: ours, cold in {processes - 1} more fresh processes")
        more = [run_child("ours", docs, timeout=900, repeats=1, budget=0) for _ in range(processes - 1)]
        colds = [entry["ours"]["cold"], *(m["cold"] for m in more if "cold" in m)]
        entry["ours"]["cold_runs"] = colds
        entry["ours"]["cold_median"] = {k: round(statistics.median(c[k] for c in colds), 4) for k in colds[0]}
    if name == "seeds":
        log(f"{name}: ours, unwarmed")
        entry["ours_unwarmed"] = run_child("ours", docs, timeout=600, repeats=1, budget=0, unwarmed=True)
    if "brute" in args.baselines:
        log(f"{name}: brute force (bound {args.brute_bound:.0f} s)")
        entry["brute_force"] = run_child("brute", docs, timeout=args.brute_bound * 3 + 600, bound=args.brute_bound)
    if "cdist" in args.baselines:
        log(f"{name}: rapidfuzz cdist (bound {args.cdist_bound:.0f} s)")
        entry["rapidfuzz_cdist"] = run_child("cdist", docs, timeout=args.cdist_bound * 3 + 300, bound=args.cdist_bound)
    if "difflib" in args.baselines:
        log(f"{name}: difflib (bound {args.difflib_bound:.0f} s)")
        entry["difflib"] = run_child("difflib", docs, timeout=args.difflib_bound * 3 + 300, bound=args.difflib_bound)
    if "collatex" in args.baselines:
        if state.get("collatex_failed_on"):
            entry["collatex"] = {"finished": False, "attempted": False,
                                 "note": f"not attempted: did not finish on {state['collatex_failed_on']} within "
                                         f"{args.collatex_bound:.0f} s, and its cost grows with every witness"}
        else:
            log(f"{name}: collatex (bound {args.collatex_bound:.0f} s)")
            entry["collatex"] = run_child("collatex", docs, timeout=args.collatex_bound + 30)
            if entry["collatex"].get("finished") and entry["collatex"]["time_s"] > args.collatex_bound:
                entry["collatex"].update({"finished": False, "did_not_finish": True,
                                          "note": "finished, but after the bound"})
            if not entry["collatex"].get("finished"):
                entry["collatex"]["bound_s"] = args.collatex_bound
                state["collatex_failed_on"] = name
    entry["ratios"] = ratios(entry)
    entry["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    return entry



def main(argv=None) -> int:
    """Generate the workloads, measure each in child processes, check the targets, write the JSON."""
    argv = sys.argv[1:] if argv is None else argv
    if "--child" in argv:
        return child_main(argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workloads", nargs="+", default=None)
    parser.add_argument("--baselines", nargs="*", default=["brute", "cdist", "difflib", "collatex"])
    parser.add_argument("--brute-bound", type=float, default=40.0)
    parser.add_argument("--cdist-bound", type=float, default=15.0)
    parser.add_argument("--difflib-bound", type=float, default=15.0)
    parser.add_argument("--collatex-bound", type=float, default=120.0)
    parser.add_argument("--ours-budget", type=float, default=60.0,
                        help="seconds of repeated runs per workload after the cold one (at least one warm run)")
    parser.add_argument("--repeats", type=int, default=None,
                        help="runs of ours per workload, the cold one included (default 10/6/4/3 by size; 1 = cold only)")
    parser.add_argument("--profile", nargs="*", default=["corpus-200"],
                        help="workloads to profile with pyinstrument in one extra, untimed, cold comparison "
                             "(default corpus-200, about 5 s more)")
    parser.add_argument("--cold-processes", type=int, default=None,
                        help="fresh processes whose first run gives the cold figure (median; default 7 for the "
                             "seeds, 3 for corpus-200, else 1)")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--http-duration", type=float, default=8.0)
    parser.add_argument("--quick", action="store_true", help="seeds and corpus-20, short bounds, no HTTP")
    parser.add_argument("--output", default=str(RESULTS))
    parser.add_argument("--table", action="store_true", help="print the README table from --output and exit")
    args = parser.parse_args(argv)
    if args.table:
        print(table(json.loads(Path(args.output).read_text(encoding="utf-8"))))
        return 0
    if args.quick:
        args.workloads = args.workloads or ["seeds", "corpus-20"]
        args.brute_bound, args.cdist_bound, args.difflib_bound, args.collatex_bound = 10, 5, 5, 20
        args.ours_budget, args.no_http = 10, True
        args.profile = []
    if args.no_profile:
        args.profile = []
    import corpus

    names = args.workloads or list(corpus.WORKLOAD_NAMES)
    started = time.time()

    def log(message: str) -> None:
        print(f"[{time.time() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    results = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
               "git": git_state(), "targets": TARGETS,
               "notes": ["cold = the first parse+compare in a fresh child process after warm_up() (what a gunicorn "
                         "worker does at start); warm figures are the median and min of the runs after it",
                         "peak RSS = ru_maxrss of the child process that ran the workload (documents included, "
                         "workload generation excluded)",
                         "the machine is a shared, noisy 2-core box: expect 10-30 % run-to-run variation"],
               "workloads": {}}
    state = {"workloads": {}}
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        for name in names:
            log(f"generating {name}")
            workload = corpus.workload(name)
            state["workloads"][name] = workload
            docs = Path(scratch) / f"{name}.pickle"
            docs.write_bytes(pickle.dumps(workload.documents))
            results["workloads"][name] = bench_workload(name, docs, args, state, log)
            _save(results, args.output)
    if not args.no_http:
        log("HTTP through gunicorn")
        import load

        results["http"] = load.run(duration=args.http_duration, log=log)
    results["targets_checked"] = check_targets(results)
    results["duration_s"] = round(time.time() - started, 1)
    _save(results, args.output)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    log(f"done; wrote {args.output}")
    return 0


def _save(results: dict, path: str) -> None:
    """Write the results so far (after every workload, so a killed run keeps them)."""
    Path(path).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

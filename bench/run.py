"""Benchmarks of the comparison pipeline and its baselines; prints JSON and writes bench/results.json.

    python bench/run.py                       # everything (about 15 minutes on a 2-core machine)
    python bench/run.py --quick               # shorter bounds, seeds and corpus-20 only, no HTTP
    python bench/run.py --workloads seeds corpus-50 --no-http --no-profile
    python bench/run.py --table               # print the README table from bench/results.json

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
- brute_force: the same features, word weights and scorer (`PairScores` -> `score_pair`) on every cross-article
  sentence pair, no candidate index. Exact when the calibrated estimate fits --brute-bound; otherwise a uniform
  random sample of pairs is scored until the bound and the time is extrapolated. Recall of the indexed aligner:
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
import gc
import json
import math
import os
import pickle
import platform
import random
import resource
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

RESULTS = BENCH / "results.json"
TARGETS = {
    "seeds_cold_end_to_end_s": 0.150,
    "cached_p50_ms": 5.0,
    "cached_rps": 1000,
    "corpus200_compare_s": 2.0,
    "corpus200_peak_rss_mb": 500,
    "speedup_vs_brute_force": 10.0,
    "recall_vs_brute_force_points": 1.0,
}
# one cold run swings by a third on a shared VM: the cold figure is the median of this many fresh processes
COLD_PROCESSES = {"seeds": 7, "corpus-200": 3}


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# ---------------------------------------------------------------------------------------------------------------
# child tasks (each runs in its own process)

def _load(docs_path: str):
    with open(docs_path, "rb") as handle:
        return pickle.load(handle)


def _features(articles, params):
    """The pipeline's own first stages, exactly as compare() runs them."""
    from service.align.candidates import word_weights
    from service.align.cluster import PairScores
    from service.align.features import article_features
    from service.comparison import body_sentences

    articles = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    features = [f for position, article in enumerate(articles)
                for f in article_features(position, body_sentences(article), published_at=article.published_at)]
    weights = word_weights(features)
    return articles, features, weights, PairScores(features, params)


def task_ours(args) -> dict:
    t0 = time.perf_counter()
    from service.comparison import compare
    from service.warmup import warm_up
    from service.ingest import parse_document  # noqa: F401  (import cost belongs to startup)

    if not args.unwarmed:
        warm_up()
    startup = time.perf_counter() - t0
    rss_startup = rss_mb()
    documents = _load(args.docs)
    rss_loaded = rss_mb()
    runs, stats, profile = [], None, None
    budget_end = None
    for run in range(args.repeats):
        gc.collect()
        t1 = time.perf_counter()
        articles = [d.parse() for d in documents]
        t2 = time.perf_counter()
        result = compare(articles)
        t3 = time.perf_counter()
        runs.append({"parse_s": t2 - t1, "compare_s": t3 - t2, "total_s": t3 - t1})
        stats = result["stats"]
        del result, articles
        if run == 0:
            rss_cold = rss_mb()
            budget_end = time.perf_counter() + args.budget  # the warm runs' budget; at least one warm run
            if args.unwarmed:
                break
        elif time.perf_counter() > budget_end:
            break
    if args.profile:
        profile = _profile_compare(documents, compare, args.profile)
    warm = runs[1:] or runs
    summary = {
        "cold": {k: round(v, 4) for k, v in runs[0].items()},
        "warm_runs": len(runs) - 1,
        "median": {k: round(statistics.median(r[k] for r in warm), 4) for k in warm[0]},
        "min": {k: round(min(r[k] for r in warm), 4) for k in warm[0]},
        "startup_s": round(startup, 3), "warmed_up": not args.unwarmed,
        "stats": stats,
        "rss_mb": {"after_startup": rss_startup, "documents_loaded": rss_loaded, "after_cold_run": rss_cold,
                   "peak": rss_mb()},
    }
    if profile:
        summary["profile"] = profile
    return summary


def _profile_compare(documents, compare, out_path: str) -> dict:
    """One more parse+compare under pyinstrument (not counted in the timings): the tree goes to `out_path`,
    the functions with the most own time and the biggest inclusive times come back."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"error": "pyinstrument is not installed: .venv/bin/pip install -r bench/requirements.txt"}

    articles = [d.parse() for d in documents]
    from service.caches import clear_text_caches

    cleared = clear_text_caches()
    profiler = Profiler(interval=0.005)
    profiler.start()
    compare(articles)
    profiler.stop()
    Path(out_path).write_text(f"compare of freshly parsed documents with the per-text caches cleared ({cleared} "
                              "caches): a cold comparison\n\n"
                              + profiler.output_text(unicode=False, color=False, show_all=False), encoding="utf-8")
    root = profiler.last_session.root_frame()
    own: dict[str, float] = {}
    inclusive: dict[str, float] = {}

    def key_of(frame) -> str:
        path = frame.file_path_short or ""
        if "/service/" in "/" + path:
            path = path[path.index("service/"):]
        return f"{frame.function} ({path}:{frame.line_no})" if frame.line_no else frame.function

    def walk(frame, active: frozenset):
        key = key_of(frame)
        real = [c for c in frame.children if not c.is_synthetic]  # "[self]" leaves hold the frame's own time
        own[key] = own.get(key, 0.0) + max(frame.time - sum(c.time for c in real), 0.0)
        if key not in active:
            inclusive[key] = inclusive.get(key, 0.0) + frame.time
        for child in real:
            walk(child, active | {key})

    walk(root, frozenset())
    total = root.time
    top_own = sorted(own.items(), key=lambda kv: -kv[1])[:15]
    top_inclusive = sorted(((k, v) for k, v in inclusive.items() if "service/" in k), key=lambda kv: -kv[1])[:20]
    return {"file": str(Path(out_path).relative_to(ROOT)) if Path(out_path).is_relative_to(ROOT) else out_path,
            "profiled_compare_s": round(total, 2), "interval_s": 0.005,
            "top_own_time": [{"function": k, "s": round(v, 2), "share": round(v / total, 3)} for k, v in top_own],
            "top_inclusive_time": [{"function": k, "s": round(v, 2), "share": round(v / total, 3)}
                                   for k, v in top_inclusive]}


def _cross_pair_count(article_of: list[int]) -> int:
    sizes: dict[int, int] = {}
    for a in article_of:
        sizes[a] = sizes.get(a, 0) + 1
    n = len(article_of)
    return (n * n - sum(s * s for s in sizes.values())) // 2


def _random_cross_pair(rng: random.Random, article_of: list[int]) -> tuple[int, int]:
    """A uniformly random unordered pair of sentences of different articles."""
    n = len(article_of)
    while True:
        i, j = rng.randrange(n), rng.randrange(n)
        if article_of[i] != article_of[j]:
            return (i, j) if i < j else (j, i)


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def task_brute(args) -> dict:
    from service.align.candidates import candidate_pairs
    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    params = AlignParams()
    documents = _load(args.docs)
    articles = [d.parse() for d in documents]
    t0 = time.perf_counter()
    _, features, weights, scores = _features(articles, params)
    t_features = time.perf_counter() - t0
    from service.align.units import group_units

    t1 = time.perf_counter()
    units = group_units(features)
    unit_candidates = candidate_pairs(units.features, params=params, articles=len(articles))
    t_index = time.perf_counter() - t1
    unit_of = units.unit_of
    # The indexed aligner (compare()) works on units, copies of one text: two copies are linked as identical,
    # other sentence pairs are scored when their units are a candidate pair. A brute-force link is found by the
    # indexed aligner exactly when it is one of those, so recall needs the candidate set only.

    class Found:
        def __contains__(self, pair) -> bool:
            u, v = unit_of[pair[0]], unit_of[pair[1]]
            return u == v or ((u, v) if u < v else (v, u)) in unit_candidates

    candidates = Found()

    by_scorer: dict[str, list[int]] = {}  # scorer that carried a brute-force link -> [found by the index, links]

    def is_link(i: int, j: int, tally: bool = False) -> bool:
        s = scores(i, j)
        if len(scores.cache) > 50_000:
            scores.cache.clear()
        linked = scores.links(i, j)
        if linked and tally:
            counts = by_scorer.setdefault(s.scorer, [0, 0])
            counts[0] += (i, j) in candidates
            counts[1] += 1
        return linked

    article_of = [f.article for f in features]
    total_pairs = _cross_pair_count(article_of)
    rng = random.Random(7)
    calibration = [_random_cross_pair(rng, article_of) for _ in range(min(3000, total_pairs))]
    t3 = time.perf_counter()
    for pair in calibration:
        is_link(*pair)
    per_pair = (time.perf_counter() - t3) / max(len(calibration), 1)
    estimate = per_pair * total_pairs
    result = {"sentences": len(features), "cross_article_pairs": total_pairs, "features_s": round(t_features, 3),
              "indexed": {"distinct_sentences": len(units), "candidate_pairs": len(unit_candidates),
                          "candidate_share": round(len(unit_candidates) / total_pairs, 5),
                          "index_s": round(t_index, 3),
                          "align_s_estimated": round(t_features + t_index + per_pair * len(unit_candidates), 3)},
              "calibrated_us_per_pair": round(per_pair * 1e6, 1), "bound_s": args.bound}
    if estimate <= args.bound:
        t4 = time.perf_counter()
        brute_links = set()
        for i in range(len(features)):
            for j in range(i + 1, len(features)):
                if article_of[i] != article_of[j] and is_link(i, j, tally=True):
                    brute_links.add((i, j))
        elapsed = time.perf_counter() - t4
        found = sum(1 for pair in brute_links if pair in candidates)
        result.update({
            "mode": "exact", "pairs_scored": total_pairs, "scoring_s": round(elapsed, 3),
            "time_s": round(t_features + elapsed, 3), "links": len(brute_links), "indexed_links": found,
            "recall": round(found / len(brute_links), 5) if brute_links else None,
            "missed_links": len(brute_links) - found,
            "recall_by_scorer": _by_scorer(by_scorer),
        })
        return result
    seen, links, hits = set(), 0, 0
    deadline = time.perf_counter() + args.bound
    t4 = time.perf_counter()
    while time.perf_counter() < deadline:
        for _ in range(500):
            pair = _random_cross_pair(rng, article_of)
            if pair in seen:
                continue
            seen.add(pair)
            if is_link(*pair, tally=True):
                links += 1
                hits += pair in candidates
    elapsed = time.perf_counter() - t4
    per_pair = elapsed / len(seen)
    low, high = wilson(hits, links)
    result.update({
        "mode": "sampled", "pairs_scored": len(seen), "sample_share": round(len(seen) / total_pairs, 6),
        "sampled_s": round(elapsed, 3), "us_per_pair": round(per_pair * 1e6, 1),
        "time_s": round(t_features + per_pair * total_pairs, 1), "time_is_extrapolated": True,
        "links_in_sample": links, "links_estimated": round(links / len(seen) * total_pairs),
        "recall": round(hits / links, 5) if links else None,
        "recall_95ci": [round(low, 4), round(high, 4)],
        "recall_by_scorer": _by_scorer(by_scorer),
    })
    return result


def _by_scorer(counts: dict[str, list[int]]) -> dict:
    """Recall split by the scorer that carried each brute-force link: the clause scorer links sentences that
    share one clause, which the candidate index (whole-sentence overlap) is not built to find."""
    return {scorer: {"found": found, "links": links, "recall": round(found / links, 4) if links else None}
            for scorer, (found, links) in sorted(counts.items())}


def task_cdist(args) -> dict:
    import numpy as np
    from rapidfuzz import fuzz, process

    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    params = AlignParams()
    articles = [d.parse() for d in _load(args.docs)]
    _, features, _, _ = _features(articles, params)
    words = [f.words for f in features]
    cutoff = 60  # the old single-threshold baseline: token_set_ratio >= 60 links
    article_of = np.array([f.article for f in features])
    n = len(words)
    block = 256
    blocks = list(range(0, n, block))
    cells_total = sum((min(b + block, n) - b) * (n - b) for b in blocks)
    rng = random.Random(11)
    order = blocks[:]
    rng.shuffle(order)
    t0 = time.perf_counter()
    cells = links = 0
    deadline = t0 + args.bound
    for b in order:
        end = min(b + block, n)
        matrix = process.cdist(words[b:end], words[b:], scorer=fuzz.token_set_ratio,
                               score_cutoff=cutoff, dtype=np.uint8, workers=-1)
        rows, cols = np.nonzero(matrix)
        i, j = rows + b, cols + b
        keep = (j > i) & (article_of[i] != article_of[j])
        links += int(keep.sum())
        cells += (end - b) * (n - b)
        if time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - t0
    complete = cells == cells_total
    return {"mode": "exact" if complete else "sampled", "sentences": n, "workers": "all cores (-1)",
            "scorer": "fuzz.token_set_ratio over features' words", "bound_s": args.bound,
            "share_computed": round(cells / cells_total, 4), "measured_s": round(elapsed, 3),
            "time_s": round(elapsed * cells_total / cells, 2), "time_is_extrapolated": not complete,
            "links_at_threshold": links if complete else round(links * cells_total / cells)}


def task_difflib(args) -> dict:
    from difflib import SequenceMatcher

    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    articles = [d.parse() for d in _load(args.docs)]
    _, features, _, _ = _features(articles, AlignParams())
    texts = [f.text for f in features]
    article_of = [f.article for f in features]
    n = len(texts)
    total_pairs = _cross_pair_count(article_of)
    matcher = SequenceMatcher(autojunk=True)

    def column(j: int, upto: int) -> tuple[int, int]:
        """Compare sentence j with sentences 0..upto-1 of other articles: (pairs, links)."""
        matcher.set_seq2(texts[j])
        pairs = links = 0
        for i in range(upto):
            if article_of[i] == article_of[j]:
                continue
            pairs += 1
            matcher.set_seq1(texts[i])
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and matcher.ratio() >= 0.6:
                links += 1
        return pairs, links

    rng = random.Random(13)
    t0 = time.perf_counter()
    calibration_pairs = 0
    for j in rng.sample(range(n), min(n, 10)):
        calibration_pairs += column(j, n)[0]
    per_pair = (time.perf_counter() - t0) / max(calibration_pairs, 1)
    if per_pair * total_pairs <= args.bound:
        t1 = time.perf_counter()
        links = sum(column(j, j)[1] for j in range(n))
        elapsed = time.perf_counter() - t1
        return {"mode": "exact", "sentences": n, "pairs": total_pairs, "time_s": round(elapsed, 3),
                "links": links, "bound_s": args.bound}
    columns = list(range(n))
    rng.shuffle(columns)
    pairs = links = 0
    t1 = time.perf_counter()
    deadline = t1 + args.bound
    for j in columns:
        p, l = column(j, n)
        pairs, links = pairs + p, links + l
        if time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - t1
    # each unordered pair is seen twice over all columns
    return {"mode": "sampled", "sentences": n, "pairs": total_pairs, "ordered_pairs_scored": pairs,
            "sampled_s": round(elapsed, 3), "us_per_pair": round(elapsed / pairs * 1e6, 2),
            "time_s": round(elapsed / pairs * total_pairs, 1), "time_is_extrapolated": True,
            "links_estimated": round(links / pairs * total_pairs), "bound_s": args.bound}


def task_collatex(args) -> dict:
    from collatex import Collation, collate

    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    articles = [d.parse() for d in _load(args.docs)]
    sorted_articles, features, _, _ = _features(articles, AlignParams())
    collation = Collation()
    tokens = 0
    for k in range(len(sorted_articles)):
        words = [w for f in features if f.article == k for w in f.words.split()]
        tokens += len(words)
        collation.add_witness({"id": f"w{k}", "tokens": [{"t": w} for w in words]})
    t0 = time.perf_counter()
    table = collate(collation, output="table", segmentation=False)
    elapsed = time.perf_counter() - t0
    return {"finished": True, "time_s": round(elapsed, 3), "witnesses": len(sorted_articles), "tokens": tokens,
            "columns": len(getattr(table, "columns", []) or []), "peak_rss_mb": rss_mb()}


CHILD_TASKS = {"ours": task_ours, "brute": task_brute, "cdist": task_cdist, "difflib": task_difflib,
               "collatex": task_collatex}


def child_main(argv) -> int:
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
    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, timeout=10).stdout
        except (OSError, subprocess.TimeoutExpired):
            return ""
    # porcelain lines are "XY path": the status column may start with a space, so nothing is stripped first
    dirty = [line[3:] for line in git("status", "--porcelain").splitlines() if not line[3:].startswith("bench/")]
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "dirty_outside_bench": dirty}


def bench_workload(name: str, docs: Path, args, state: dict, log) -> dict:
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


def ratios(entry: dict) -> dict:
    """Baseline time / ours. `compare` is the whole pipeline (warm median); `align_stage` is only the stages brute
    force replaces (features and candidate index as timed in the brute-force child, plus the candidates times the
    calibrated cost of one pair), an estimate that leaves clustering, facts and framing out."""
    ours = entry.get("ours", {}).get("median", {}).get("compare_s")
    out: dict = {}
    if not ours:
        return out
    brute = entry.get("brute_force", {})
    if brute.get("time_s"):
        out["brute_force_vs_compare"] = round(brute["time_s"] / ours, 1)
        align = brute.get("indexed", {}).get("align_s_estimated")
        if align:
            out["brute_force_vs_align_stage"] = round(brute["time_s"] / align, 1)
    for key in ("rapidfuzz_cdist", "difflib"):
        if entry.get(key, {}).get("time_s"):
            out[f"{key}_vs_compare"] = round(entry[key]["time_s"] / ours, 2)
    collatex = entry.get("collatex", {})
    if collatex.get("finished"):
        out["collatex_vs_compare"] = round(collatex["time_s"] / ours, 1)
    elif collatex.get("did_not_finish"):
        out["collatex_vs_compare"] = f"> {round(collatex.get('bound_s', collatex['killed_after_s']) / ours, 1)} (did not finish)"
    return out


def check_targets(results: dict) -> list[dict]:
    checks = []
    seeds = results["workloads"].get("seeds", {}).get("ours")
    if seeds:
        value = cold_of(seeds)["total_s"]
        checks.append({"target": "seeds end to end (parse+compare) cold < 150 ms", "value_s": value,
                       "met": value < TARGETS["seeds_cold_end_to_end_s"],
                       "note": f"median of {len(seeds.get('cold_runs', [1]))} fresh processes after warm_up(), "
                               "each as a gunicorn worker's first request"})
    big = results["workloads"].get("corpus-200", {})
    if big.get("ours"):
        for label, value in (("cold", cold_of(big["ours"])["compare_s"]), ("warm", big["ours"]["median"]["compare_s"])):
            checks.append({"target": f"200-article compare < 2 s ({label})", "value_s": value,
                           "met": value < TARGETS["corpus200_compare_s"]})
        peak = big["ours"]["rss_mb"]["peak"]
        checks.append({"target": "200-article peak RSS < 500 MB", "value_mb": peak,
                       "met": peak < TARGETS["corpus200_peak_rss_mb"]})
    for name in ("corpus-200", "corpus-50", "corpus-20"):
        ratio = results["workloads"].get(name, {}).get("ratios", {}).get("brute_force_vs_compare")
        brute = results["workloads"].get(name, {}).get("brute_force", {})
        if ratio:
            checks.append({"target": f"{name}: >= 10x faster than brute force", "value": ratio,
                           "met": ratio >= TARGETS["speedup_vs_brute_force"],
                           "note": "brute force extrapolated from a sample" if brute.get("time_is_extrapolated")
                           else "brute force ran every pair"})
        if brute.get("recall") is not None:
            low = brute.get("recall_95ci", [brute["recall"]])[0]
            checks.append({"target": f"{name}: recall vs brute force within 1 point (>= 0.99)",
                           "value": brute["recall"], "ci95_low": low, "met": brute["recall"] >= 0.99})
    http = results.get("http") or {}
    for workers, figures in (http.get("configs") or {}).items():
        for route in ("get_cached", "post_cached"):
            f = figures.get(route)
            if f and "p50_ms" in f:
                checks.append({"target": f"cached comparison ({route}, {workers} workers) p50 < 5 ms, >= 1000 req/s",
                               "p50_ms": f["p50_ms"], "rps": f["rps"],
                               "met": f["p50_ms"] < TARGETS["cached_p50_ms"] and f["rps"] >= TARGETS["cached_rps"]})
    return checks


def cold_of(ours: dict) -> dict:
    """The cold figures: the median over fresh processes where several ran, else the one cold run."""
    return ours.get("cold_median") or ours["cold"]


def table(results: dict) -> str:
    """The README table of the latest figures."""
    m = results["machine"]
    lines = [f"Machine: {m['nproc']} cores, {m['cpu']}, {m.get('memory_gib')} GiB, Python {m['python']}; "
             f"run {results['started'][:16].replace('T', ' ')} UTC, commit {results['git']['commit']}"
             + (" (service/tests edited in the work tree)" if results["git"]["dirty_outside_bench"] else "") + ".",
             "",
             "| workload | docs | sentences | parse cold / median | compare cold / median (min) | peak RSS | "
             "brute force | recall vs brute | cdist token_set | difflib | CollateX |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, w in results["workloads"].items():
        ours = w.get("ours", {})
        if "cold" not in ours:
            lines.append(f"| {name} | error: {ours.get('error') or ours} |")
            continue
        r = w.get("ratios", {})
        brute = w.get("brute_force", {})
        recall = brute.get("recall")
        recall_text = "-" if recall is None else f"{recall * 100:.2f} %" + (
            f" (95 % CI {brute['recall_95ci'][0] * 100:.1f}-{brute['recall_95ci'][1] * 100:.1f})"
            if "recall_95ci" in brute else " (exact)")

        def cell(key, ratio_key):
            b = w.get(key, {})
            if not b.get("time_s"):
                return "-"
            approx = "~" if b.get("time_is_extrapolated") else ""
            return f"{approx}{_fmt_s(b['time_s'])} ({r.get(ratio_key, '?')}x)"

        collatex = w.get("collatex", {})
        if collatex.get("finished"):
            cx = f"{_fmt_s(collatex['time_s'])} ({r.get('collatex_vs_compare')}x)"
        elif collatex.get("attempted") is False:
            cx = "not attempted"
        elif collatex.get("error"):
            cx = "error (see results.json)"
        elif collatex:
            cx = f"did not finish in {collatex.get('bound_s', '?'):.0f} s"
        else:
            cx = "-"
        lines.append(
            f"| {name} | {w['shape']['documents']} | {ours['stats']['sentences']} | "
            f"{_fmt_s(cold_of(ours)['parse_s'])} / {_fmt_s(ours['median']['parse_s'])} | "
            f"{_fmt_s(cold_of(ours)['compare_s'])}{_cold_processes_note(ours)} / {_fmt_s(ours['median']['compare_s'])} "
            f"({_fmt_s(ours['min']['compare_s'])}) | {ours['rss_mb']['peak']:.0f} MB | "
            f"{cell('brute_force', 'brute_force_vs_compare')} | {recall_text} | "
            f"{cell('rapidfuzz_cdist', 'rapidfuzz_cdist_vs_compare')} | {cell('difflib', 'difflib_vs_compare')} | {cx} |")
    http = results.get("http") or {}
    if http.get("configs"):
        lines += ["", f"HTTP ({http.get('load_generator', '?')}, loopback, {http.get('duration_s', '?')} s per route, "
                      f"connections: {http.get('connections', '?')}; rate limiting off):", "",
                  "| gunicorn workers | route | p50 | p95 | p99 | requests/s | errors |", "|---|---|---|---|---|---|---|"]
        for workers, figures in http["configs"].items():
            for route, f in figures.items():
                if isinstance(f, dict) and "p50_ms" in f:
                    lines.append(f"| {workers} | {route} | {f['p50_ms']:.2f} ms | {f['p95_ms']:.2f} ms | "
                                 f"{f['p99_ms']:.2f} ms | {f['rps']:.0f} | {f.get('errors', 0)} |")
        for workers, figures in http["configs"].items():
            cold = figures.get("cold_comparison")
            if cold:
                lines.append(f"\nCold POST /v1/comparisons of the five seeds (multipart upload), {workers} workers: "
                             f"first {cold['first_ms']:.0f} ms, median of {cold['n']} with the cache cleared "
                             f"{cold['median_ms']:.0f} ms (min {cold['min_ms']:.0f} ms).")
    return "\n".join(lines)


def _cold_processes_note(ours: dict) -> str:
    runs = ours.get("cold_runs") or []
    return f" (median of {len(runs)} processes)" if len(runs) > 1 else ""


def _fmt_s(value: float) -> str:
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    if value < 100:
        return f"{value:.2f} s"
    return f"{value:.0f} s"


def main(argv=None) -> int:
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
    Path(path).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

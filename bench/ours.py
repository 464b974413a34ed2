"""The benchmark's measurement of the service itself: parse and compare in a fresh child process, and one
profiled comparison (run.py starts the child; see its docstring for what each figure means)."""
from __future__ import annotations

import gc
import pickle
import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    """Peak resident memory of this process in MB: each child reports its own."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def load_documents(docs_path: str):
    """The workload's documents, pickled by the parent so generation is neither timed nor counted in RSS."""
    with open(docs_path, "rb") as handle:
        return pickle.load(handle)


def task_ours(args) -> dict:
    """Our pipeline on the workload: startup, the cold run, warm runs within the budget, peak RSS."""
    t0 = time.perf_counter()
    from service.comparison import compare
    from service.warmup import warm_up
    from service.ingest import parse_document  # noqa: F401  (import cost belongs to startup)

    if not args.unwarmed:
        warm_up()
    startup = time.perf_counter() - t0
    rss_startup = rss_mb()
    documents = load_documents(args.docs)
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

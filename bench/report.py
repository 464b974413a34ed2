"""The benchmark's derived figures: ratios to our compare, the checks against the targets of issue 5, and the
README table."""
from __future__ import annotations

TARGETS = {
    "seeds_cold_end_to_end_s": 0.150,
    "cached_p50_ms": 5.0,
    "cached_rps": 1000,
    "corpus200_compare_s": 2.0,
    "corpus200_peak_rss_mb": 500,
    "speedup_vs_brute_force": 10.0,
    "recall_vs_brute_force_points": 1.0,
}


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
    """Each target of issue 5 with the figure that answers it and whether it is met."""
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
    """The table's note that a cold figure is a median over fresh processes."""
    runs = ours.get("cold_runs") or []
    return f" (median of {len(runs)} processes)" if len(runs) > 1 else ""


def _fmt_s(value: float) -> str:
    """Seconds for the table: ms below a second, fewer decimals as the figure grows."""
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    if value < 100:
        return f"{value:.2f} s"
    return f"{value:.0f} s"

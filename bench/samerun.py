"""Same-run comparison of two source trees (e.g. a `git worktree` of an earlier commit and this one): fresh
processes alternate (ABBA), each parses a workload, compares it after warm_up (cold), then again (warm); medians
and ratios are printed. Usage: python bench/samerun.py OLD_TREE NEW_TREE ROUNDS WORKLOAD...

A tree older than service/warmup.py takes warm_up from service.align.features, where it lived then."""
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import workload

CHILD = r'''
import json, pickle, sys, time, gc
sys.path.insert(0, sys.argv[1])
from service.comparison import compare
from service.ingest import parse_document
try:
    from service.warmup import warm_up
except ImportError:
    from service.align.features import warm_up
warm_up()
docs = pickle.load(open(sys.argv[2], "rb"))
gc.collect()
t0 = time.perf_counter(); arts = [parse_document(c, **k) for c, k in docs]; t1 = time.perf_counter()
compare(arts); t2 = time.perf_counter(); compare(arts); t3 = time.perf_counter()
print(json.dumps({"parse": t1 - t0, "cold": t2 - t1, "warm": t3 - t2}))
'''
old, new, rounds, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
for name in names:
    path = f"{tempfile.gettempdir()}/samerun-{name}.pkl"
    pickle.dump([(d.content, d.kwargs) for d in workload(name).documents], open(path, "wb"))
    got = {old: [], new: []}
    for r in range(rounds):
        for tree in ((old, new) if r % 2 == 0 else (new, old)):
            out = subprocess.run([sys.executable, "-c", CHILD, tree, path], cwd=tree, capture_output=True, text=True)
            if out.returncode:
                print(out.stderr[-2000:]); sys.exit(1)
            got[tree].append(json.loads(out.stdout.strip().splitlines()[-1]))
    for key in ("parse", "cold", "warm"):
        a = statistics.median(x[key] for x in got[old]); b = statistics.median(x[key] for x in got[new])
        print(f"{name:12} {key:6} old {a*1000:8.1f} ms  new {b*1000:8.1f} ms  ratio {b/a:.2f}")

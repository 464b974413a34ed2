"""What a comparison across languages costs: the White House readout of the Woodside summit against CCTV's
programme of that evening (../shared/corpus), in fresh processes (cold: the embedding model loads and every
sentence is new) and repeated in one process (warm: vectors cached per text), against the same programme
compared with the next evening's programme (one language, no embedding) in the same run.

    python bench/crosslingual.py [--shared ../shared] [--processes 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from service.warmup import warm_up
warm_up()
from service.comparison import compare
from service.ingest import parse_document
from service.align import crosslingual
corpus = Path({corpus!r})
pairs = {{"mixed": ["whitehouse/2023-11-15_readout-biden-xi-woodside.md", "cctv-xinwen-lianbo/20231116.md"],
          "chinese": ["cctv-xinwen-lianbo/20231116.md", "cctv-xinwen-lianbo/20231117.md"]}}
out = {{}}
for name, files in pairs.items():
    articles = [parse_document((corpus / f).read_bytes(), content_type="text/markdown") for f in files]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        result = compare(articles)
        times.append(time.perf_counter() - started)
    out[name] = {{"cold_s": round(times[0], 3), "warm_s": round(min(times[1:]), 3),
                 "sentences": result["stats"]["sentences"], "shared_facts": result["stats"]["shared_facts"]}}
out["embedded_texts"] = len(crosslingual.embedder().vectors)
print(json.dumps(out))
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--processes", type=int, default=3)
    args = parser.parse_args(argv)
    script = CHILD.format(root=str(ROOT), corpus=str(args.shared / "corpus"))
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                      check=True).stdout) for _ in range(args.processes)]
    summary = {name: {key: statistics.median(run[name][key] for run in runs) for key in runs[0][name]}
               for name in ("mixed", "chinese")}
    summary["embedded_texts"] = runs[0]["embedded_texts"]
    summary["mixed_over_chinese_cold"] = round(summary["mixed"]["cold_s"] / summary["chinese"]["cold_s"], 2)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

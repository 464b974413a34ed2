"""The same inputs give the same comparison in every process: string hashes (and so set orders) differ
between processes, and fact ids must not."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import ROOT

SCRIPT = """
import hashlib, json, sys
from pathlib import Path
from service.comparison import compare
from service.ingest import parse_document
result = compare([parse_document(p.read_bytes()) for p in sorted(Path("seeds").glob("*.txt"))])
print(json.dumps({"digest": hashlib.sha256(json.dumps(result, sort_keys=True).encode()).hexdigest(),
                  "facts": len(result["facts"])}))
"""


def _run(hash_seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_comparison_is_the_same_whatever_the_process_hash_seed():
    first, second = _run("1"), _run("4242")
    assert first["facts"] > 50
    assert first == second

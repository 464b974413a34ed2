"""`python -m service ingest FILE...` prints parsed articles as JSON."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT, seed_path


def run(*args):
    return subprocess.run([sys.executable, "-m", "service", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_ingest_one_file_prints_one_article():
    result = run("ingest", str(seed_path("004")))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["outlet"]["id"] == "bbc" and article["byline"] == "陈岩"


def test_ingest_several_files_prints_a_list_and_reports_failures(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = run("ingest", str(seed_path("000")), str(seed_path("002")), str(empty))
    assert result.returncode == 1
    assert [a["outlet"]["id"] for a in json.loads(result.stdout)] == ["nyt", "voa"]
    assert "empty.txt" in result.stderr and "empty" in result.stderr

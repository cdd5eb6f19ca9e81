"""bench/bench_matching.py still runs: on a tiny database, as a subprocess (no timing assertions)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_matching_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_matching.py"), "--applicants", "400",
                           "--orders", "30", "--rounds", "3", "--sql-orders", "2"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for text in ("first match after start", "one order, arrays loaded", "orders for one applicant",
                 "open orders ranked", "keeping current", "plain SQL", "ratio"):
        assert text in done.stdout, (text, done.stdout)
    assert "rows, packed)" in done.stdout  # the first match read the packed strings, not rows
    assert (tmp_path / "results" / "matching.jsonl").exists()

"""bench/bench_training.py still runs, on a tiny database (no timing assertions: the targets live
in the benchmark itself)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_training_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"),
               QT_QPA_PLATFORM="offscreen")
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_training.py"), "--candidates", "120",
                           "--runs", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for text in ("grid open (40 candidates x", "rates (attendance_many, 120 candidates", "floor", "ratio to target"):
        assert text in done.stdout, (text, done.stdout)
    assert (tmp_path / "results" / "training.jsonl").exists()

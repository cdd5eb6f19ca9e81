"""bench/bench_reports.py still runs, on a tiny database (no timing assertions: the target lives in
the benchmark itself)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_reports_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_reports.py"), "--applicants", "300",
                           "--runs", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for text in ("data: 300 demo applicants", "mou_report.compute: median", "ratio to target", "floor (bare GROUP BY"):
        assert text in done.stdout, (text, done.stdout)
    assert (tmp_path / "results" / "reports.jsonl").exists()

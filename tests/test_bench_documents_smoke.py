"""bench/bench_documents.py still runs: on a tiny database, as a subprocess, no timing assertions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_documents_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_documents.py"), "--applicants", "300",
                           "--runs", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for text in ("300 applicants, 3,000 documents", "floor", "completeness, all", "expiring 90 days",
                 "checklist of one applicant", "ratio"):
        assert text in done.stdout, (text, done.stdout)
    assert (tmp_path / "results" / "bench_documents.jsonl").is_file()

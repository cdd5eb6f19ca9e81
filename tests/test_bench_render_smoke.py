"""bench/bench_render.py still runs, on a tiny database (no timing assertions: the target lives in
the benchmark itself)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_render_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_render.py"), "--applicants", "300",
                           "--runs", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for text in ("A4 pages", "A4 page at 100 dpi (827x11", "ratio to target", "floor (blank A4 page",
                 "thumbnail 96 px: drawn"):
        assert text in done.stdout, (text, done.stdout)
    assert (tmp_path / "results" / "render.jsonl").exists()

"""The sync benchmark still runs (a tiny packet, as a subprocess; no timing assertions)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_sync_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_sync.py"), "--applicants", "200"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for text in ("sync packet: 200 applicants", "export_packet:", "import_packet:", "rows/s", "floor",
                 "ratio to target", "MB"):
        assert text in done.stdout, (text, done.stdout)
    assert (tmp_path / "results" / "sync.jsonl").exists()

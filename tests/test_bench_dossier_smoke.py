"""bench/bench_dossier.py still runs, on a tiny database (no timing assertions: the targets live in
the benchmark itself)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_dossier_runs(tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_dossier.py"), "--applicants", "300",
                           "--runs", "2", "--batch", "3"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    for text in ("data: 300 demo applicants", "one dossier (read + audit + PDF): median", "ratio to target",
                 "ratio to floor", "batch of 3 in one PDF"):
        assert text in done.stdout, (text, done.stdout)
    (line,) = (tmp_path / "results" / "dossier.jsonl").read_text().splitlines()
    result = json.loads(line)
    assert result["batch"] == 3 and result["batch_pages"] >= 1 + 3 and result["one_median_s"] > 0

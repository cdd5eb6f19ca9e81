"""The benchmarks still run: each script on a tiny database, as a subprocess. No timing
assertions here (targets live in the benchmarks themselves, see bench/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script, args, expected", [
    ("bench_demo_data.py", ["--applicants", "400"], ["demo.generate:", "floor", "ratio"]),
    ("bench_register.py", ["--applicants", "400", "--saves", "10"], ["register_applicant: median", "floor", "ratio"]),
    ("bench_search.py", ["--applicants", "400", "--rounds", "1"], ["ALL", "name prefix", "floor", "ratio"]),
    ("bench_gui.py", ["--applicants", "400", "--runs", "1", "--pages", "1"],
     ["list showing (200 rows)", "floor", "ratio", "memory:"]),
])
def test_bench_script_runs(script, args, expected, tmp_path):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for text in expected:
        assert text in done.stdout, (text, done.stdout)

"""The PostgreSQL benchmark still runs (tiny sizes, as a subprocess; no timing assertions)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_postgres_runs(tmp_path, pg_server):
    env = dict(os.environ, PMI_DESK_HOME=str(tmp_path / "home"), PMI_BENCH_RESULTS=str(tmp_path / "results"),
               PMI_DESK_TEST_PG=pg_server.url.render_as_string(hide_password=False))
    env.pop("PMI_DESK_DB_URL", None)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_postgres.py"), "--applicants", "30",
                           "--seats", "2", "--per-seat", "3"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for text in ("postgresql city office: 2 seats x 3 registrations", "registrations/s", "floor (one seat)",
                 "name search", "sync import into PostgreSQL", "rows/s", "ratio to target"):
        assert text in done.stdout, (text, done.stdout)
    assert (tmp_path / "results" / "postgres.jsonl").exists()

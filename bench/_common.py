"""Shared helpers of the benchmarks: the cached demo database, statistics, the report line.

The demo database (built once by ``app.core.demo.generate``) lives in ``bench/results/cache/``
(ignored by git, like the ``*.jsonl`` result lines), named by size, seed and a hash of the schema and generator sources, so a change
to the models, the migration or the generator builds a new one. Every run works on a copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Where results and the cached databases go (the smoke test points this at a temp dir).
RESULTS = Path(os.environ.get("PMI_BENCH_RESULTS") or ROOT / "bench" / "results")
CACHE = RESULTS / "cache"
DEMO_TODAY = date(2026, 11, 25)  # fixed, so the cached file does not depend on the day it was built

# The cached demo database is rebuilt when what makes it changes: the models, the migrations, the demo
# generators of every area.
_SOURCES = sorted(str(p.relative_to(ROOT)) for pattern in ("app/models/*.py", "app/migrations/versions/*.py",
                                                           "app/core/demo*.py") for p in ROOT.glob(pattern))


def _fingerprint() -> str:
    h = hashlib.sha256()
    for rel in _SOURCES:
        h.update((ROOT / rel).read_bytes())
    return h.hexdigest()[:12]


def demo_database(applicants: int, seed: int = 2026) -> Path:
    """The path of a database with ``applicants`` demo applicants, built on first use."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{applicants}-{seed}-{_fingerprint()}.sqlite3"
    if path.exists():
        return path
    from app.core import demo, setup
    from app.core.actor import Actor
    from app.db import Database

    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = Database.open(f"sqlite:///{tmp}")
    office = setup.ensure_office(db)
    t = time.perf_counter()
    demo.generate(db, Actor("bench", office.code, "admin", "Bench"), applicants=applicants, seed=seed,
                  today=DEMO_TODAY)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    print(f"(built {path.name} in {time.perf_counter() - t:.1f} s)", file=sys.stderr)
    tmp.rename(path)
    Path(f"{tmp}-wal").unlink(missing_ok=True)
    Path(f"{tmp}-shm").unlink(missing_ok=True)
    return path


def working_copy(source: Path) -> Path:
    """A private copy of ``source`` in a temp dir (removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="pmi-bench-"))
    import atexit

    atexit.register(shutil.rmtree, folder, True)
    target = folder / "bench.sqlite3"
    shutil.copyfile(source, target)
    return target


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "median": statistics.median(values), "p95": percentile(values, 95),
            "p99": percentile(values, 99), "max": max(values)}


def machine() -> str:
    """Cores, system, Python, and the load average when measured (other work on the machine
    slows every figure down, so it is printed with them)."""
    load = ", load avg %.1f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return (f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}{load}")


def record(name: str, data: dict) -> None:
    """Append one result line to ``bench/results/<name>.jsonl``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {"date": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), **data}
    with open(RESULTS / f"{name}.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(data, default=str) + "\n")

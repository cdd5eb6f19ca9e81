"""``pmi-desk demo-data``: ``demo.generate`` of N applicants into a fresh, migrated database.

    .venv/bin/python bench/bench_demo_data.py [--applicants 200000]

Target: 200,000 applicants <= 60 s. Floor: raw sqlite3 ``executemany`` of the same rows
(applicants, languages, work experience; FTS filled the same way, in one statement) in one
transaction on a fresh database with the app's pragmas: what SQLite alone needs to store them.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET = 60.0


def fresh(folder: Path, name: str):
    from app.core import setup
    from app.core.actor import Actor
    from app.db import Database

    db = Database.open(f"sqlite:///{folder / name}")
    office = setup.ensure_office(db)
    return db, Actor("bench", office.code, "admin", "Bench")


def _plain(value):
    """A value as SQLAlchemy stores it in SQLite (uuid hex, naive-UTC datetime text, ISO date)."""
    if hasattr(value, "hex") and not isinstance(value, (str, bytes)):
        return value.hex
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def floor(folder: Path, applicants: int, seed: int) -> tuple[float, float]:
    """(seconds for SQLite, seconds the Python row generation took) for the same rows."""
    import numpy as np

    from app.core import demo

    db, actor = fresh(folder, "floor.sqlite3")
    db.dispose()
    t = time.perf_counter()
    rows, langs, exps = demo._build(np.random.default_rng([seed, 0]), seed, applicants, _common.DEMO_TODAY,
                                    actor.office_code, set(), set())
    generation = time.perf_counter() - t
    for i, r in enumerate(rows):
        r["registration_number"] = f"FLOOR-{i:07d}"
    tables = []
    for table, data in (("applicant", rows), ("applicant_language", langs), ("work_experience", exps)):
        cols = [c for c in data[0] if c != "_i"] if data else []
        tables.append((f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                       [tuple(_plain(d[c]) for c in cols) for d in data]))
    con = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL", "cache_size=-262144"):
        con.execute(f"PRAGMA {pragma}")
    t = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.execute("DROP TRIGGER applicant_fts_ai")
    for sql, params in tables:
        con.executemany(sql, params)
    con.execute("INSERT INTO applicant_fts(rowid, full_name) SELECT rowid, full_name FROM applicant")
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed, generation


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()

    from app.core import demo

    folder = Path(tempfile.mkdtemp(prefix="pmi-bench-demo-"))
    try:
        db, actor = fresh(folder, "demo.sqlite3")
        t = time.perf_counter()
        result = demo.generate(db, actor, applicants=args.applicants, seed=args.seed, today=_common.DEMO_TODAY)
        elapsed = time.perf_counter() - t
        db.dispose()
        size = (folder / "demo.sqlite3").stat().st_size + sum(
            p.stat().st_size for p in folder.glob("demo.sqlite3-wal"))
        sqlite_only, generation = floor(folder, args.applicants, args.seed)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rate = args.applicants / elapsed if elapsed else float("inf")
    print(f"bench_demo_data: {args.applicants:,} applicants ({result['languages']:,} languages, "
          f"{result['experience']:,} work experiences), {_common.machine()}")
    print(f"  demo.generate: {elapsed:.2f} s ({rate:,.0f} applicants/s), database {size / 1e6:.0f} MB")
    print(f"  of which generating the rows in Python (measured separately): {generation:.2f} s")
    print(f"  floor (raw sqlite3 executemany of the same rows + FTS fill + COMMIT): {sqlite_only:.2f} s")
    print(f"  ratio generate/floor: {elapsed / sqlite_only:.1f}x; target <= {TARGET:.0f} s for 200,000: "
          f"{'met' if elapsed * 200_000 / max(args.applicants, 1) <= TARGET else 'MISSED'} "
          f"(scaled to 200,000)")
    _common.record("bench_demo_data", {"applicants": args.applicants, "seconds": elapsed, "floor": sqlite_only,
                                       "generation": generation, "bytes": size})
    return 0


if __name__ == "__main__":
    sys.exit(main())

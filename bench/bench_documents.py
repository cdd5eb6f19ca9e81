"""Documents over many applicants: the completeness column, the expiring-soon list, one checklist.

    .venv/bin/python bench/bench_documents.py [--applicants 200000] [--per-applicant 10] [--runs 5]

Data: the cached demo database (``_common.demo_database``) with its demo documents replaced by
exactly ``--per-applicant`` documents for every applicant (random types, 50 % verified, 40 %
submitted, 10 % rejected; expiring types get expiry dates from 200 days ago to 800 days ahead),
built once and cached beside it. Measured (each ``--runs`` times, median):
- ``documents.completeness_many(db)`` for all applicants (a dict by UUID), the same as arrays
  (``completeness_arrays``, what matching reads), and for one list page of 200 (the list column);
- ``documents.expiring(db, days=90)`` (first 1,000 rows and the total; target ≤ 1 s), and filtered by
  kecamatan and by destination;
- ``documents.checklist(db, one applicant)`` for 50 random applicants (target ≤ 50 ms, p95 shown).
Floor: the bare GROUP BY of verified documents through ``sqlite3`` on the same file.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_BULK = 1.0
TARGET_ONE = 0.050


def documents_database(applicants: int, per_applicant: int) -> Path:
    source = _common.demo_database(applicants)
    path = source.with_name(f"{source.stem}-docs{per_applicant}.sqlite3")
    if path.exists():
        return path
    import numpy as np

    from app.core import demo_documents

    t = time.perf_counter()
    tmp = path.with_suffix(".building")
    shutil.copyfile(source, tmp)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA cache_size=-262144")
    types = [(c, e, v) for c, e, v in con.execute(
        "SELECT code, expires, validity_days FROM document_type ORDER BY sort_order")]
    ids = [r[0] for r in con.execute("SELECT id FROM applicant ORDER BY rowid")]
    n = len(ids)
    k = min(per_applicant, len(types))
    rng = np.random.default_rng(2026)
    picks = np.argsort(rng.random((n, len(types))), axis=1)[:, :k]
    status_roll = rng.random((n, k))
    expiry = rng.integers(-200, 800, size=(n, k))
    doc_ids = demo_documents._hex_ids(rng, n * k)
    today = _common.DEMO_TODAY
    created = "2026-06-01 02:00:00.000000"
    con.execute("BEGIN")
    con.execute("DELETE FROM document_scan")
    con.execute("DELETE FROM applicant_document")
    rows = []
    picks, status_roll, expiry = picks.tolist(), status_roll.tolist(), expiry.tolist()
    ordinal = today.toordinal()
    from datetime import date

    for i, aid in enumerate(ids):
        for j in range(k):
            code, expires, _validity = types[picks[i][j]]
            r = status_roll[i][j]
            status = "verified" if r < 0.5 else ("submitted" if r < 0.9 else "rejected")
            exp = date.fromordinal(ordinal + expiry[i][j]).isoformat() if expires else None
            rows.append((doc_ids[i * k + j], created, created, "BENCH", 1, aid, code, status, None, None, exp,
                         None, None, None, None, "bench" if status == "verified" else None,
                         created if status == "verified" else None, None))
    cols = ("id, created_at, updated_at, origin_office, version, applicant_id, type_code, status, number, "
            "issued_on, expires_on, note, printed_name, printed_birth_date, printed_nik, verified_by, "
            "verified_at, reject_reason")
    con.executemany(f"INSERT INTO applicant_document ({cols}) VALUES ({', '.join('?' * 18)})", rows)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.rename(path)
    print(f"(built {path.name}: {n * k:,} documents in {time.perf_counter() - t:.1f} s)", file=sys.stderr)
    return path


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=200_000)
    parser.add_argument("--per-applicant", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from app.core import documents
    from app.core.actor import Actor
    from app.db import Database

    path = _common.working_copy(documents_database(args.applicants, args.per_applicant))
    db = Database.open(f"sqlite:///{path}")
    actor = Actor("bench", "SRG-0001", "supervisor", "Bench")
    today = _common.DEMO_TODAY + timedelta(days=0)
    con = sqlite3.connect(path)
    n_docs = con.execute("SELECT count(*) FROM applicant_document").fetchone()[0]
    n_app = con.execute("SELECT count(*) FROM applicant").fetchone()[0]
    ids_hex = [r[0] for r in con.execute("SELECT id FROM applicant ORDER BY rowid DESC LIMIT 200")]
    kec = con.execute("SELECT kecamatan_code FROM applicant LIMIT 1").fetchone()[0]
    floor_sql = ("SELECT applicant_id, count(*) FROM applicant_document WHERE status = 'verified' "
                 "GROUP BY applicant_id")
    floor, _ = timed(lambda: con.execute(floor_sql).fetchall(), args.runs)
    import uuid

    page_ids = [uuid.UUID(h) for h in ids_hex]
    documents.completeness_many(db, page_ids, today=today)  # warm the page cache
    results = {}
    results["completeness, all"], got = timed(lambda: documents.completeness_many(db, today=today), args.runs)
    assert len(got) == n_app
    def arrays():
        with db.reading() as conn:
            return documents.completeness_arrays(conn, today=today)

    results["completeness, all, as arrays (matching)"], _ = timed(arrays, args.runs)
    results["completeness, one page of 200"], _ = timed(
        lambda: documents.completeness_many(db, page_ids, today=today), args.runs)
    results["expiring 90 days (1,000 rows + total)"], page = timed(
        lambda: documents.expiring(db, actor, days=90, today=today), args.runs)
    results["expiring, one kecamatan"], _ = timed(
        lambda: documents.expiring(db, actor, days=90, kecamatan=kec, today=today), args.runs)
    results["expiring, destination JP"], _ = timed(
        lambda: documents.expiring(db, actor, days=90, country="JP", today=today), args.runs)
    rng = random.Random(1)
    sample = rng.sample(page_ids, min(50, len(page_ids)))
    one = []
    for aid in sample:
        t = time.perf_counter()
        documents.checklist(db, aid, actor, today=today)
        one.append(time.perf_counter() - t)
    db.dispose()

    print(f"documents: {n_app:,} applicants, {n_docs:,} documents ({args.per_applicant} each); "
          f"{_common.machine()}")
    print(f"floor: bare GROUP BY of verified documents through sqlite3: {_common.ms(floor)}")
    for name, value in results.items():
        target = TARGET_BULK
        print(f"{name}: median {_common.ms(value)}  (target {_common.ms(target)}, ratio to target "
              f"{value / target:.2f}, to floor {value / floor:.1f}x)")
    s = _common.summary(one)
    print(f"checklist of one applicant ({len(one)}): median {_common.ms(s['median'])}, p95 {_common.ms(s['p95'])}"
          f"  (target {_common.ms(TARGET_ONE)}, ratio {s['median'] / TARGET_ONE:.2f})")
    print(f"expiring list total: {page.total:,} documents within 90 days")
    _common.record("bench_documents", {"applicants": n_app, "documents": n_docs, "floor_s": floor,
                                       **{k: v for k, v in results.items()}, "checklist_median_s": s["median"],
                                       "checklist_p95_s": s["p95"]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

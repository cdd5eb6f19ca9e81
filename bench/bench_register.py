"""Saving one walk-in registration: ``registration.register_applicant`` (validate, NIK and
likely-duplicate checks, next number, insert with languages and experience, audit, commit).

    .venv/bin/python bench/bench_register.py [--applicants 200000] [--saves 300]

On a copy of the cached demo database. Target: median <= 10 ms. Floor: one raw sqlite3
INSERT of an applicant row + COMMIT on the same file with the app's pragmas (WAL,
synchronous=FULL).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_MEDIAN = 0.010


def inputs(path: Path, n: int, today: date):
    """``n`` valid walk-ins with NIKs and phones not in the database (serials 9000+)."""
    from app.core.nik import nik_date_part
    from app.core.registration import ApplicantInput

    con = sqlite3.connect(path)
    taken = {r[0] for r in con.execute("SELECT nik FROM applicant")}
    phones = {r[0] for r in con.execute("SELECT phone FROM applicant")}
    con.close()
    out, i = [], 0
    while len(out) < n:
        i += 1
        sex = "P" if i % 2 else "L"
        birth = date(1995 + i % 10, 1 + i % 12, 1 + i % 27)
        nik = f"367301{nik_date_part(birth, sex)}{9000 + i % 1000:04d}"
        phone = f"+62857{70000000 + i:08d}"
        if nik in taken or phone in phones:
            continue
        taken.add(nik)
        out.append(ApplicantInput(
            nik=nik, kk_number=f"3673010101{i % 1000000:06d}", full_name=f"Pendaftar Uji {i}", sex=sex,
            birth_place="Serang", birth_date=birth, religion="islam", address=f"Jl. Ahmad Yani No. {i % 200 + 1}",
            rt="3", rw="5", kelurahan_code="36.73.01.1002", phone=phone, education_level="SMK",
            education_major="Tata Boga", height_cm=160, weight_kg=55, consent=True,
            preferred_countries=["JP"], preferred_sectors=["hospitality"], funding_scheme="employer",
            languages=[{"language_code": "ja", "level": "N4", "certificate": "JLPT N4"}],
            experience=[{"employer": "RM Sederhana", "position": "Juru masak", "sector": "food_service",
                         "start_date": "2019-01-01", "end_date": "2022-12-31"}]))
    return out


def floor(path: Path, n: int) -> list[float]:
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL", "cache_size=-65536"):
        con.execute(f"PRAGMA {pragma}")
    cols = [r[1] for r in con.execute("PRAGMA table_info(applicant)")]
    base = dict(zip(cols, con.execute("SELECT * FROM applicant LIMIT 1").fetchone()))
    sql = f"INSERT INTO applicant ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    times = []
    for i in range(n):
        row = dict(base, id=uuid.uuid4().hex, nik=f"9{i:015d}", registration_number=f"FLOOR-{i:06d}",
                   created_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f"))
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(sql, [row[c] for c in cols])
        con.execute("COMMIT")
        times.append(time.perf_counter() - t)
    con.close()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--saves", type=int, default=300)
    args = ap.parse_args()

    from app.core import registration, setup
    from app.core.actor import Actor
    from app.db import Database

    path = _common.working_copy(_common.demo_database(args.applicants, args.seed))
    today = _common.DEMO_TODAY
    todo = inputs(path, args.saves + 5, today)
    db = Database.open(f"sqlite:///{path}")
    actor = Actor("bench", setup.ensure_office(db).code, "counter", "Bench")
    for data in todo[:5]:  # warm-up
        registration.register_applicant(db, data, actor, today=today, confirm_warnings=True)
    times = []
    for data in todo[5:]:
        t = time.perf_counter()
        registration.register_applicant(db, data, actor, today=today, confirm_warnings=True)
        times.append(time.perf_counter() - t)
    db.dispose()
    floor_times = floor(path, args.saves)
    s = _common.summary(times)
    f50 = statistics.median(floor_times)
    print(f"bench_register: {args.applicants:,} applicants, {len(times)} saves, {_common.machine()}")
    print(f"  register_applicant: median {_common.ms(s['median'])}, p95 {_common.ms(s['p95'])}, "
          f"max {_common.ms(s['max'])}")
    print(f"  floor (raw sqlite3 INSERT + COMMIT, synchronous=FULL): median {_common.ms(f50)}, "
          f"p95 {_common.ms(_common.percentile(floor_times, 95))}")
    print(f"  ratio median/floor: {s['median'] / f50:.1f}x; target median <= {_common.ms(TARGET_MEDIAN)}: "
          f"{'met' if s['median'] <= TARGET_MEDIAN else 'MISSED'}")
    _common.record("bench_register", {"applicants": args.applicants, "saves": len(times), "register": s,
                                      "floor_median": f50})
    return 0


if __name__ == "__main__":
    sys.exit(main())

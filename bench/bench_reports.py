"""Printed output: the MoU progress report's figures over the demo database, and its PDF and Excel.

    .venv/bin/python bench/bench_reports.py [--applicants 200000] [--runs 5]

Works on the cached demo database (``_common.demo_database``), read only. Measured:

- figures: ``mou_report.compute`` for the default period (the MoU signing to the demo's today):
  one GROUP BY over the applicants registered in the period plus the small per-measure queries.
  Target <= 1.5 s (issue 6). Floor: the bare GROUP BY (kecamatan, sex, education, age) in sqlite3
  on the same file (the issue measured 19 ms with a covering index, 225 ms without).
- PDF and Excel of those figures (``mou.mou_pdf``, ``mou_xlsx.mou_xlsx``), for information.

Other work on the machine slows every figure down: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET = 1.5

FLOOR_SQL = """
SELECT kecamatan_code, sex, education_level,
       (CAST(replace(registered_on, '-', '') AS INTEGER) - CAST(replace(birth_date, '-', '') AS INTEGER)) / 10000,
       COUNT(*)
FROM applicant WHERE registered_on BETWEEN ? AND ? GROUP BY 1, 2, 3, 4
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    from app.core import mou_report, setup
    from app.core.actor import Actor
    from app.db import Database
    from app.reports import mou, mou_xlsx

    path = _common.demo_database(args.applicants)
    db = Database.open(f"sqlite:///{path}")
    actor = Actor("bench", setup.ensure_office(db).code, "supervisor", "Bench")
    d0, d1 = mou_report.MOU_SIGNED, _common.DEMO_TODAY
    times, report = [], None
    for _ in range(args.runs):
        t = time.perf_counter()
        report = mou_report.compute(db, actor, d0, d1)
        times.append(time.perf_counter() - t)
    conn = sqlite3.connect(str(path))
    floor = []
    for _ in range(args.runs):
        t = time.perf_counter()
        conn.execute(FLOOR_SQL, (d0.isoformat(), d1.isoformat())).fetchall()
        floor.append(time.perf_counter() - t)
    conn.close()
    t = time.perf_counter()
    mou.mou_pdf(io.BytesIO(), report)
    pdf = time.perf_counter() - t
    t = time.perf_counter()
    mou_xlsx.mou_xlsx(io.BytesIO(), report)
    xlsx = time.perf_counter() - t
    db.dispose()

    med, fmed = statistics.median(times), statistics.median(floor)
    print(f"machine: {_common.machine()}")
    print(f"data: {args.applicants} demo applicants, {report.totals['registered']} registered in the period "
          f"{d0}..{d1}, runs {args.runs}")
    print(f"mou_report.compute: median {_common.ms(med)}, max {_common.ms(max(times))}; target {TARGET * 1000:.0f} ms, "
          f"ratio to target {med / TARGET:.2f}")
    print(f"floor (bare GROUP BY in sqlite3): median {_common.ms(fmed)}; ratio compute/floor {med / fmed:.1f}")
    print(f"PDF {_common.ms(pdf)}, Excel {_common.ms(xlsx)}")
    _common.record("reports", {"applicants": args.applicants, "compute_median_s": med, "compute_max_s": max(times),
                               "floor_median_s": fmed, "pdf_s": pdf, "xlsx_s": xlsx, "target_s": TARGET})
    return 0


if __name__ == "__main__":
    sys.exit(main())

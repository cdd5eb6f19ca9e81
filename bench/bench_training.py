"""Language training: a batch opening in the attendance grid, and attendance rates of many candidates.

    .venv/bin/python bench/bench_training.py [--candidates 5000] [--runs 7]

Builds a fresh database: ``--candidates`` demo applicants, in batches of 40 over 8 months
(Mon/Wed/Fri, about 100 meetings each), every meeting marked (500,000 marks for 5,000 people).

- grid open: ``TrainingPage`` choosing one 40 × ~100 batch (``training.batch_attendance``, the
  model reset, the participants table, the view painted: ``processEvents``), offscreen.
  Target <= 300 ms. Floor: a bare ``QTableView`` over a ``QStandardItemModel`` of the same size,
  filled and shown the same way.
- rates: ``training.attendance_many`` for all the candidates (one GROUP BY plus the latest
  scores). Target <= 1 s. Floor: the bare GROUP BY in sqlite3.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_GRID = 0.300
TARGET_RATES = 1.0
BATCH = 40


def build(path: Path, candidates: int) -> tuple[list, list]:
    """(batch ids, applicant ids) of a fresh database at ``path``."""
    import numpy as np

    from app.core import demo, setup, training
    from app.core.actor import Actor
    from app.core.bulk import insert_rows
    from app.db import Database
    from app.models import (Applicant, TrainingAttendance, TrainingBatch, TrainingEnrolment, TrainingScore,
                            TrainingSession)

    db = Database.open(f"sqlite:///{path}")
    office = setup.ensure_office(db)
    actor = Actor("bench", office.code, "admin", "Bench")
    demo.generate(db, actor, applicants=candidates, seed=3, today=_common.DEMO_TODAY)
    rng = np.random.default_rng(11)
    now = datetime.now(timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    base = {"created_at": now, "updated_at": now, "origin_office": office.code, "version": 1}
    with db.session() as s:
        conn = s.connection()
        ids = [uuid.UUID(str(x)) if not isinstance(x, uuid.UUID) else x
               for x in conn.execute(Applicant.__table__.select().with_only_columns(Applicant.id)
                                     .order_by(Applicant.registration_number)).scalars()][:candidates]
        holidays = set()
        batch_ids = []
        start = date(2026, 1, 5)
        end = training.end_date_of(start, 8)
        days = training.schedule_dates(start, end, [1, 3, 5], holidays)
        for k in range(0, len(ids), BATCH):
            bid = uuid.uuid4()
            batch_ids.append(bid)
            insert_rows(conn, TrainingBatch.__table__, [dict(
                base, id=bid.hex, code=f"BN-{k // BATCH:04d}", language_code="ja", target_level="N4",
                provider="BBPVP Serang", venue="Serang", trainer_username="bench", start_date=start.isoformat(),
                duration_months=8, end_date=end.isoformat(), schedule_days="135", start_time="08:00",
                end_time="12:00", capacity=BATCH, min_attendance=80, pass_mark=70, funding_scheme=None,
                notes=None)])
            sids = [uuid.uuid4() for _ in days]
            insert_rows(conn, TrainingSession.__table__, [dict(
                base, id=sid.hex, batch_id=bid.hex, day=d.isoformat(), start_time="08:00", end_time="12:00",
                state="scheduled", moved_from=None, reason=None, added=False) for sid, d in zip(sids, days)])
            people = ids[k:k + BATCH]
            insert_rows(conn, TrainingEnrolment.__table__, [dict(
                base, id=uuid.uuid4().hex, batch_id=bid.hex, applicant_id=a.hex, language_code="ja",
                enrolled_on=start.isoformat(), status_before="registered", result="active", result_on=None,
                result_reason=None) for a in people])
            draws = rng.random((len(people), len(sids)))
            marks = np.where(draws < 0.88, "H", np.where(draws < 0.93, "S", np.where(draws < 0.97, "I", "A")))
            insert_rows(conn, TrainingAttendance.__table__, [dict(
                base, id=uuid.uuid4().hex, batch_id=bid.hex, session_id=sid.hex, applicant_id=a.hex,
                mark=str(marks[i, j])) for i, a in enumerate(people) for j, sid in enumerate(sids)])
            insert_rows(conn, TrainingScore.__table__, [dict(
                base, id=uuid.uuid4().hex, batch_id=bid.hex, applicant_id=a.hex, kind="mock", title=f"Tes {m}",
                test_date=(start + timedelta(days=28 * m)).isoformat(), score=int(rng.integers(40, 100)))
                for a in people for m in range(1, 8)])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return batch_ids, ids


def grid_open(path: Path, batch_ids: list, runs: int) -> tuple[list[float], int, int]:
    from PySide6.QtWidgets import QApplication

    from app.core.actor import Actor
    from app.db import Database
    from app.views import i18n
    from app.views.training.page import TrainingPage

    app = QApplication.instance() or QApplication(["bench"])
    i18n.install(app, "id")
    db = Database.open(f"sqlite:///{path}")
    page = TrainingPage(db, Actor("bench", "SRG-0001", "admin", "Bench"))
    page.today = date(2026, 9, 4)
    page.resize(1280, 720)
    page.show()
    app.processEvents()
    codes = [page.batches.batch(r).code for r in range(page.batches.rowCount())
             if page.batches.batch(r).code.startswith("BN-")]
    times = []
    for i in range(runs + 1):  # the first open warms caches; it is reported apart by being dropped
        code = codes[i % len(codes)]
        t = time.perf_counter()
        page.select_batch(code)
        app.processEvents()
        times.append(time.perf_counter() - t)
    rows, cols = page.grid_model.rowCount(), len(page.grid_model.sessions)
    page.close()
    db.dispose()
    return times[1:], rows, cols


def grid_floor(rows: int, cols: int, runs: int) -> list[float]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication(["bench"])
    view = QTableView()
    view.resize(1280, 720)
    view.show()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        model = QStandardItemModel(rows, cols)
        for r in range(rows):
            for c in range(cols):
                model.setItem(r, c, QStandardItem("H"))
        view.setModel(model)
        app.processEvents()
        times.append(time.perf_counter() - t)
    view.close()
    return times


def rates(path: Path, ids: list, runs: int) -> tuple[list[float], list[float], int]:
    from app.core import training
    from app.db import Database

    db = Database.open(f"sqlite:///{path}")
    out = {}
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = training.attendance_many(db, ids)
        times.append(time.perf_counter() - t)
    db.dispose()
    floor = []
    con = sqlite3.connect(path)
    for _ in range(runs):
        t = time.perf_counter()
        con.execute("SELECT applicant_id, count(*), sum(mark = 'H') FROM training_attendance "
                    "GROUP BY applicant_id").fetchall()
        floor.append(time.perf_counter() - t)
    con.close()
    assert len(out) == len(ids), (len(out), len(ids))
    return times, floor, sum(v.marked for v in out.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="pmi-bench-training-"))
    path = folder / "training.sqlite3"
    t = time.perf_counter()
    batch_ids, ids = build(path, args.candidates)
    print(f"data: {len(ids)} candidates in {len(batch_ids)} batches of {BATCH} "
          f"(built in {time.perf_counter() - t:.1f} s)")

    times, rows, cols = grid_open(path, batch_ids, args.runs)
    floor = grid_floor(rows, cols, args.runs)
    g, f = statistics.median(times), statistics.median(floor)
    print(f"grid open ({rows} candidates x {cols} meetings): median {_common.ms(g)}, max {_common.ms(max(times))}; "
          f"target {_common.ms(TARGET_GRID)}; ratio to target {g / TARGET_GRID:.2f}")
    print(f"  floor (bare QTableView over QStandardItemModel {rows}x{cols}): median {_common.ms(f)}; "
          f"ratio to floor {g / f:.1f}")

    rt, rf, marks = rates(path, ids, args.runs)
    r, ff = statistics.median(rt), statistics.median(rf)
    print(f"rates (attendance_many, {len(ids)} candidates, {marks} marks): median {_common.ms(r)}, "
          f"max {_common.ms(max(rt))}; target {_common.ms(TARGET_RATES)}; ratio to target {r / TARGET_RATES:.2f}")
    print(f"  floor (bare sqlite3 GROUP BY): median {_common.ms(ff)}; ratio to floor {r / ff:.1f}")
    print(f"machine: {_common.machine()}")
    _common.record("training", {"candidates": len(ids), "grid_rows": rows, "grid_cols": cols,
                                "grid_open_median_s": g, "grid_floor_median_s": f, "rates_median_s": r,
                                "rates_floor_median_s": ff, "marks": marks})
    return 0


if __name__ == "__main__":
    sys.exit(main())

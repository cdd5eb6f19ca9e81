"""Candidate dossiers on the demo database: one dossier, and 100 in one PDF for a job order.

    .venv/bin/python bench/bench_dossier.py [--applicants 200000] [--runs 20] [--batch 100]

Works on a private copy of the cached demo database (``_common.demo_database``). The measured
applicants are the demo's richest: in or after language training (marks, scores), with
documents and placements; each gets a passport photo (a 600 × 800 JPEG, set with
``dossier.set_photo``) so every page carries a photo, a QR code and the tables. Measured:

- one dossier: ``dossier.dossier_data`` (permission, one read, the audit entry) plus
  ``reports.dossier.dossier_pdf`` into memory, over ``--runs`` different applicants; median.
  Target ≤ 150 ms (issue 6); floor 61 ms (the issue's 2-page reportlab dossier with photo, QR code
  and four tables).
- a batch: ``reports.dossier.print_order_dossiers`` of an order with ``--batch`` candidates on its
  shortlist (placements added to one demo order): the read, the layout with the cover, the file
  written beside the target and renamed, the exports audited. Target ≤ 8 s for 100; floor 4.2 s.

Other work on the machine slows every figure down: the load average is printed with them, and the
CPU time of this process beside the wall time (less sensitive to the load).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_ONE = 0.150
TARGET_BATCH = 8.0
FLOOR_ONE = 0.061
FLOOR_BATCH = 4.2


def _photo(folder: Path) -> Path:
    from PIL import Image, ImageDraw

    path = folder / "pas-foto.jpg"
    img = Image.new("RGB", (600, 800), (205, 215, 230))
    draw = ImageDraw.Draw(img)
    draw.ellipse((180, 160, 420, 440), fill=(190, 150, 120))
    draw.rectangle((120, 480, 480, 800), fill=(40, 60, 90))
    img.save(path, "JPEG", quality=88)
    return path


def _richest(db, n: int) -> list[uuid.UUID]:
    """Applicants with training marks first (most marks), then any with placements, then any."""
    import sqlalchemy as sa

    from app.models import Applicant, Placement, TrainingAttendance

    with db.reading() as conn:
        trained = [r[0] for r in conn.execute(
            sa.select(TrainingAttendance.applicant_id).group_by(TrainingAttendance.applicant_id)
            .order_by(sa.func.count().desc()).limit(n))]
        if len(trained) < n:
            trained += [r[0] for r in conn.execute(sa.select(Placement.applicant_id).distinct().limit(n))
                        if r[0] not in trained]
        if len(trained) < n:
            trained += [r[0] for r in conn.execute(sa.select(Applicant.id).limit(2 * n)) if r[0] not in trained]
    return [x if isinstance(x, uuid.UUID) else uuid.UUID(str(x)) for x in trained[:n]]


def _order_with(db, actor, applicant_ids: list[uuid.UUID]):
    """One demo job order with every given applicant on its shortlist (placements added as rows:
    the matching rules are not what is measured here)."""
    import sqlalchemy as sa

    from app.models import JobOrder, Placement, utcnow

    with db.session() as s:
        order = s.execute(sa.select(JobOrder.id, JobOrder.order_number).order_by(JobOrder.order_number)).first()
        s.execute(sa.delete(Placement).where(Placement.job_order_id == order[0]))
        now = utcnow()
        s.execute(sa.insert(Placement), [dict(
            id=uuid.uuid4(), created_at=now, updated_at=now, origin_office=actor.office_code, version=1,
            job_order_id=order[0], applicant_id=aid, stage="shortlisted", score=90.0 - i * 0.1,
            shortlisted_on=_common.DEMO_TODAY) for i, aid in enumerate(applicant_ids)])
    return order[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args(argv)

    from app.core import dossier, setup
    from app.core.actor import Actor
    from app.db import Database
    from app.reports import dossier as report

    path = _common.working_copy(_common.demo_database(args.applicants))
    db = Database.open(f"sqlite:///{path}")
    actor = Actor("bench", setup.ensure_office(db).code, "supervisor", "Bench")
    folder = Path(tempfile.mkdtemp(prefix="pmi-bench-dossier-"))
    photo = _photo(folder)
    people = _richest(db, max(args.runs, args.batch))
    for aid in people:
        dossier.set_photo(db, actor, aid, photo)

    report.dossier_pdf(io.BytesIO(), dossier.dossier_data(db, actor, people[0]))  # fonts registered, caches warm
    one, cpu, read, sizes, pages = [], [], [], [], []
    for aid in people[:args.runs]:
        c = time.process_time()
        t = time.perf_counter()
        data = dossier.dossier_data(db, actor, aid)
        t_read = time.perf_counter() - t
        buf = io.BytesIO()
        report.dossier_pdf(buf, data)
        one.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        read.append(t_read)
        sizes.append(len(buf.getvalue()))
        pages.append(buf.getvalue().count(b"/Type /Page\n") or buf.getvalue().count(b"/Type /Page"))

    order_number = _order_with(db, actor, people[:args.batch])
    target = folder / "batch.pdf"
    steps = []
    c = time.process_time()
    t = time.perf_counter()
    report.print_order_dossiers(db, actor, order_number, target, progress=lambda d, n: steps.append(d))
    batch = time.perf_counter() - t
    batch_cpu = time.process_time() - c
    batch_size = target.stat().st_size
    t = time.perf_counter()
    dossier.order_dossiers(db, actor, order_number)
    batch_read = time.perf_counter() - t
    from pypdf import PdfReader

    batch_pages = len(PdfReader(str(target)).pages)
    db.dispose()

    med = statistics.median(one)
    scale = args.batch / 100
    print(f"machine: {_common.machine()}")
    print(f"data: {args.applicants} demo applicants; {args.runs} dossiers of the richest (training, documents, "
          f"placements, a 600x800 photo each), {statistics.median(pages):.0f} pages, "
          f"{statistics.median(sizes) / 1024:.0f} KB each")
    print(f"one dossier (read + audit + PDF): median {_common.ms(med)}, max {_common.ms(max(one))} "
          f"(read {_common.ms(statistics.median(read))}; CPU {_common.ms(statistics.median(cpu))}); target {TARGET_ONE * 1000:.0f} ms, ratio to target "
          f"{med / TARGET_ONE:.2f}; floor {FLOOR_ONE * 1000:.0f} ms, ratio to floor {med / FLOOR_ONE:.1f}")
    print(f"batch of {args.batch} in one PDF (read, cover, layout, rename, audit): {batch:.2f} s, {batch_pages} pages, "
          f"{batch_size / 1024 / 1024:.1f} MB (CPU {batch_cpu:.2f} s; the read alone {batch_read:.2f} s); target {TARGET_BATCH * scale:.1f} s, ratio to target "
          f"{batch / (TARGET_BATCH * scale):.2f}; floor {FLOOR_BATCH * scale:.2f} s, ratio to floor "
          f"{batch / (FLOOR_BATCH * scale):.1f}")
    _common.record("dossier", {"applicants": args.applicants, "runs": args.runs, "one_median_s": med,
                               "one_max_s": max(one), "one_cpu_median_s": statistics.median(cpu), "batch_cpu_s": batch_cpu, "read_median_s": statistics.median(read),
                               "batch": args.batch, "batch_s": batch, "batch_read_s": batch_read, "batch_pages": batch_pages,
                               "target_one_s": TARGET_ONE, "target_batch_s": TARGET_BATCH})
    return 0


if __name__ == "__main__":
    sys.exit(main())

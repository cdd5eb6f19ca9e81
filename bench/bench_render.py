"""PDF pages drawn in the app (app/reports/render.py, pypdfium2): the print preview and scan thumbnails.

    .venv/bin/python bench/bench_render.py [--applicants 2000] [--runs 7]

Measured on the MoU progress report (tables and charts, 4 A4 pages) built from the cached demo
database (``_common.demo_database``; the report's size does not grow with the applicants):

- one A4 page at 100 dpi (827 x 1170 pixels), what the preview draws at about fit width: median
  over the pages and runs. Target <= 100 ms (a page in sight appears without a wait a person
  notices; it is drawn on a worker thread anyway). Floor: a blank A4 page at 100 dpi (opening the
  file, the bitmap, the white fill).
- a page at 300 dpi, the most the preview prints at, for information;
- a scan thumbnail (96 px box): drawn (the first time) and read back from the cache.

Other work on the machine slows every figure down: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET = 0.100


def _timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app import paths
    from app.core import mou_report, setup
    from app.core.actor import Actor
    from app.db import Database
    from app.reports import mou, render

    path = _common.demo_database(args.applicants)
    db = Database.open(f"sqlite:///{path}")
    actor = Actor("bench", setup.ensure_office(db).code, "supervisor", "Bench")
    report = mou_report.compute(db, actor, mou_report.MOU_SIGNED, _common.DEMO_TODAY)
    db.dispose()
    work = paths.data_dir() / "bench-render"
    work.mkdir(parents=True, exist_ok=True)
    pdf = work / "laporan-mou.pdf"
    mou.mou_pdf(str(pdf), report)
    pages = render.page_count(pdf)

    blank = io.BytesIO()
    c = Canvas(blank, pagesize=A4)
    c.showPage()
    c.save()
    blank_pdf = work / "kosong.pdf"
    blank_pdf.write_bytes(blank.getvalue())

    page_times: list[float] = []
    for index in range(pages):
        page_times += _timed(lambda i=index: render.render_page(pdf, i, dpi=100), args.runs)
    floor = _timed(lambda: render.render_page(blank_pdf, 0, dpi=100), args.runs)
    print300 = _timed(lambda: render.render_page(pdf, 0, dpi=300), max(1, args.runs // 2))

    scan = work / "scan.pdf"
    scan.write_bytes(pdf.read_bytes())
    drawn, cached = [], []
    for n in range(args.runs):
        sha = f"{n:02x}" + "b" * 62  # a new key each run: drawn, then read back
        t = time.perf_counter()
        render.thumbnail(scan, 96, sha256=sha)
        drawn.append(time.perf_counter() - t)
        t = time.perf_counter()
        render.thumbnail(scan, 96, sha256=sha)
        cached.append(time.perf_counter() - t)

    med, fmed = statistics.median(page_times), statistics.median(floor)
    size = render.render_page(pdf, 0, dpi=100)
    print(f"machine: {_common.machine()}")
    print(f"data: MoU report of {args.applicants} demo applicants, {pages} A4 pages, {pdf.stat().st_size} bytes; "
          f"runs {args.runs}")
    print(f"A4 page at 100 dpi ({size.width}x{size.height}): median {_common.ms(med)}, max {_common.ms(max(page_times))}; "
          f"target {TARGET * 1000:.0f} ms, ratio to target {med / TARGET:.2f}")
    print(f"floor (blank A4 page at 100 dpi): median {_common.ms(fmed)}; ratio page/floor {med / fmed:.1f}")
    print(f"A4 page at 300 dpi (print): median {_common.ms(statistics.median(print300))}")
    print(f"thumbnail 96 px: drawn {_common.ms(statistics.median(drawn))}, "
          f"from the cache {_common.ms(statistics.median(cached))}")
    _common.record("render", {"pages": pages, "page_100dpi_median_s": med, "page_100dpi_max_s": max(page_times),
                              "floor_median_s": fmed, "page_300dpi_median_s": statistics.median(print300),
                              "thumbnail_drawn_s": statistics.median(drawn),
                              "thumbnail_cached_s": statistics.median(cached), "target_s": TARGET})
    return 0


if __name__ == "__main__":
    sys.exit(main())

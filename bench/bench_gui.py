"""The GUI up with the applicant list showing, from process start, and its memory.

    .venv/bin/python bench/bench_gui.py [--applicants 200000] [--runs 5] [--pages 50]

Starts ``pmi-desk`` (``python -m app``) on a copy of the cached demo database, offscreen, with
``PMI_DESK_STARTUP_REPORT`` set: once the window shows the list's first page, the app writes the
moment (``time.perf_counter``, one system-wide monotonic clock) and its resident memory, scrolls
through ``--pages`` more pages, writes the memory again and quits. Targets: list showing <= 1 s
from process start; memory <= 300 MB. Floor: a bare PySide6 window with a table, started and
timed the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_START = 1.0
TARGET_RSS_MB = 300

FLOOR_SCRIPT = """
import json, sys, time
from PySide6.QtGui import QStandardItemModel, QStandardItem
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
model = QStandardItemModel(200, 10)
for r in range(200):
    for c in range(10):
        model.setItem(r, c, QStandardItem(f"{r}-{c}"))
window = QMainWindow(); table = QTableView(); table.setModel(model)
window.setCentralWidget(table); window.resize(1200, 760); window.show()
app.processEvents()
json.dump({"list_shown_perf_counter": time.perf_counter()}, open(sys.argv[1], "w"))
"""


def _run(cmd: list[str], env: dict[str, str], report: Path) -> tuple[float, dict]:
    report.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, timeout=120, stdout=subprocess.DEVNULL)
    data = json.loads(report.read_text())
    # the app's own moments (app/marks.py), as seconds from process start
    data["phases"] = {label: at - start for label, at in data.get("marks", [])}
    return data["list_shown_perf_counter"] - start, data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--applicants", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=50)
    args = ap.parse_args()

    from app.core import setup
    from app.db import Database

    path = _common.working_copy(_common.demo_database(args.applicants, args.seed))
    db = Database.open(f"sqlite:///{path}")
    setup.first_start(db, office_code=setup.ensure_office(db).code, office_name="Disnakertrans Kota Serang",
                      office_kind="city", admin_username="admin", admin_full_name="Administrator",
                      admin_password="bench-password")
    db.dispose()
    home = Path(tempfile.mkdtemp(prefix="pmi-bench-home-"))
    report = home / "startup.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PMI_DESK_HOME=str(home),
               PMI_DESK_DB_URL=f"sqlite:///{path}", PMI_DESK_STARTUP_REPORT=str(report),
               PMI_DESK_STARTUP_SCROLL_PAGES=str(args.pages), XDG_CONFIG_HOME=str(home / "config"),
               PMI_DESK_SIGN_IN_USER="admin", PMI_DESK_SIGN_IN_PASSWORD="bench-password")
    app_cmd = [sys.executable, "-m", "app"]
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(report)]
    _run(app_cmd, env, report)  # warm the OS file cache once, as a second start of the day would
    starts, datas, floors = [], [], []
    for _ in range(args.runs):
        seconds, data = _run(app_cmd, env, report)
        starts.append(seconds)
        datas.append(data)
        floors.append(_run(floor_cmd, env, report)[0])
    median = statistics.median(starts)
    floor = statistics.median(floors)
    rss_start = max(d["rss_mb_at_start"] for d in datas)
    rss_scrolled = max(d["rss_mb_after_scrolling"] for d in datas)
    last = datas[-1]
    print(f"bench_gui: {last['total_rows']:,} applicants, {args.runs} starts, {_common.machine()}")
    print(f"  list showing ({last['first_page_rows']} rows) after {median:.3f} s median from process start "
          f"(min {min(starts):.3f}, max {max(starts):.3f})")
    for label in datas[-1]["phases"]:
        at = statistics.median(d["phases"][label] for d in datas if label in d["phases"])
        print(f"    {label:<18} at {at:.3f} s")
    print(f"  floor (bare PySide6 window with a 200-row table): {floor:.3f} s median; ratio {median / floor:.1f}x")
    print(f"  memory: {rss_start:.0f} MB at start, {rss_scrolled:.0f} MB after scrolling to row "
          f"{last['rows_after_scrolling']:,}")
    print(f"  targets: start <= {TARGET_START:.1f} s: {'met' if median <= TARGET_START else 'MISSED'}; "
          f"memory <= {TARGET_RSS_MB} MB: {'met' if rss_scrolled <= TARGET_RSS_MB else 'MISSED'}")
    _common.record("bench_gui", {"applicants": last["total_rows"], "runs": args.runs, "start_median": median,
                                 "floor_median": floor, "rss_start_mb": rss_start,
                                 "rss_scrolled_mb": rss_scrolled, "rows_scrolled": last["rows_after_scrolling"]})
    return 0


if __name__ == "__main__":
    sys.exit(main())

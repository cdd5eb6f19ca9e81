"""One sync packet with N changed applicants (and their language and work-experience rows): export
at a kecamatan office, import at the city office (``app.core.sync``).

    .venv/bin/python bench/bench_sync.py [--applicants 10000]

Two fresh databases in a temp dir; the kecamatan office's applicants come from the demo generator
(bulk inserts, not timed). Target: export <= 3 s and import <= 3 s for 10,000 applicants. Floor:
reading the same rows with one SELECT per table and writing them as JSON lines (export), and a
plain executemany INSERT of the same rows into an empty database (import; with the same indexes,
search-index and change-log triggers).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import sqlalchemy as sa  # noqa: E402

TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pmi-bench-sync-"))
    os.environ["PMI_DESK_HOME"] = str(folder / "home")
    from app.core import demo, setup, sync
    from app.core.actor import Actor
    from app.core.sync_tracking import carried_tables
    from app.db import Database

    def office(code: str, kind: str) -> tuple[Database, Actor]:
        db = Database.open(f"sqlite:///{folder / code}.sqlite3")
        setup.first_start(db, office_code=code, office_name=f"Kantor {code}", office_kind=kind,
                          admin_username="admin", admin_full_name="Admin", admin_password="rahasia-123")
        return db, Actor("bench", code, "supervisor", "Bench")

    kec, kec_actor = office("KSA-0001", "kecamatan")
    city, city_actor = office("SRG-0001", "city")
    t = time.perf_counter()
    made = demo.generate(kec, kec_actor, applicants=args.applicants, today=_common.DEMO_TODAY)
    print(f"(demo data: {made['applicants']} applicants, {made['languages']} languages, "
          f"{made['experience']} jobs in {time.perf_counter() - t:.1f} s)", file=sys.stderr)
    for a, b in ((kec, city), (city, kec)):
        doc = sync.own_key_file(a, Actor("admin", setup.local_office(a).code, "admin", "Admin"))
        sync.trust_office(b, Actor("admin", setup.local_office(b).code, "admin", "Admin"),
                          doc["office"], json.dumps(doc))

    packet = folder / "packet.zip"
    load_before = os.getloadavg()[0]
    t, c = time.perf_counter(), time.process_time()
    exported = sync.export_packet(kec, kec_actor, "SRG-0001", packet)
    t_export, c_export = time.perf_counter() - t, time.process_time() - c
    rows = exported.rows + exported.deletions
    # the time of each table's rows inside import_packet (checks, inserts, index rebuilds); the
    # wrapper only reads the clock around the same call
    per_table: dict[str, float] = {}
    puts = sync._Apply.puts

    def timed_puts(self, t, entries, *args):
        start = time.perf_counter()
        try:
            return puts(self, t, entries, *args)
        finally:
            per_table[t.name] = per_table.get(t.name, 0.0) + time.perf_counter() - start

    sync._Apply.puts = timed_puts
    t, c = time.perf_counter(), time.process_time()
    imported = sync.import_packet(city, city_actor, packet)
    t_import, c_import = time.perf_counter() - t, time.process_time() - c
    # the WAL checkpoint the import leaves to a thread of its own (``sync._checkpoint_later``):
    # waited for here, so nothing below runs beside it
    t_checkpoint = sync.wait_for_checkpoint()
    sync._Apply.puts = puts
    assert imported.inserted == rows and imported.conflicts == 0, imported
    t = time.perf_counter()
    again = sync.import_packet(city, city_actor, packet)
    t_again = time.perf_counter() - t
    assert again.already_imported

    # floors: the same rows read and written as JSON lines; the same rows inserted plainly
    t = time.perf_counter()
    dumped = {}
    with kec.session(write=False) as s:
        for table in carried_tables():
            dumped[table.name] = sync.rows_of(s, table)
            "\n".join(json.dumps(r) for r in dumped[table.name])
    f_export = time.perf_counter() - t
    bare = Database.open(f"sqlite:///{folder / 'bare'}.sqlite3")
    floor_table: dict[str, float] = {}
    t = time.perf_counter()
    with bare.session() as s:
        for table in reversed(carried_tables()):  # the rows the migrations seeded come in the dump too
            s.execute(sa.text(f"DELETE FROM {table.name}"))
        for table in carried_tables():
            if dumped[table.name]:
                start = time.perf_counter()
                sync._insert_rows(s, table, dumped[table.name])
                floor_table[table.name] = time.perf_counter() - start
    f_import = time.perf_counter() - t
    bare.dispose()

    # the packet's compression: level 1 (what export_packet writes) against zlib's default (6)
    members = {}
    with zipfile.ZipFile(packet) as z:
        for name in z.namelist():
            members[name] = z.read(name)
    raw_size = sum(len(v) for v in members.values())
    zipped = {}
    for level in (1, 6):
        buf = io.BytesIO()
        t = time.perf_counter()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as z:
            for name, data in members.items():
                z.writestr(name, data)
        zipped[level] = (time.perf_counter() - t, len(buf.getvalue()))

    size = exported.size
    print(f"sync packet: {args.applicants} applicants, {rows} rows, {size / 1e6:.1f} MB, {raw_size / 1e6:.1f} MB "
          f"unpacked ({_common.machine()}; load avg {load_before:.1f} before the export)")
    print(f"  export_packet: {t_export:.2f} s, {rows / t_export:,.0f} rows/s; floor (SELECT + JSON) "
          f"{f_export:.2f} s, ratio to floor {t_export / f_export:.2f}; ratio to target {t_export / TARGET:.2f} "
          f"(CPU {c_export:.2f} s)")
    print(f"  import_packet: {t_import:.2f} s, {rows / t_import:,.0f} rows/s; floor (plain INSERT) "
          f"{f_import:.2f} s, ratio to floor {t_import / f_import:.2f}; ratio to target {t_import / TARGET:.2f} "
          f"(CPU {c_import:.2f} s)")
    print(f"  then the WAL checkpoint on its own thread: {t_checkpoint or 0:.2f} s (after the import returned; "
          f"the import's CPU time counts what of it ran before)")
    print(f"  the same packet again: {t_again:.2f} s (already imported, nothing changed)")
    print(f"  zip of the same members: level 1 {zipped[1][0]:.2f} s, {zipped[1][1] / 1e6:.1f} MB; "
          f"level 6 (zlib's default) {zipped[6][0]:.2f} s, {zipped[6][1] / 1e6:.1f} MB")
    print(f"  {'table':<22} {'rows':>7} {'import s':>9} {'floor s':>8}")
    for name, n in sorted(exported.counts.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {n:>7} {per_table.get(name, 0.0):>9.2f} {floor_table.get(name, 0.0):>8.2f}")
    print(f"  {'(reading, change log, peer states, commit)':<30} {t_import - sum(per_table.values()):>9.2f}")
    _common.record("sync", {"applicants": args.applicants, "rows": rows, "bytes": size, "export_s": t_export,
                            "import_s": t_import, "export_cpu_s": c_export, "import_cpu_s": c_import, "checkpoint_after_s": t_checkpoint, "again_s": t_again, "floor_export_s": f_export,
                            "floor_import_s": f_import, "load_before": load_before,
                            "zip_level1": list(zipped[1]), "zip_level6": list(zipped[6]), "per_table_import_s": per_table,
                            "per_table_floor_s": floor_table})
    kec.dispose()
    city.dispose()
    shutil.rmtree(folder, ignore_errors=True)  # the three databases and the packet: ~270 MB a run
    return 0


if __name__ == "__main__":
    sys.exit(main())

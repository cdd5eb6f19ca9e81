"""The city office on PostgreSQL: seats registering at once, name search, and a sync packet from a
kecamatan office (SQLite) imported into the city (PostgreSQL).

    PMI_DESK_TEST_PG=postgresql+psycopg://ROLE@HOST:PORT/postgres \
        .venv/bin/python bench/bench_postgres.py [--applicants 10000] [--seats 4]

The role needs CREATEDB: a database ``pmi_bench_<pid>`` is made and dropped. Measured:
- registration: ``--seats`` threads registering walk-ins at once, each its own session; target
  <= 0.25 s per registration at the counter (a person waits for it), floor: one seat alone;
- search-as-you-type over the demo applicants: median and worst of name prefixes; target
  <= 0.1 s (a keystroke);
- sync import of a packet with ``--applicants`` applicants into the city database; target <= 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import sqlalchemy as sa  # noqa: E402

REGISTER_TARGET = 0.25
SEARCH_TARGET = 0.1
IMPORT_TARGET = 3.0


def _walk_in(k: int):
    from app.core.nik import nik_date_part
    from app.core.registration import ApplicantInput

    birth = date(1980, 1, 1) + timedelta(days=97 * (k % 90))  # born 1980-2003: 22 to 46 years old
    return ApplicantInput(
        nik=f"367301{nik_date_part(birth, 'P')}{k % 9999 + 1:04d}", kk_number=f"3673{k:012d}",
        full_name=f"Pelamar Kursi {k:05d}", sex="P", birth_place="Serang", birth_date=birth.isoformat(),
        address=f"Jl. Bench No. {k}", kelurahan_code="36.73.01.1002", phone=f"0813{k:08d}",
        education_level="SMA", consent=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applicants", type=int, default=10_000)
    parser.add_argument("--seats", type=int, default=4)
    parser.add_argument("--per-seat", type=int, default=25)
    args = parser.parse_args()
    admin_url = os.environ.get("PMI_DESK_TEST_PG")
    if not admin_url:
        print("set PMI_DESK_TEST_PG (see README, PostgreSQL for the city office)", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="pmi-bench-pg-"))
    os.environ["PMI_DESK_HOME"] = str(folder / "home")
    from app.core import demo, registration, search, setup, sync
    from app.core.actor import Actor
    from app.db import Database

    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    name = f"pmi_bench_{os.getpid()}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        city = Database.open(url)
        setup.first_start(city, office_code="SRG-0001", office_name="Kantor Kota", office_kind="city",
                          admin_username="admin", admin_full_name="Admin", admin_password="rahasia-123")
        boss = Actor("bench", "SRG-0001", "supervisor", "Bench")

        # seats registering at once
        errors: list[BaseException] = []

        def seat(w: int, n: int, times: list[float]) -> None:
            actor = Actor(f"loket{w}", "SRG-0001", "counter")
            try:
                for i in range(n):
                    t = time.perf_counter()
                    registration.register_applicant(city, _walk_in(w * 1000 + i), actor, confirm_warnings=True,
                                                    today=_common.DEMO_TODAY)
                    times.append(time.perf_counter() - t)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        alone: list[float] = []
        seat(99, args.per_seat, alone)
        together: list[float] = []
        pool = [threading.Thread(target=seat, args=(w, args.per_seat, together)) for w in range(args.seats)]
        t = time.perf_counter()
        for p in pool:
            p.start()
        for p in pool:
            p.join()
        wall = time.perf_counter() - t
        if errors:
            raise errors[0]
        with city.session(write=False) as s:
            numbers = s.execute(sa.text("SELECT registration_number FROM applicant")).scalars().all()
        assert len(numbers) == len(set(numbers)) == args.per_seat * (args.seats + 1)

        # a packet from a kecamatan office (SQLite), imported into the city
        kec = Database.open(f"sqlite:///{folder / 'kec.sqlite3'}")
        setup.first_start(kec, office_code="KSA-0001", office_name="Kantor KSA", office_kind="kecamatan",
                          admin_username="admin", admin_full_name="Admin", admin_password="rahasia-123")
        kec_actor = Actor("bench", "KSA-0001", "supervisor", "Bench")
        demo.generate(kec, kec_actor, applicants=args.applicants, today=_common.DEMO_TODAY)
        for a, b in ((kec, city), (city, kec)):
            doc = sync.own_key_file(a, Actor("admin", setup.local_office(a).code, "admin", "Admin"))
            sync.trust_office(b, Actor("admin", setup.local_office(b).code, "admin", "Admin"),
                              doc["office"], json.dumps(doc))
        packet = folder / "packet.zip"
        exported = sync.export_packet(kec, kec_actor, "SRG-0001", packet)
        rows = exported.rows + exported.deletions
        t = time.perf_counter()
        imported = sync.import_packet(city, boss, packet)
        t_import = time.perf_counter() - t
        assert imported.conflicts == 0, imported

        # search-as-you-type over what the city now holds
        with city.session(write=False) as s:
            names = s.execute(sa.text("SELECT full_name FROM applicant ORDER BY registration_number LIMIT 40")).scalars().all()
            total = s.execute(sa.text("SELECT count(*) FROM applicant")).scalar_one()
        prefixes = [n.split()[0][:k] for n in names for k in (2, 4)] + [n.split()[-1][:3] for n in names]
        search_times = []
        for text in prefixes:
            t = time.perf_counter()
            search.search_page(city, text, actor=boss, limit=200)
            search_times.append(time.perf_counter() - t)
        kec.dispose()
        city.dispose()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    per_alone, per_together = statistics.median(alone), statistics.median(together)
    n_together = len(together)
    print(f"postgresql city office: {args.seats} seats x {args.per_seat} registrations, "
          f"{total} applicants searched, packet of {rows} rows ({_common.machine()})")
    print(f"  registration, {args.seats} seats at once: median {per_together * 1000:.0f} ms, worst "
          f"{max(together) * 1000:.0f} ms, {n_together / wall:.1f} registrations/s; floor (one seat) "
          f"{per_alone * 1000:.0f} ms; ratio to target {max(together) / REGISTER_TARGET:.2f}")
    print(f"  name search ({len(search_times)} prefixes): median {statistics.median(search_times) * 1000:.1f} ms, "
          f"worst {max(search_times) * 1000:.1f} ms; ratio to target {max(search_times) / SEARCH_TARGET:.2f}")
    print(f"  sync import into PostgreSQL: {t_import:.2f} s, {rows / t_import:,.0f} rows/s; "
          f"ratio to target {t_import / IMPORT_TARGET:.2f}")
    _common.record("postgres", {"seats": args.seats, "per_seat": args.per_seat, "register_median_s": per_together,
                                "register_worst_s": max(together), "register_alone_s": per_alone,
                                "search_median_s": statistics.median(search_times),
                                "search_worst_s": max(search_times), "applicants": total, "rows": rows,
                                "import_s": t_import})
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helper process for tests/test_crash_safety.py: registers applicants in a loop and prints each
registration number once ``register_applicant`` has returned (i.e. committed).

    python -m tests._crash_worker URL START loop     # until killed
    python -m tests._crash_worker URL START fsize N  # with a file-size limit of N bytes: until the
                                                     # disk "is full", then prints ERR <code>
"""

from __future__ import annotations

import signal
import sys
from datetime import date


def applicant(k: int) -> dict:
    kec, serial = divmod(k, 9999)
    return dict(
        nik=f"3673{kec % 99 + 1:02d}570301{serial + 1:04d}", kk_number="3673010101010001",
        full_name=f"Pendaftar Uji {k}", sex="P", birth_place="Serang", birth_date="2001-03-17",
        address=f"Jl. Uji No. {k}", kelurahan_code="36.73.01.1002", phone=f"0812{k:08d}",
        education_level="SMK", consent=True, languages=[{"language_code": "ja", "level": "N4"}])


def main() -> int:
    url, start, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if mode == "fsize":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    from app.core import registration
    from app.core.actor import Actor
    from app.core.errors import StorageError
    from app.db import Database, create_engine

    db = Database(create_engine(url))
    actor = Actor("uji", "SRG-0001", "counter", "Uji")
    today = date(2026, 11, 25)
    registration.validate(registration.ApplicantInput(**applicant(start)), today=today)  # warm up imports
    if mode == "fsize":
        import resource

        limit = int(sys.argv[4])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    print("READY", flush=True)
    k = start
    while True:
        try:
            d = registration.register_applicant(db, registration.ApplicantInput(**applicant(k)), actor,
                                                confirm_warnings=True, today=today)
        except StorageError as exc:
            print("ERR", exc.code, exc.message, flush=True)
            return 0
        print("SAVED", d.registration_number, flush=True)
        k += 1


if __name__ == "__main__":
    sys.exit(main())

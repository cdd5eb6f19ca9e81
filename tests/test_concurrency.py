"""Two windows (here: two OS processes) saving at once into one SQLite file: every applicant is
saved and registration numbers stay unique and gap-free (BEGIN IMMEDIATE + the counter UPSERT)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.core import registration
from app.core.errors import ConfirmationRequired, ValidationError
from app.db import Database
from tests.conftest import TODAY, applicant_input

ROOT = Path(__file__).resolve().parent.parent
PER_PROCESS = 25

WORKER = r'''
import json, os, sys, time
from datetime import date, timedelta

from app.core import registration
from app.core.actor import Actor
from app.core.errors import ConfirmationRequired, ValidationError
from app.core.nik import nik_date_part
from app.db import Database

url, worker, count, go, migrate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
if migrate == "late":  # open (and migrate) only once both processes are ready
    while not os.path.exists(go):
        time.sleep(0.002)
db = Database.open(url)
actor = Actor(f"loket{worker}", "SRG-0001", "counter")
today = date(2026, 11, 25)


def applicant(k, **overrides):
    birth = date(1975, 1, 1) + timedelta(days=173 * k)
    sex = "LP"[k % 2]
    values = dict(
        nik=f"367301{nik_date_part(birth, sex)}{k + 1:04d}", kk_number=f"367301{k:010d}",
        full_name=f"Pelamar {chr(65 + worker)}{k:03d} " + ["Susanto", "Wijaya", "Lestari", "Hidayat"][k % 4],
        sex=sex, birth_place="Serang", birth_date=birth.isoformat(), address=f"Jl. Antrian No. {k}",
        kelurahan_code="36.73.01.1002", phone=f"0813-{1000 + k:04d}-{2000 + k:04d}", education_level="SMA",
        consent=True)
    values.update(overrides)
    return registration.ApplicantInput(**values)


while not os.path.exists(go):
    time.sleep(0.002)
numbers, refused = [], 0
for i in range(count):
    k = worker * count + i
    if i % 5 == 2:  # a save the clerk has not confirmed yet, then a refused one: neither takes a number
        try:
            registration.register_applicant(db, applicant(k, education_level="SMP"), actor, today=today)
        except ConfirmationRequired:
            refused += 1
        try:
            registration.register_applicant(db, applicant(k, consent=False), actor, today=today)
        except ValidationError:
            refused += 1
    numbers.append(registration.register_applicant(db, applicant(k), actor, today=today).registration_number)
    if i % 5 == 3:  # the same NIK again, refused inside the write transaction
        try:
            registration.register_applicant(db, applicant(k, phone="0857-0000-0000"), actor, today=today,
                                            confirm_warnings=True)
        except ValidationError:
            refused += 1
db.dispose()
print(json.dumps({"numbers": numbers, "refused": refused}))
'''


def start_workers(url: str, go: Path, *, processes: int = 2, count: int = PER_PROCESS, migrate: str = "early"):
    return [subprocess.Popen([sys.executable, "-c", WORKER, url, str(w), str(count), str(go), migrate],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for w in range(processes)]


def finish(procs) -> list[dict]:
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "Traceback" not in err
        results.append(json.loads(out))
    return results


def check_gap_free(db: Database, results: list[dict], total: int) -> None:
    numbers = [n for r in results for n in r["numbers"]]
    assert len(numbers) == len(set(numbers)) == total
    values = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert values == list(range(1, total + 1))
    assert all(n.startswith("SRG-0001-2026-") for n in numbers)
    for r in results:  # each window sees its own numbers rising
        own = [int(n.rsplit("-", 1)[1]) for n in r["numbers"]]
        assert own == sorted(own)
    with db.session(write=False) as s:
        assert s.execute(sa.text("SELECT count(*) FROM applicant")).scalar_one() == total
        assert s.execute(sa.text("SELECT last_value FROM registration_counter")).scalar_one() == total
        stored = s.execute(sa.text("SELECT registration_number FROM applicant")).scalars().all()
    assert sorted(stored) == sorted(numbers)


def test_two_processes_register_at_once_without_gaps(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    db = Database.open(url)  # the schema exists before the windows open
    go = tmp_path / "go"
    procs = start_workers(url, go)
    time.sleep(0.3)  # let both import and connect
    go.touch()
    try:
        results = finish(procs)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert sum(r["refused"] for r in results) == 2 * (PER_PROCESS // 5) * 3
    check_gap_free(db, results, 2 * PER_PROCESS)
    db.dispose()


def test_two_processes_opening_a_new_file_at_once(tmp_path):
    """The first start of two windows on a fresh file: both migrate at the same moment."""
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    go = tmp_path / "go"
    procs = start_workers(url, go, count=5, migrate="late")
    time.sleep(0.3)
    go.touch()
    try:
        results = finish(procs)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    db = Database.open(url)
    check_gap_free(db, results, 10)
    db.dispose()


def test_failed_saves_between_two_saves_leave_no_gap(db, actor):
    first = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    other = dict(nik="3673011203990002", full_name="Budi Santoso", sex="L", birth_date="1999-03-12",
                 phone="081311112222")
    with pytest.raises(ConfirmationRequired):
        registration.register_applicant(db, applicant_input(**other, education_level="SMP"), actor, today=TODAY)
    with pytest.raises(ValidationError):
        registration.register_applicant(db, applicant_input(**other, consent=False), actor, today=TODAY)
    with pytest.raises(ValidationError):
        registration.register_applicant(db, applicant_input(phone="081399998888"), actor, today=TODAY)
    second = registration.register_applicant(db, applicant_input(**other), actor, today=TODAY)
    assert [first.registration_number, second.registration_number] == [
        "SRG-0001-2026-000001", "SRG-0001-2026-000002"]
    next_year = registration.register_applicant(
        db, applicant_input(nik="3673011203990003", full_name="Cahya Kamila", sex="L", birth_date="1999-03-12",
                            phone="081311113333"), actor, today=date(2027, 1, 1))
    assert next_year.registration_number == "SRG-0001-2027-000001"


def test_a_failure_after_the_number_was_taken_gives_it_back(db, actor, monkeypatch):
    """The number, the row, its children and the audit entry are one transaction."""
    from app.core import audit

    def broken(*args, **kwargs):
        raise OSError("disk went away")

    with monkeypatch.context() as m:
        m.setattr(audit, "record", broken)
        with pytest.raises(OSError):
            registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    with db.session(write=False) as s:
        assert s.execute(sa.text("SELECT count(*) FROM applicant")).scalar_one() == 0
        assert s.execute(sa.text("SELECT count(*) FROM applicant_language")).scalar_one() == 0
        assert s.execute(sa.text("SELECT count(*) FROM registration_counter")).scalar_one() == 0
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    assert d.registration_number == "SRG-0001-2026-000001"


def test_two_threads_share_one_database(db, actor):
    """Work moved off the GUI thread saves through the same Database as the form does."""
    import threading
    from datetime import timedelta

    from app.core.nik import nik_date_part

    results: dict[int, list[str]] = {0: [], 1: []}
    errors: list[BaseException] = []

    def work(w: int) -> None:
        try:
            for i in range(15):
                k = w * 15 + i
                birth = date(1975, 1, 1) + timedelta(days=173 * k)
                sex = "LP"[k % 2]
                data = applicant_input(nik=f"367301{nik_date_part(birth, sex)}{k + 1:04d}", sex=sex,
                                       birth_date=birth.isoformat(), full_name=f"Pelamar Utas {k:03d}",
                                       phone=f"0813-{1000 + k:04d}-{2000 + k:04d}")
                results[w].append(registration.register_applicant(db, data, actor, today=TODAY).registration_number)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    check_gap_free(db, [{"numbers": v} for v in results.values()], 30)

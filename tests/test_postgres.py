"""Several seats on one database (the city office on PostgreSQL; the same code on SQLite).

The tests on the ``db`` fixture run on whichever engine the run uses (``PMI_DESK_TEST_PG``, see
tests/conftest.py); those that need a PostgreSQL server say so and are skipped without one.
"""

from __future__ import annotations

import threading
import time

import pytest
import sqlalchemy as sa

from app.core import audit, job_orders, registration, search
from app.core.actor import Actor
from app.core.errors import ConcurrentEdit, StorageError
from app.db import Database
from tests.conftest import TODAY, applicant_input, on_postgres
from tests.orders_helpers import agency_input, supervisor

needs_pg = pytest.mark.skipif(not on_postgres(), reason="needs PMI_DESK_TEST_PG (a PostgreSQL server)")


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


class Pause:
    """Stops the first call of ``module.name`` made by the thread named ``who`` until released
    (or a timeout). Default ``audit.diff``: the service has read its row and checked the version,
    and has not written yet."""

    def __init__(self, monkeypatch, who: str, timeout: float = 3.0, module=audit, name: str = "diff",
                 after: bool = False):
        self.reached = threading.Event()
        self.released = threading.Event()
        self.timeout = timeout
        real = getattr(module, name)
        done = []

        def paused(*args, **kwargs):
            result = real(*args, **kwargs) if after else None
            if threading.current_thread().name == who and not done:
                done.append(1)
                self.reached.set()
                self.released.wait(self.timeout)
            return result if after else real(*args, **kwargs)

        monkeypatch.setattr(module, name, paused)


def _race(first, second, pause: Pause) -> dict[str, object]:
    """Run ``first`` in a thread that pauses after its read; meanwhile ``second`` saves in another
    thread; then ``first`` goes on. The outcome (result or exception) of each."""
    out: dict[str, object] = {}

    def run(name, fn):
        try:
            out[name] = fn()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test looks at
            out[name] = exc

    a = threading.Thread(target=run, args=("a", first), name="seat-a")
    a.start()
    assert pause.reached.wait(10)
    b = threading.Thread(target=run, args=("b", second), name="seat-b")
    b.start()
    b.join(1.0)  # on SQLite (and on PostgreSQL once seat A holds the row) seat B waits for A
    pause.released.set()
    a.join(30)
    b.join(30)
    assert not a.is_alive() and not b.is_alive()
    return out


def test_two_seats_editing_one_applicant_one_gets_changed_by_someone_else(db, actor, monkeypatch):
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    pause = Pause(monkeypatch, "seat-a")
    out = _race(
        lambda: registration.update_applicant(db, d.id, applicant_input(address="Jl. Baru A No. 1"), actor,
                                              expected_version=d.version, today=TODAY),
        lambda: registration.update_applicant(db, d.id, applicant_input(address="Jl. Baru B No. 2"), actor,
                                              expected_version=d.version, today=TODAY),
        pause)
    failed = [k for k, v in out.items() if isinstance(v, ConcurrentEdit)]
    saved = [k for k, v in out.items() if isinstance(v, registration.ApplicantDetail)]
    assert len(failed) == 1 and len(saved) == 1, out
    assert out[failed[0]].code == "changed_by_other"
    assert "diubah oleh pengguna lain" in out[failed[0]].message
    now = registration.get_applicant(db, d.id, actor)
    assert now.version == d.version + 1
    assert now.address == out[saved[0]].address
    updates = [h for h in registration.history(db, d.id, actor) if h.action == "update"]
    assert len(updates) == 1


def test_an_orm_edit_checks_the_version_it_read_no_lost_update(db, actor, monkeypatch):
    """Services that check ``row.version`` in Python and then change the ORM object (job orders,
    training, placements…) are safe too: the UPDATE carries ``WHERE version = <read>``."""
    sup = supervisor(actor)
    agency = job_orders.create_agency(db, agency_input(), sup)
    pause = Pause(monkeypatch, "seat-a")
    out = _race(
        lambda: job_orders.update_agency(db, agency.id, agency_input(contact_person="Seat A"), sup,
                                         expected_version=agency.version),
        lambda: job_orders.update_agency(db, agency.id, agency_input(contact_person="Seat B"), sup,
                                         expected_version=agency.version),
        pause)
    failed = [k for k, v in out.items() if isinstance(v, ConcurrentEdit)]
    assert len(failed) == 1, out
    winner = "b" if failed == ["a"] else "a"
    with db.session(write=False) as s:
        person, version = s.execute(sa.text("SELECT contact_person, version FROM agency")).one()
        n_updates = s.execute(sa.text("SELECT count(*) FROM audit_entry WHERE entity = 'agency' "
                                      "AND action = 'update'")).scalar_one()
    assert person == f"Seat {winner.upper()}"
    assert version == agency.version + 1
    assert n_updates == 1


def test_a_stale_orm_update_is_refused_with_the_message(db, actor):
    """The flush-time check itself: an UPDATE of a row whose version moved on matches nothing."""
    from app.models import Agency

    sup = supervisor(actor)
    agency = job_orders.create_agency(db, agency_input(), sup)
    with pytest.raises(ConcurrentEdit) as info:
        with db.session() as s:
            row = s.get(Agency, agency.id)
            s.execute(sa.text("UPDATE agency SET version = version + 1"))  # behind the ORM's back
            row.contact_person = "Terlambat"
            row.version += 1
    assert info.value.code == "changed_by_other"
    with db.session(write=False) as s:
        assert s.execute(sa.text("SELECT contact_person FROM agency")).scalar_one() == "Budi Santoso"


def test_two_seats_registering_one_nik_at_once_one_is_refused_as_duplicate(db, actor, monkeypatch):
    """Seat A has checked the NIK (free) and pauses; seat B registers the same person; A goes on.
    On PostgreSQL the unique index stops A; the clerk gets the usual "NIK already registered"."""
    from app.core.errors import ValidationError

    pause = Pause(monkeypatch, "seat-a", module=registration, name="likely_duplicates", after=True)
    out = _race(lambda: registration.register_applicant(db, applicant_input(), actor, today=TODAY),
                lambda: registration.register_applicant(db, applicant_input(), actor, today=TODAY), pause)
    refused = [v for v in out.values() if isinstance(v, ValidationError)]
    saved = [v for v in out.values() if isinstance(v, registration.ApplicantDetail)]
    assert len(refused) == 1 and len(saved) == 1, out
    assert [e.code for e in refused[0].errors] == ["nik_duplicate"]
    assert refused[0].errors[0].params["registration_number"] == saved[0].registration_number
    with db.session(write=False) as s:
        assert s.execute(sa.text("SELECT count(*) FROM applicant")).scalar_one() == 1
        assert s.execute(sa.text("SELECT last_value FROM registration_counter")).scalar_one() == 1


def test_threads_registering_at_once_get_distinct_gap_free_numbers(db, actor):
    from datetime import date, timedelta

    from app.core.nik import nik_date_part

    per_thread, threads = 12, 3
    numbers: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def work(w: int) -> None:
        seat = Actor(f"loket{w}", actor.office_code, "counter")
        try:
            start.wait()
            for i in range(per_thread):
                k = w * per_thread + i
                birth = date(1980, 1, 1) + timedelta(days=211 * k)
                d = registration.register_applicant(db, applicant_input(
                    nik=f"367301{nik_date_part(birth, 'L')}{k + 1:04d}", full_name=f"Pelamar Kursi {w} {k:03d}",
                    sex="L", birth_date=birth.isoformat(), phone=f"0813-{1000 + k:04d}-{3000 + k:04d}"),
                    seat, today=TODAY, confirm_warnings=True)
                numbers.append(d.registration_number)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(w,)) for w in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(120)
    assert errors == []
    total = per_thread * threads
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, total + 1))
    with db.session(write=False) as s:
        assert s.execute(sa.text("SELECT last_value FROM registration_counter")).scalar_one() == total
        assert s.execute(sa.text("SELECT count(DISTINCT registration_number) FROM applicant")).scalar_one() == total


@needs_pg
def test_two_processes_register_at_once_on_postgres(db, tmp_path):
    """tests/test_concurrency.py's two windows, as two seats on one PostgreSQL database."""
    from tests.test_concurrency import PER_PROCESS, check_gap_free, finish, start_workers

    go = tmp_path / "go"
    procs = start_workers(_url(db), go)
    time.sleep(0.5)
    go.touch()
    try:
        results = finish(procs)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert sum(r["refused"] for r in results) == 2 * (PER_PROCESS // 5) * 3
    check_gap_free(db, results, 2 * PER_PROCESS)


def test_name_search_finds_word_prefixes_whatever_the_case_and_accents(db, actor):
    registration.register_applicant(db, applicant_input(full_name="Siti Nurhaliza Muñoz"), actor, today=TODAY)
    registration.register_applicant(db, applicant_input(nik="3673011203990002", full_name="Budi Santoso", sex="L",
                                                        birth_date="1999-03-12", phone="081311112222"),
                                    actor, today=TODAY)

    def names(text):
        return [r.full_name for r in search.search(db, text, actor=actor)]

    assert names("siti") == ["Siti Nurhaliza Muñoz"]
    assert names("NURH") == ["Siti Nurhaliza Muñoz"]
    assert names("munoz") == ["Siti Nurhaliza Muñoz"]  # accents folded
    assert names("sit nur") == ["Siti Nurhaliza Muñoz"]  # every word, each a prefix
    assert names("haliza") == []  # the middle of a word is not a word start
    assert names("santo") == ["Budi Santoso"]
    assert names("siti budi") == []
    assert search.count(db, "s", actor=actor) == 2
    assert search.count(db, "santoso", actor=actor) == 1


@needs_pg
def test_a_fresh_postgres_database_migrates_to_head_once(pg_server):
    """Two seats opening an empty database at the same moment: one migrates, the other waits
    (advisory lock) and finds the schema at head; the schema is exactly the models'."""
    from app import db as app_db
    from tests.test_migrations import schema_diff

    name = pg_server.new_database(template="template0")
    url = pg_server.url_of(name)
    try:
        errors: list[BaseException] = []

        def open_it():
            try:
                Database.open(url).dispose()
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        pool = [threading.Thread(target=open_it) for _ in range(3)]
        for t in pool:
            t.start()
        for t in pool:
            t.join(120)
        assert errors == []
        engine = app_db.create_engine(url)
        try:
            assert app_db.current_revision(engine) == app_db.head_revision()
            assert schema_diff(engine) == []
            with engine.connect() as conn:
                exts = set(conn.exec_driver_sql("SELECT extname FROM pg_extension").scalars())
                index = conn.exec_driver_sql(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_applicant_name_words'").scalar()
            assert {"unaccent", "pg_trgm"} <= exts
            assert "gin_trgm_ops" in index
        finally:
            engine.dispose()
    finally:
        pg_server.drop(name)


@needs_pg
def test_an_unreachable_server_is_a_storage_error_with_a_hint(pg_server):
    with pytest.raises(StorageError) as info:
        Database.open("postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    assert info.value.code == "db_unreachable"
    assert "PMI_DESK_DB_URL" in info.value.message


@needs_pg
def test_a_row_locked_too_long_is_db_locked(db, actor, monkeypatch):
    from app import db as app_db

    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    monkeypatch.setattr(app_db, "LOCK_TIMEOUT_MS", 300)
    other = Database.open(_url(db), migrate=False)
    try:
        with db.engine.connect() as holder:
            holder.begin()
            holder.exec_driver_sql("SELECT 1 FROM applicant FOR UPDATE")
            with pytest.raises(StorageError) as info:
                registration.update_applicant(other, d.id, applicant_input(address="Jl. Sibuk"), actor,
                                              expected_version=d.version, today=TODAY)
            holder.rollback()
    finally:
        other.dispose()
    assert info.value.code == "db_locked"


@needs_pg
@pytest.mark.parametrize("command", [["backup", "--json"], ["check", "--json"]])
def test_backup_and_check_on_postgres_point_to_pg_dump(db, monkeypatch, capsys, command):
    import json

    from app import cli
    from app.core import backup

    monkeypatch.setenv("PMI_DESK_DB_URL", _url(db))
    assert backup.start_check_in_background() is None  # no SQLite file: no start-up check
    assert cli.main(command) == cli.EXIT_ERROR
    out = json.loads(capsys.readouterr().err)
    assert out["code"] == "db_on_server"
    assert "pg_dump" in out["message"] and "Traceback" not in out["message"]


@needs_pg
def test_backup_service_on_postgres_is_refused_with_the_hint(db, actor):
    from app.core import backup

    admin = Actor("admin", actor.office_code, "admin")
    with pytest.raises(StorageError) as info:
        backup.backup_now(db, admin)
    assert info.value.code == "db_on_server"


@needs_pg
def test_export_does_not_skip_a_change_committed_after_a_later_one(db, tmp_path, _migrated_template):
    """Seat A changes an applicant and is slow to commit; seat B registers someone and commits
    first; the city exports and the kecamatan office acknowledges. A's change, committed later,
    must still travel: the log numbers it at commit (deferred triggers under a lock), so it comes
    after everything already acknowledged instead of before it."""
    from tests.sync_offices import exchange, introduce, make_office

    city = make_office(tmp_path, _migrated_template, "SRG-0001", "city", db=db)
    kec = make_office(tmp_path, _migrated_template, "KSA-0001", "kecamatan")
    try:
        introduce(city, kec)
        first = city.register(1, full_name="Slamet Riyadi")
        exchange(city, kec, tmp_path, "p1")
        with db.engine.connect() as seat_a:
            seat_a.begin()
            seat_a.execute(sa.text("UPDATE applicant SET address = 'Jl. Lambat No. 9', version = version + 1 "
                                   "WHERE id = :id"), {"id": first.id})
            second = city.register(2, full_name="Wahyu Hidayat")  # seat B, committed at once
            with db.session(write=False) as s:  # A's change is not in the log yet
                logged = s.execute(sa.text("SELECT row_id FROM sync_log WHERE table_name = 'applicant'")).scalars()
                assert first.id.hex in set(logged)
            result = exchange(city, kec, tmp_path, "p2")  # exported, imported, acknowledged
            assert result.inserted >= 1
            seat_a.commit()
        exchange(city, kec, tmp_path, "p3")
        with kec.here():
            there = registration.get_applicant(kec.db, first.id, kec.counter)
            assert registration.get_applicant(kec.db, second.id, kec.counter).full_name == "Wahyu Hidayat"
        assert there.address == "Jl. Lambat No. 9" and there.version == first.version + 1
        assert city.snapshot()["applicant"] == kec.snapshot()["applicant"]
    finally:
        kec.db.dispose()


@needs_pg
def test_the_change_log_numbers_are_drawn_at_commit(db, actor):
    """The log triggers are deferred: inside a transaction the log does not move; at commit it
    does, in commit order."""
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    with db.engine.connect() as conn:
        seq = conn.execute(sa.text("SELECT seq FROM sync_log WHERE row_id = :r"), {"r": d.id.hex}).scalar_one()
        conn.commit()
        conn.begin()
        conn.execute(sa.text("UPDATE applicant SET rt = '9', version = version + 1 WHERE id = :id"), {"id": d.id})
        assert conn.execute(sa.text("SELECT seq FROM sync_log WHERE row_id = :r"), {"r": d.id.hex}).scalar_one() == seq
        conn.commit()
        after = conn.execute(sa.text("SELECT seq, version FROM sync_log WHERE row_id = :r"), {"r": d.id.hex}).one()
    assert after.seq > seq and after.version == d.version + 1


@pytest.mark.parametrize("error, code", [
    ("DiskFull", "disk_full"), ("LockNotAvailable", "db_locked"), ("QueryCanceled", "db_locked"),
    ("DeadlockDetected", "db_locked"), ("ReadOnlySqlTransaction", "db_readonly"),
    ("DataCorrupted", "db_corrupt"), ("IoError", "disk_io"), ("AdminShutdown", "db_unreachable"),
    ("InvalidPassword", "db_unreachable"), ("InvalidCatalogName", "db_unreachable"),
    ("UndefinedTable", "db_error"),
])
def test_postgres_errors_map_to_what_a_person_can_act_on(error, code):
    """By SQLSTATE, never by message text (no server needed: the driver's error classes)."""
    import psycopg.errors

    from app.db import storage_error, storage_errors

    orig = getattr(psycopg.errors, error)("server said something")
    assert storage_error(sa.exc.OperationalError("SELECT 1", {}, orig)).code == code
    with pytest.raises(StorageError) as info:
        with storage_errors():
            raise sa.exc.OperationalError("SELECT 1", {}, psycopg.errors.DiskFull("no space"))
    assert info.value.code == "disk_full"


def test_a_serialization_failure_is_changed_by_someone_else():
    import psycopg.errors

    from app.db import storage_errors

    with pytest.raises(ConcurrentEdit) as info:
        with storage_errors():
            raise sa.exc.OperationalError("UPDATE", {}, psycopg.errors.SerializationFailure("could not serialize"))
    assert info.value.code == "changed_by_other"


@needs_pg
def test_the_command_line_works_on_the_city_database(db, monkeypatch, capsys):
    """``PMI_DESK_DB_URL=postgresql+psycopg://…``: demo data, search and migrate through the CLI."""
    import json

    from app import cli
    from app.db import head_revision

    monkeypatch.setenv("PMI_DESK_DB_URL", _url(db))
    assert cli.main(["demo-data", "--applicants", "40", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["applicants"] == 40
    with db.session(write=False) as s:
        name = s.execute(sa.text("SELECT full_name FROM applicant ORDER BY registration_number LIMIT 1")).scalar_one()
    assert cli.main(["search", name.split()[0], "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert name in [r["full_name"] for r in found]
    assert cli.main(["migrate", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["revision"] == head_revision()


@needs_pg
def test_down_to_before_sync_and_up_again_on_postgres(pg_server):
    """The change-log triggers, function and sequence go with migration 0006's downgrade, and
    come back at the next open."""
    from alembic import command

    from app import db as app_db

    name = pg_server.new_database()
    url = pg_server.url_of(name)
    try:
        engine = app_db.create_engine(url)

        def sync_objects():
            with engine.connect() as conn:
                return (conn.exec_driver_sql("SELECT count(*) FROM pg_trigger WHERE left(tgname, 9) = 'sync_log_'").scalar(),
                        conn.exec_driver_sql("SELECT to_regproc('pmi_sync_log') IS NOT NULL").scalar())

        assert sync_objects()[0] > 0 and sync_objects()[1]
        command.downgrade(app_db.alembic_config(engine), "0005")
        assert sync_objects() == (0, False)
        engine.dispose()
        db = Database.open(url)
        db.dispose()
        engine = app_db.create_engine(url)
        assert app_db.current_revision(engine) == app_db.head_revision()
        assert sync_objects()[0] > 0 and sync_objects()[1]
        engine.dispose()
    finally:
        pg_server.drop(name)

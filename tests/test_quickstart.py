"""The GUI's quick start (app/core/quickstart.py): when it applies, sign-in through sqlite3 with the
write deferred, no write before the start-up check, the list and its counts through the driver
exactly as through SQLAlchemy, and none of the database stack imported on that path."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.core import audit, auth, credentials, quickstart, search, setup
from app.core.actor import Actor
from app.core.backup import StartCheck
from app.core.errors import StorageError, UserError
from app.db import Database, head_revision

pytestmark = pytest.mark.sqlite_only("the quick start reads the SQLite file through sqlite3")

PASSWORD = "rahasia-123"
T0 = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    """Real argon2, with test-sized costs."""
    from argon2 import PasswordHasher

    cheap = lambda: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # noqa: E731
    monkeypatch.setattr(setup, "_hasher", cheap)
    monkeypatch.setattr(auth, "_hasher", cheap)
    monkeypatch.setattr(credentials, "hasher", cheap)
    monkeypatch.setattr(credentials, "_DUMMY_HASH", None)


@pytest.fixture
def admin(db) -> Actor:
    return setup.first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang",
                             office_kind="city", admin_username="admin", admin_full_name="Admin",
                             admin_password=PASSWORD).actor()


def gate(check: StartCheck | None = None, *, pending: bool = False) -> quickstart.StartGate:
    future: Future = Future()
    if not pending:
        future.set_result(check)
    return quickstart.StartGate(future)


def passed(db: Database) -> StartCheck:
    return StartCheck(True, Path(db.engine.url.database), "ok", None)


def damaged(db: Database) -> StartCheck:
    return StartCheck(False, Path(db.engine.url.database), "*** in database main ***\nPage 7: btree error", None)


def quick(db: Database, start_gate: quickstart.StartGate) -> quickstart.LazyDatabase:
    lazy = quickstart.open_quick(db.url, start_gate)
    assert lazy is not None
    return lazy


def sign_ins(db: Database) -> list[str]:
    with db.session(write=False) as s:
        return [r.action for r in audit.history(s, "user", "admin")]


# --- when the quick start applies -------------------------------------------------------------

def test_head_from_scripts_is_alembics_head(tmp_path):
    assert quickstart.head_from_scripts() == head_revision()
    assert quickstart.MIGRATIONS_DIR == Path(sys.modules["app.db"].MIGRATIONS_DIR)
    # two heads (a branch not merged yet): unsure, so the full path decides
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (tmp_path / "b.py").write_text('revision = "b"\ndown_revision = "a"\n')
    (tmp_path / "c.py").write_text('revision: str = "c"\ndown_revision: str | None = "a"\n')
    assert quickstart.head_from_scripts(tmp_path) is None
    (tmp_path / "c.py").write_text('revision: str = "c"\ndown_revision: str | None = "b"\n')
    assert quickstart.head_from_scripts(tmp_path) == "c"


def test_quick_start_only_on_a_set_up_file_at_head(db, tmp_path):
    assert quickstart.open_quick(f"sqlite:///{tmp_path / 'none.sqlite3'}", gate()) is None  # new file
    assert quickstart.open_quick("postgresql+psycopg://u@h/db", gate()) is None
    assert quickstart.open_quick(db.url, gate()) is None  # first start still to come
    setup.ensure_office(db)
    assert quickstart.open_quick(db.url, gate()) is None  # an office, but no administrator yet
    setup.first_start(db, office_code="SRG-0002", office_name="Kantor Kecamatan Kasemen", office_kind="kecamatan",
                      admin_username="admin", admin_full_name="Admin", admin_password=PASSWORD)
    lazy = quick(db, gate())
    assert lazy.office == setup.local_office(db)
    lazy.dispose()
    with db.session() as s:  # a migration due: Alembic must run, so the full path
        s.exec(__import__("sqlalchemy").text("UPDATE alembic_version SET version_num = '0001'"))
    assert quickstart.open_quick(db.url, gate()) is None
    not_a_database = tmp_path / "junk.sqlite3"
    not_a_database.write_bytes(b"this is not SQLite" * 100)
    assert quickstart.open_quick(f"sqlite:///{not_a_database}", gate()) is None


def test_the_account_read_through_sqlite3_is_the_orm_one(db, admin):
    for _ in range(credentials.MAX_FAILED_ATTEMPTS):  # locked until T0 + 15 minutes
        with pytest.raises(UserError):
            auth.sign_in(db, "admin", "salah-sekali", now=T0)
    lazy = quick(db, gate(passed(db)))
    with lazy.driver_reading() as conn:
        raw = quickstart.read_account(conn, "admin")
        assert quickstart.read_account(conn, "nobody") is None
    with db.session(write=False) as s:
        from sqlmodel import select

        from app.models import User

        orm = auth.account_row(s.exec(select(User).where(User.username == "admin")).one())
    assert raw == orm and raw.locked_until == T0 + credentials.LOCKOUT
    lazy.dispose()


# --- sign-in: checked at once, written after the check ------------------------------------------

def test_a_sign_in_is_written_once_the_stack_loaded_and_the_check_passed(db, admin):
    start = gate(pending=True)
    lazy = quick(db, start)
    before = sign_ins(db)
    user, written = quickstart.sign_in(lazy, "admin", PASSWORD)
    assert user.username == "admin" and user.role == "admin" and written is not None
    lazy.start_loading()
    time.sleep(0.2)
    assert not written.done() and sign_ins(db) == before  # the check has not answered yet
    start.future.set_result(passed(db))
    assert written.result(timeout=10).username == "admin"
    assert lazy.loaded.result(timeout=10) is not None and lazy.finished()
    assert sign_ins(db) == before + ["sign_in"]
    # later sign-ins (after "Sign out") are written at once
    again, written = quickstart.sign_in(lazy, "admin", PASSWORD)
    assert written is None and sign_ins(db) == before + ["sign_in", "sign_in"]
    lazy.dispose()


def test_a_refused_sign_in_is_counted_and_audited_at_once(db, admin):
    lazy = quick(db, gate(passed(db)))
    with pytest.raises(UserError) as err:
        quickstart.sign_in(lazy, "admin", "salah-sekali")
    assert err.value.code == "wrong_credentials"
    with pytest.raises(UserError) as err:
        quickstart.sign_in(lazy, "siapa", PASSWORD)
    assert err.value.code == "wrong_credentials"
    failed = [u for u in auth.list_users(db, admin) if u.username == "admin"][0]
    assert failed.failed_attempts == 1
    assert sign_ins(db)[-1] == "sign_in_failed"
    lazy.dispose()


def test_a_password_to_change_is_written_at_once(db, admin):
    setup.create_user(db, admin, username="petugas1", full_name="Petugas Satu", role="counter", password=PASSWORD)
    lazy = quick(db, gate(passed(db)))
    user, written = quickstart.sign_in(lazy, "petugas1", PASSWORD)
    assert user.must_change_password and written is None
    with db.session(write=False) as s:
        assert [r.action for r in audit.history(s, "user", "petugas1")][-1] == "sign_in"
    lazy.dispose()


def test_a_lockout_between_check_and_write_refuses_the_right_password(db, admin):
    account = _account(db, "admin")
    attempt = credentials.check(account, "admin", PASSWORD, T0)
    assert attempt.outcome == credentials.OK
    for _ in range(credentials.MAX_FAILED_ATTEMPTS):  # another window locks the account meanwhile
        with pytest.raises(UserError):
            auth.sign_in(db, "admin", "salah-sekali", now=T0)
    with pytest.raises(UserError) as err:
        auth.record_sign_in(db, attempt)
    assert err.value.code == "account_locked"


def _account(db, name) -> credentials.AccountRow:
    from sqlmodel import select

    from app.models import User

    with db.session(write=False) as s:
        return auth.account_row(s.exec(select(User).where(User.username == name)).one())


# --- no write before the start-up check ---------------------------------------------------------

def test_a_write_waits_for_the_check(db, admin):
    start = gate(pending=True)
    lazy = quick(db, start)
    entered = threading.Event()

    def write():
        with lazy.session() as s:
            audit.record(s, admin, "update", "setting", "x")
            entered.set()

    thread = threading.Thread(target=write)
    thread.start()
    time.sleep(0.3)
    assert not entered.is_set()
    start.future.set_result(passed(db))
    thread.join(10)
    assert entered.is_set()
    lazy.dispose()


def test_a_damaged_file_refuses_every_write_and_drops_the_deferred_sign_in(db, admin):
    start = gate(pending=True)
    lazy = quick(db, start)
    before = sign_ins(db)
    _user_info, written = quickstart.sign_in(lazy, "admin", PASSWORD)
    lazy.start_loading()
    start.future.set_result(damaged(db))
    lazy.loaded.result(timeout=10)
    assert lazy.gate.damaged()
    with pytest.raises(StorageError) as err:
        written.result(timeout=1)
    assert err.value.code == "db_corrupt"
    with pytest.raises(StorageError) as err:
        with lazy.session():
            pass
    assert err.value.code == "db_corrupt"
    with lazy.session(write=False) as s:  # reading still works (the screen offers the backup)
        assert s is not None
    assert sign_ins(db) == before
    lazy.dispose()


def test_a_check_that_could_not_run_does_not_block(db, admin):
    future: Future = Future()
    future.set_exception(OSError("no space for the daily backup"))
    lazy = quick(db, quickstart.StartGate(future))
    _user_info, written = quickstart.sign_in(lazy, "admin", PASSWORD)
    lazy.start_loading()
    assert written.result(timeout=10).username == "admin"
    lazy.dispose()


# --- the list through the driver ----------------------------------------------------------------

def test_list_pages_and_counts_agree_with_sqlalchemy(db, admin):
    from app.core import demo

    demo.generate(db, admin, applicants=300, seed=7)
    lazy = quick(db, gate(passed(db)))
    with db.session(write=False) as s:
        name = s.exec(__import__("sqlalchemy").text("SELECT full_name FROM applicant LIMIT 1")).scalar()
        nik, phone = s.exec(__import__("sqlalchemy").text("SELECT nik, phone FROM applicant LIMIT 1")).one()
    texts = ["", name.split()[0][:2], name, nik[:6], "0" + phone[3:7], "SRG-0001-2026-0001", "zzqx", "+62 8"]
    for text in texts:
        for status in (None, "registered", "training"):
            assert search.count(lazy, text, actor=admin, status=status) == \
                search.count(db, text, actor=admin, status=status), (text, status)
            for sort in search.SORT_KEYS:
                mine = search.search_page(lazy, text, actor=admin, status=status, sort=sort, limit=40)
                theirs = search.search_page(db, text, actor=admin, status=status, sort=sort, limit=40)
                assert mine == theirs, (text, status, sort)
                if mine.next_after:
                    assert search.search_page(lazy, text, actor=admin, status=status, sort=sort, limit=40,
                                              after=mine.next_after) == \
                        search.search_page(db, text, actor=admin, status=status, sort=sort, limit=40,
                                           after=mine.next_after)
    lazy.dispose()


def test_office_settings_through_the_driver(db, admin):
    from app.core import office_settings

    lazy = quick(db, gate(passed(db)))
    assert office_settings.get(lazy, "idle_lock_minutes") == 10
    office_settings.set_value(db, admin, "idle_lock_minutes", 5)
    assert office_settings.get(lazy, "idle_lock_minutes") == office_settings.get(db, "idle_lock_minutes") == 5
    lazy.dispose()


def test_the_quick_path_imports_no_database_stack(db, admin, tmp_path):
    """Probe, sign in, the first page, its count and the idle-lock setting in a fresh interpreter:
    SQLAlchemy, SQLModel, pydantic and Alembic stay out (they load after the first paint)."""
    code = f"""
import sys
from concurrent.futures import Future
from app.core import office_settings, quickstart, search
from app.core.backup import StartCheck
f = Future()
db = quickstart.open_quick({db.url!r}, quickstart.StartGate(f))
user, written = quickstart.sign_in(db, "admin", {PASSWORD!r})
page = search.search_page(db, "", actor=user.actor())
total = search.count(db, "", actor=user.actor())
office_settings.get(db, "idle_lock_minutes")
print(sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic", "alembic") if m in sys.modules), written is not None)
f.set_result(None)
db.start_loading()
written.result(timeout=30)
db.dispose()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split() == ["[]", "True"]
    assert sign_ins(db)[-1] == "sign_in"


def test_driver_errors_become_storage_errors(db, admin, tmp_path):
    lazy = quick(db, gate(passed(db)))
    with pytest.raises(StorageError) as err:
        with lazy.driver_reading() as conn:
            conn.exec_driver_sql("SELECT * FROM no_such_table")
    assert err.value.code == "db_error"
    with pytest.raises(StorageError) as err:  # the reading connections never write
        with lazy.driver_reading() as conn:
            conn.exec_driver_sql("DELETE FROM app_setting")
    assert err.value.code == "db_readonly"
    lazy.dispose()


def test_once_loaded_reads_share_the_real_pool(db, admin):
    """The engine's pool takes over the sqlite3 connections (and their page caches: one per
    connection, not two), with writing allowed again."""
    lazy = quick(db, gate(passed(db)))
    with lazy.driver_reading() as conn:
        assert isinstance(conn, quickstart.RawConnection)
        raw = conn.con
    lazy.start_loading()
    lazy.loaded.result(timeout=10)
    with lazy.driver_reading() as conn:
        assert not isinstance(conn, quickstart.RawConnection)
        assert conn.connection.dbapi_connection is raw
        assert conn.exec_driver_sql("PRAGMA query_only").scalar() == 0
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert lazy._all == []
    with lazy.session() as s:  # and the writes go through it
        audit.record(s, admin, "update", "setting", "x")
    lazy.dispose()

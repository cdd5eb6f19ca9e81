"""The unit of work: one transaction per service call, and a refusing disk or database becomes a
StorageError with a code a person can act on (never a driver traceback)."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlalchemy as sa

from app import cli
from app.core import registration
from app.core.errors import StorageError
from app.db import Database, create_engine
from tests.conftest import TODAY, applicant_input


def insert_setting(db, key="k", value="v"):
    with db.session() as s:
        s.execute(sa.text("INSERT INTO app_setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value})


def settings(db) -> dict:
    with db.session(write=False) as s:
        return dict(s.execute(sa.text("SELECT key, value FROM app_setting")).all())


def test_session_commits_or_rolls_back_everything(db):
    insert_setting(db, "a", "1")
    with pytest.raises(RuntimeError):
        with db.session() as s:
            s.execute(sa.text("INSERT INTO app_setting (key, value) VALUES ('b', '2')"))
            raise RuntimeError("boom")
    with db.session(write=False) as s:  # a reading session never commits
        s.execute(sa.text("INSERT INTO app_setting (key, value) VALUES ('c', '3')"))
    assert settings(db) == {"a": "1"}


def test_read_only_database_is_db_readonly(tmp_path):
    path = tmp_path / "ro.sqlite3"
    Database.open(f"sqlite:///{path}").dispose()
    ro = Database(create_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    try:
        with pytest.raises(StorageError) as err:
            insert_setting(ro)
        assert err.value.code == "db_readonly"
        assert err.value.message and err.value.message_en
    finally:
        ro.dispose()


def test_locked_database_is_db_locked(tmp_path):
    path = tmp_path / "locked.sqlite3"
    Database.open(f"sqlite:///{path}").dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    impatient = Database(sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.05}))
    try:
        with pytest.raises(StorageError) as err:
            insert_setting(impatient)
        assert err.value.code == "db_locked"
    finally:
        holder.rollback()
        holder.close()
        impatient.dispose()


def test_full_disk_is_disk_full(tmp_path):
    path = tmp_path / "full.sqlite3"
    Database.open(f"sqlite:///{path}").dispose()
    engine = create_engine(f"sqlite:///{path}")

    @sa.event.listens_for(engine, "connect")
    def _small(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    db = Database(engine)
    try:
        with pytest.raises(StorageError) as err:
            insert_setting(db, "big", "x" * 2000)
            for i in range(50):
                insert_setting(db, f"big{i}", "x" * 2000)
        assert err.value.code == "disk_full"
    finally:
        db.dispose()


@pytest.mark.sqlite_only("a read-only SQLite file")
def test_registration_on_a_read_only_database_is_a_storage_error(tmp_path, actor, db):
    ro = Database(create_engine(f"{db.engine.url}".replace("sqlite:///", "sqlite:///file:") + "?mode=ro&uri=true"))
    try:
        with pytest.raises(StorageError) as err:
            registration.register_applicant(ro, applicant_input(), actor, today=TODAY)
        assert err.value.code == "db_readonly"
    finally:
        ro.dispose()


def test_cli_reports_a_read_only_database_without_traceback(tmp_path, monkeypatch, capsys):
    path = tmp_path / "cli-ro.sqlite3"
    Database.open(f"sqlite:///{path}").dispose()
    monkeypatch.setenv("PMI_DESK_DB_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    from tests.test_cli import EXAMPLE

    code = cli.main(["register", "--json", str(EXAMPLE)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_ERROR
    assert out == "" and "Traceback" not in err
    assert json.loads(err)["code"] == "db_readonly"


@pytest.mark.sqlite_only("SQLite WAL snapshots")
def test_stale_snapshot_is_db_locked(db):
    """A transaction that read before another window committed cannot write (SQLITE_BUSY_SNAPSHOT,
    an extended code): the person is told to try again, like any busy database."""
    other = sqlite3.connect(db.engine.url.database, isolation_level=None)
    try:
        with pytest.raises(StorageError) as err:
            with db.session(write=False) as s:
                s.execute(sa.text("SELECT count(*) FROM app_setting")).all()
                other.execute("INSERT INTO app_setting (key, value) VALUES ('x', 'y')")
                s.execute(sa.text("INSERT INTO app_setting (key, value) VALUES ('a', 'b')"))
        assert err.value.code == "db_locked"
    finally:
        other.close()


def test_a_file_that_is_not_a_database_is_db_corrupt(tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is a scanned KTP, not a database\x00" * 200)
    with pytest.raises(StorageError) as err:
        Database.open(f"sqlite:///{path}")
    assert err.value.code == "db_corrupt"
    db = Database(create_engine(f"sqlite:///{path}"))
    try:
        with pytest.raises(StorageError) as err:
            with db.session(write=False) as s:
                s.execute(sa.text("SELECT 1"))
        assert err.value.code == "db_corrupt"
    finally:
        db.dispose()


def test_cli_reports_a_damaged_database_without_traceback(_home, capsys):
    (_home / "pmi-desk.sqlite3").write_bytes(b"\x00garbage" * 1000)
    code = cli.main(["search", "Siti", "--json"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_ERROR
    assert out == "" and "Traceback" not in err
    assert json.loads(err)["code"] == "db_corrupt"


def test_integrity_errors_stay_bugs_not_storage_errors(db):
    """A broken rule (a duplicate key) is a programming error for the crash hook, not a disk problem."""
    insert_setting(db, "k", "v")
    with pytest.raises(sa.exc.IntegrityError):
        insert_setting(db, "k", "again")

"""Restore as a service: only administrators, verified first, and audited in the restored file
itself (the entry is written into the checked copy before the one atomic rename, so it is there
exactly when the restore happened and cannot be lost with the replaced database)."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest

from app import cli, paths
from app.core import audit, backup, registration
from app.core.actor import Actor
from app.core.errors import StorageError
from app.core.permissions import PermissionDenied
from app.db import Database
from tests.conftest import TODAY, applicant_input
from tests.test_backup_rotation import backup_then_more, closed_copy, damage

pytestmark = pytest.mark.sqlite_only("backups and restores copy the SQLite file (PostgreSQL: pg_dump)")


def _audit_rows(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT username, office_code, action, entity, changes FROM audit_entry ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def admin(actor):
    return Actor("admin1", actor.office_code, "admin", "Admin Satu")


@pytest.fixture
def two_states(db, actor, tmp_path):
    """A backup with one applicant, then a live database with two; the live path, db disposed."""
    return backup_then_more(db, actor, tmp_path)


@pytest.mark.parametrize("role", ["counter", "trainer", "supervisor"])
def test_only_administrators_restore(two_states, actor, role, tmp_path):
    saved, live = two_states
    before = live.read_bytes()
    who = Actor(f"{role}1", actor.office_code, role)
    with pytest.raises(PermissionDenied) as err:
        backup.restore_database(who, saved, live, safety_dir=tmp_path / "safety")
    assert err.value.params["action"] == "backup.restore"
    assert live.read_bytes() == before and not (tmp_path / "safety").exists()


def test_the_restore_is_audited_inside_the_restored_database(two_states, admin, tmp_path):
    saved, live = two_states
    backup_entries = _audit_rows(saved)
    result = backup.restore_database(admin, saved, live, safety_dir=tmp_path / "safety")
    rows = _audit_rows(live)
    assert rows[:-1] == backup_entries  # the backup's history, then one entry more
    username, office, action, entity, changes = rows[-1]
    assert (username, office, action, entity) == ("admin1", admin.office_code, "restore", "database")
    changes = json.loads(changes)
    assert changes["from"] == [None, str(saved)]
    assert changes["integrity"] == [None, "ok"] and changes["applicants"] == [None, 1]
    assert changes["tables"][1]["applicant"] == 1 and changes["revision"][1] == result.verification.revision
    assert changes["safety_copy"] == [None, str(result.safety_copy)]
    check = backup.verify(live)
    assert check.ok and check.tables["applicant"] == 1
    assert check.tables["audit_entry"] == result.verification.tables["audit_entry"] + 1
    # the replaced database is the safety copy: its own history, no restore entry
    assert backup.verify(result.safety_copy).tables["applicant"] == 2
    assert all(r[2] != "restore" for r in _audit_rows(result.safety_copy))
    # the app opens the restored file (migrating it if it is older) and the audit view shows the entry
    db = Database.open(f"sqlite:///{live}")
    try:
        [entry] = audit.search(db, admin, action="restore").rows
        assert entry.username == "admin1" and entry.changes["applicants"] == [None, 1]
    finally:
        db.dispose()


def test_a_failed_audit_write_leaves_the_live_database_as_it_was(two_states, admin, tmp_path, monkeypatch):
    saved, live = two_states
    before = live.read_bytes()

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(audit, "record", full)
    with pytest.raises(StorageError):
        backup.restore_database(admin, saved, live, safety_dir=tmp_path / "safety")
    assert live.read_bytes() == before
    assert not list(live.parent.glob("*.restoring"))
    assert backup.verify(live).tables["applicant"] == 2


def test_a_full_disk_while_auditing_is_a_storage_error(two_states, admin, tmp_path, monkeypatch):
    saved, live = two_states
    original = backup._fsync
    calls = []

    def fsync(path):
        calls.append(path)
        if Path(path).name.endswith(".restoring") and calls.count(path) == 2:  # after the audit entry
            assert _audit_rows(path)[-1][2] == "restore"
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(path)

    monkeypatch.setattr(backup, "_fsync", fsync)
    before = live.read_bytes()
    with pytest.raises(StorageError) as err:
        backup.restore_database(admin, saved, live, safety_dir=tmp_path / "safety")
    assert err.value.code == "disk_full" and live.read_bytes() == before
    assert len([p for p in calls if Path(p).name.endswith(".restoring")]) == 2
    assert not list(live.parent.glob("*.restoring"))


def test_a_bad_backup_is_refused_before_anything_is_written(two_states, admin, tmp_path):
    saved, live = two_states
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(saved.read_bytes())
    damage(bad)
    before = live.read_bytes()
    with pytest.raises(StorageError) as err:
        backup.restore_database(admin, bad, live, safety_dir=tmp_path / "safety")
    assert err.value.code == "backup_invalid" and live.read_bytes() == before
    assert not (tmp_path / "safety").exists()


def test_restore_now_closes_the_open_database_first(db, actor, admin, tmp_path):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    saved = closed_copy(db, tmp_path, "saved")
    registration.register_applicant(db, applicant_input(nik="3673015703010002", full_name="Dewi Lestari",
                                                        phone="081311112222"), actor, today=TODAY)
    with pytest.raises(PermissionDenied):
        backup.restore_now(db, Actor("sv", actor.office_code, "supervisor"), saved)
    assert registration.get_by_registration_number(db, "SRG-0001-2026-000002", actor)  # still open, untouched
    result = backup.restore_now(db, admin, saved)
    assert result.verification.applicants == 1
    reopened = Database.open(str(db.engine.url))
    try:
        assert [e.username for e in audit.search(reopened, admin, action="restore").rows] == ["admin1"]
    finally:
        reopened.dispose()


@pytest.mark.allow_log_warnings
def test_cli_restore_of_a_damaged_database_is_audited(_home, actor, tmp_path, capsys, monkeypatch):
    db = Database.open()
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    assert cli.main(["backup", "--json"]) == 0
    first = Path(json.loads(capsys.readouterr().out)["backup"])
    db.dispose()
    live = paths.database_path()
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    damage(live)
    monkeypatch.setenv("PMI_DESK_USER", "pak.admin")
    assert cli.main(["restore", str(first), "--yes"]) == 0
    capsys.readouterr()
    username, office, action, _entity, changes = _audit_rows(live)[-1]
    assert (username, office, action) == ("pak.admin", actor.office_code, "restore")
    assert json.loads(changes)["from"] == [None, str(first)]


def test_an_administrator_of_the_backup_signs_in_against_it(db, actor, tmp_path):
    from app.core import auth, setup
    from app.core.errors import UserError

    first = setup.first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang",
                              office_kind="city", admin_username="admin", admin_full_name="Admin Kantor",
                              admin_password="rahasia-kantor-1").actor()
    setup.create_user(db, first, username="rina", full_name="Rina", role="counter", password="awal12345")
    setup.create_user(db, first, username="lama", full_name="Admin Lama", role="admin", password="lama12345")
    auth.set_active(db, first, "lama", False)
    saved = closed_copy(db, tmp_path, "saved")
    before = saved.read_bytes()
    who = backup.administrator_of(saved, " admin ", "rahasia-kantor-1")
    assert (who.username, who.role, who.office_code, who.full_name) == ("admin", "admin", "SRG-0001", "Admin Kantor")
    for username, password in (("admin", "salah"), ("nobody", "rahasia-kantor-1"), ("lama", "lama12345"),
                               ("", ""), (None, None), ("admin", "x" * 5000)):
        with pytest.raises(UserError) as err:
            backup.administrator_of(saved, username, password)
        assert err.value.code == "wrong_credentials", username
    with pytest.raises(PermissionDenied):
        backup.administrator_of(saved, "rina", "awal12345")  # a counter may not restore
    assert saved.read_bytes() == before  # nothing counted or written in the backup
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError):
        backup.administrator_of(junk, "admin", "rahasia-kantor-1")

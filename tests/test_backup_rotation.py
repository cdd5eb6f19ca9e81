"""Backups (backup API, scans, rotation 7 daily + 4 weekly), verified restore, the check at start
and the ``backup`` / ``restore`` / ``check`` commands."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app import cli, paths
from app.core import backup, registration
from app.core.backup import WIB
from app.core.errors import StorageError
from app.db import Database
from tests.conftest import TODAY, applicant_input

pytestmark = pytest.mark.sqlite_only("backups and restores copy the SQLite file (PostgreSQL: pg_dump)")


def make_files(folder: Path, moments: list[datetime], reason="daily") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for m in moments:
        p = folder / backup.backup_name(reason, m)
        p.write_bytes(b"")
        out.append(p)
    return out


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path):
    start = datetime(2026, 9, 1, 2, 0, tzinfo=timezone.utc)
    # two backups a day (start of day and 16:00 WIB) for 60 days, plus safety copies
    moments = [start + timedelta(days=d, hours=h) for d in range(60) for h in (0, 7)]
    make_files(tmp_path, moments)
    make_files(tmp_path, [start], reason="before-migration")
    (tmp_path / "notes.txt").write_text("not a backup")
    removed = backup.rotate(tmp_path)
    left = backup.list_backups(tmp_path)
    kept = [b for b in left if b.reason == "daily"]
    days = [b.day for b in kept]
    last_day = (start + timedelta(days=59, hours=7)).astimezone(WIB).date()
    assert days[:7] == [last_day - timedelta(days=i) for i in range(7)]
    assert all(b.at.astimezone(WIB).hour == 16 for b in kept[:7])  # the newest of each day
    weeks = [d.isocalendar()[:2] for d in days[7:]]
    assert len(weeks) == 4 and len(set(weeks)) == 4
    assert all(d < days[6] for d in days[7:])
    assert len(kept) == 11 and len(removed) == 120 - 11
    assert any(b.reason == "before-migration" for b in left)  # safety copies are not rotated
    assert (tmp_path / "notes.txt").exists()
    assert backup.rotate(tmp_path) == []  # stable


def test_rotation_with_few_backups_keeps_all(tmp_path):
    make_files(tmp_path, [datetime(2026, 11, d, 3, tzinfo=timezone.utc) for d in range(20, 25)])
    assert backup.rotate(tmp_path) == []


def test_run_backup_copies_database_and_new_scans(db, actor, tmp_path):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    live = backup.sqlite_path(str(db.engine.url))
    scans = tmp_path / "scans"
    (scans / "ab").mkdir(parents=True)
    import hashlib
    content = b"%PDF-1.4 scan of a KTP"
    name = hashlib.sha256(content).hexdigest()
    (scans / "ab" / f"{name}.pdf").write_bytes(content)
    dest = tmp_path / "usb"
    result = backup.run_backup(live, dest, scans)
    assert result.verification.ok and result.verification.tables["applicant"] == 1
    assert result.scans_copied == 1 and (dest / "scans" / "ab" / f"{name}.pdf").read_bytes() == content
    assert not list(dest.glob("*.partial"))
    again = backup.run_backup(live, dest, scans, now=datetime.now(timezone.utc) + timedelta(seconds=1))
    assert again.scans_copied == 0  # scans never change: only new ones are copied
    assert backup.run_backup(live, dest, tmp_path / "no-scans-yet").scans_copied == 0
    con = sqlite3.connect(result.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    con.close()


def test_daily_backup_once_a_day(db, tmp_path):
    live = backup.sqlite_path(str(db.engine.url))
    morning = datetime(2026, 11, 25, 1, tzinfo=timezone.utc)
    assert backup.daily_backup_if_due(live, tmp_path, now=morning) is not None
    assert backup.daily_backup_if_due(live, tmp_path, now=morning + timedelta(hours=8)) is None
    assert backup.daily_backup_if_due(live, tmp_path, now=morning + timedelta(hours=23)) is not None
    assert backup.daily_backup_if_due(tmp_path / "missing.sqlite3", tmp_path, now=morning) is None


def damage(path: Path, *, header: bool = False) -> None:
    data = bytearray(path.read_bytes())
    if header:
        data[:100] = b"\x00garbage" * 12 + b"\x00" * 4
    else:
        page = 4096
        for p in range(2, len(data) // page):
            data[p * page + 8: p * page + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))


def closed_copy(db, tmp_path: Path, name: str) -> Path:
    """A checkpointed copy of the test database (no WAL beside it)."""
    live = backup.sqlite_path(str(db.engine.url))
    return backup.backup_file(live, tmp_path / name, "manual")


def test_verify_reports_damage_and_foreign_files(db, actor, tmp_path):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    good = closed_copy(db, tmp_path, "a")
    v = backup.verify_backup(good)
    assert v.ok and v.tables["applicant"] == 1 and v.revision
    for header in (False, True):
        bad = closed_copy(db, tmp_path, f"b{header}")
        damage(bad, header=header)
        assert not backup.verify_backup(bad).ok
        assert not backup.verify(bad, quick=True).ok
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    assert backup.verify(other).integrity.startswith("not a PMI Desk database")
    assert backup.verify(tmp_path / "none").integrity == "missing"


def backup_then_more(db, actor, tmp_path: Path) -> tuple[Path, Path]:
    """A backup holding one applicant, then a second applicant in the live file; (backup, live),
    with ``db`` closed (a restore needs that)."""
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    saved = closed_copy(db, tmp_path, "saved")
    registration.register_applicant(db, applicant_input(nik="3673015703010002", full_name="Dewi Lestari",
                                                        phone="081311112222"), actor, today=TODAY)
    live = backup.sqlite_path(str(db.engine.url))
    db.dispose()
    return saved, live


def test_restore_verifies_first_and_keeps_the_replaced_file(db, actor, tmp_path):
    saved, live = backup_then_more(db, actor, tmp_path)
    bad = closed_copy(Database.open(f"sqlite:///{live}"), tmp_path, "bad")
    damage(bad)
    before = live.read_bytes()
    with pytest.raises(StorageError) as err:
        backup.restore(bad, live)
    assert err.value.code == "backup_invalid"
    assert live.read_bytes() == before  # nothing touched
    result = backup.restore(saved, live, safety_dir=tmp_path / "safety")
    assert backup.verify(live).tables["applicant"] == 1
    assert backup.verify(result.safety_copy).tables["applicant"] == 2
    assert not Path(str(live) + "-wal").exists() or Path(str(live) + "-wal").stat().st_size == 0
    assert not list(live.parent.glob("*.restoring"))
    with pytest.raises(StorageError) as err:
        backup.restore(tmp_path / "nope.sqlite3", live)
    assert err.value.code == "backup_not_found"


def test_check_at_start(db, actor, tmp_path):
    live = backup.sqlite_path(str(db.engine.url))
    dest = tmp_path / "backups"
    first = backup.check_at_start(live, dest)
    assert first.ok and first.backup_made is not None and first.message == ""
    assert backup.check_at_start(tmp_path / "new.sqlite3", dest).ok  # first start: no file yet
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    damage(live)
    result = backup.check_at_start(live, dest)
    assert not result.ok and result.latest_good.path == first.backup_made
    assert str(first.backup_made) in result.message and "rusak" in result.message
    assert "damaged" in result.message_en
    nothing = backup.check_at_start(live, tmp_path / "empty")
    assert not nothing.ok and nothing.latest_good is None and "Belum ada cadangan" in nothing.message


@pytest.fixture
def live_db(_home):
    database = Database.open()
    yield database
    database.dispose()


@pytest.mark.allow_log_warnings  # the damaged backup is skipped with a warning
def test_cli_backup_check_restore(live_db, actor, _home, tmp_path, capsys):
    registration.register_applicant(live_db, applicant_input(), actor, today=TODAY)
    assert cli.main(["backup", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first = Path(out["backup"])
    assert first.parent == _home / "backups" and out["verification"]["tables"]["applicant"] == 1
    assert cli.main(["backup", "--to", str(tmp_path / "usb"), "--json"]) == 0
    assert Path(json.loads(capsys.readouterr().out)["backup"]).parent == tmp_path / "usb"
    assert cli.main(["check"]) == 0
    assert "Basis data baik" in capsys.readouterr().out
    # a newer backup that is damaged is passed over in favour of the good one
    newer = _home / "backups" / backup.backup_name("manual", datetime.now(timezone.utc) + timedelta(hours=1))
    newer.write_bytes(first.read_bytes())
    damage(newer)
    live_db.dispose()
    live = paths.database_path()
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    damage(live)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "rusak" in err and str(first) in err and "Traceback" not in err
    assert cli.main(["check", "--json"]) == 1
    err = capsys.readouterr().err
    report = json.loads(err[err.index("{"):])  # after the console log's warning
    assert report["latest_good_backup"] == str(first) and report["code"] == "db_damaged"
    assert cli.main(["restore", str(newer)]) == 1
    assert "tidak lolos" in capsys.readouterr().err
    assert cli.main(["restore", str(first)]) == cli.EXIT_CONFIRM  # asks for --yes
    assert "--yes" in capsys.readouterr().err
    assert not backup.verify(live).ok
    assert cli.main(["restore", str(first), "--yes"]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    assert cli.main(["check", "--full"]) == 0
    assert cli.main(["restore", str(tmp_path / "missing.sqlite3"), "--yes"]) == 1
    assert backup.verify(live).tables["applicant"] == 1
    db = Database.open()  # opens and works again
    try:
        assert len(registration.history(db, backup.verify(live).tables and _first_id(db), actor)) == 1
    finally:
        db.dispose()


def _first_id(db):
    import sqlalchemy as sa

    with db.session(write=False) as s:
        return s.execute(sa.text("SELECT id FROM applicant")).scalar_one()


def test_cli_check_without_a_database(_home, capsys):
    assert cli.main(["check"]) == 1
    assert "tidak ada" in capsys.readouterr().err


def test_backup_services_for_the_gui(db, actor, _home, tmp_path):
    from app.core import audit
    from app.core.actor import Actor
    from app.core.errors import ValidationError
    from app.core.permissions import PermissionDenied

    admin = Actor("admin", actor.office_code, "admin")
    with pytest.raises(PermissionDenied):
        backup.backup_now(db, actor)  # counters do not run backups
    usb = tmp_path / "usb"
    usb.mkdir()
    for bad in ("relative/dir", str(tmp_path / "missing"), "x\x00y"):
        with pytest.raises(ValidationError):
            backup.set_backup_dir(db, admin, bad)
    assert backup.set_backup_dir(db, admin, str(usb)) == usb
    live = backup.sqlite_path(str(db.engine.url))
    assert backup.backup_dirs(live) == [_home / "backups", usb]
    result = backup.backup_now(db, Actor("sv", actor.office_code, "supervisor"))
    assert result.path.parent == _home / "backups" and len(backup.list_backups(usb)) == 1
    [entry] = audit.search(db, admin, action="backup").rows
    assert len(entry.changes["to"][1]) == 2
    shutil_rm = __import__("shutil").rmtree
    shutil_rm(usb)  # the USB disk is not plugged in: the start still works
    start = backup.at_start(live, now=datetime.now(timezone.utc) + timedelta(days=1))
    assert start.ok and start.backup_made is not None
    assert backup.set_backup_dir(db, admin, "") is None

"""The daily backup while the application stays open: once per WIB day, rotated, to the data dir
and to the extra folder (a USB disk) when it is plugged in; a missing or failing extra folder is
a clear message and never stops the local backup."""

from __future__ import annotations

import errno
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.core import backup, office_settings, registration
from app.core.actor import Actor
from app.core.errors import StorageError
from tests.conftest import TODAY, applicant_input

pytestmark = pytest.mark.sqlite_only("backups and restores copy the SQLite file (PostgreSQL: pg_dump)")

ADMIN = Actor("admin1", "SRG-0001", "admin")
# 23:30 WIB on 25 Nov 2026, then 00:10 WIB on the 26th: the app stayed open past midnight
LATE = datetime(2026, 11, 25, 16, 30, tzinfo=timezone.utc)
AFTER_MIDNIGHT = datetime(2026, 11, 25, 17, 10, tzinfo=timezone.utc)


@pytest.fixture
def live(db, actor):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    return backup.sqlite_path(str(db.engine.url))


def test_once_a_day_and_again_after_midnight(live, _home):
    assert backup.daily_backup_due(live, now=LATE)
    first = backup.run_daily(live, now=LATE)
    assert first.ok and [p.parent for p in first.made] == [_home / "backups"]
    assert "Cadangan harian dibuat" in first.text("id") and "Daily backup made" in first.text("en")
    assert backup.verify(first.made[0]).tables["applicant"] == 1
    assert not backup.daily_backup_due(live, now=LATE + timedelta(minutes=20))
    again = backup.run_daily(live, now=LATE + timedelta(minutes=20))
    assert again.made == [] and again.text() == ""  # nothing due, nothing said
    assert backup.daily_backup_due(live, now=AFTER_MIDNIGHT)  # a new WIB day
    assert len(backup.run_daily(live, now=AFTER_MIDNIGHT).made) == 1
    assert [b.reason for b in backup.list_backups(_home / "backups")] == ["daily", "daily"]


def test_a_day_old_backup_is_due_and_rotation_applies(live, _home):
    start = LATE - timedelta(days=40)
    for day in range(40):
        backup.run_daily(live, now=start + timedelta(days=day))
    kept = backup.list_backups(_home / "backups")
    assert len(kept) == backup.KEEP_DAILY + backup.KEEP_WEEKLY  # rotated while running
    assert backup.daily_backup_due(live, now=kept[0].at + timedelta(hours=25))


def test_the_extra_folder_gets_a_copy_too(db, live, _home, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    office_settings.set_value(db, ADMIN, "backup.folder", str(usb))
    report = backup.run_daily(live, now=LATE)
    assert report.ok and sorted(p.parent for p in report.made) == sorted([_home / "backups", usb])
    assert backup.verify(backup.list_backups(usb)[0].path).ok


def test_an_unplugged_usb_disk_is_reported_and_the_local_backup_made(db, live, _home, tmp_path):
    office_settings.set_value(db, ADMIN, "backup.folder", str(tmp_path / "usb-not-plugged"))
    report = backup.run_daily(live, now=LATE)
    assert [p.parent for p in report.made] == [_home / "backups"]
    assert report.local_error is None and report.extra_error.code == "backup_folder_missing"
    text = report.text("id")
    assert "Cadangan harian dibuat" in text and "usb-not-plugged" in text and "tidak terpasang" in text
    assert "not plugged in" in report.text("en")


def _usb_and_a_full_disk(db, monkeypatch, usb: Path, full: Path) -> None:
    """The extra folder ``usb`` is set; backups into ``full`` fail as on a full disk."""
    usb.mkdir()
    office_settings.set_value(db, ADMIN, "backup.folder", str(usb))
    original = backup.backup_file

    def backup_file(source, dest_dir, reason, **kw):
        if Path(dest_dir) == full:
            raise StorageError("disk_full", str(OSError(errno.ENOSPC, "No space left on device")))
        return original(source, dest_dir, reason, **kw)

    monkeypatch.setattr(backup, "backup_file", backup_file)


@pytest.mark.allow_log_warnings  # the failing folder is logged
def test_a_failing_extra_folder_does_not_stop_the_local_backup(db, live, _home, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    _usb_and_a_full_disk(db, monkeypatch, usb, full=usb)
    report = backup.run_daily(live, now=LATE)
    assert [p.parent for p in report.made] == [_home / "backups"]
    assert report.extra_error.code == "backup_folder_failed" and "Disk penuh" in report.text("id")
    assert "disk is full" in report.text("en")


@pytest.mark.allow_log_warnings
def test_a_full_local_disk_still_copies_to_the_usb_disk(db, live, _home, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    _usb_and_a_full_disk(db, monkeypatch, usb, full=_home / "backups")
    report = backup.run_daily(live, now=LATE)
    assert [p.parent for p in report.made] == [usb]
    assert report.local_error.code == "disk_full" and not report.ok


def test_nothing_to_back_up_without_a_database_file(tmp_path, _home):
    assert not backup.daily_backup_due(tmp_path / "none.sqlite3")
    assert backup.run_daily(tmp_path / "none.sqlite3").made == []

"""Office-wide settings: declared defaults, validation, permission and audit."""

from __future__ import annotations

import pytest

from app.core import audit, auth, office_settings
from app.core.actor import Actor
from app.core.errors import ValidationError
from app.core.permissions import PermissionDenied
from app.core.setup import set_setting

ADMIN = Actor("admin1", "SRG-0001", "admin")


def test_defaults_until_set(db):
    values = office_settings.all_values(db)
    assert values == {key: s.default for key, s in office_settings.SETTINGS.items()}
    assert values["documents.expiry_window_days"] == 90 and values["documents.passport_months"] == 18
    assert auth.IDLE_LOCK_MINUTES_DEFAULT == office_settings.SETTINGS["idle_lock_minutes"].default


def test_set_validates_audits_and_reads_back(db):
    assert office_settings.set_value(db, ADMIN, "documents.expiry_window_days", "60") == 60
    assert office_settings.get(db, "documents.expiry_window_days") == 60
    assert office_settings.set_value(db, ADMIN, "backup.folder", "  /media/usb  ") == "/media/usb"
    assert office_settings.set_value(db, ADMIN, "backup.folder", "") == ""
    with pytest.raises(ValidationError) as err:
        office_settings.set_value(db, ADMIN, "documents.expiry_window_days", 0)
    assert err.value.errors[0].code == "out_of_range"
    with pytest.raises(ValidationError):
        office_settings.set_value(db, ADMIN, "no.such.key", 1)
    with pytest.raises(PermissionDenied):
        office_settings.set_value(db, Actor("sv", "SRG-0001", "supervisor"), "backup.folder", "/x")
    changes = [r.changes for r in audit.search(db, ADMIN, text="expiry_window").rows]
    assert {"value": [None, "60"]} in changes


def test_a_damaged_stored_value_reads_as_the_default(db):
    with db.session() as s:
        set_setting(s, "documents.passport_months", "banyak")
        set_setting(s, "idle_lock_minutes", "999")
    assert office_settings.get(db, "documents.passport_months") == 18
    assert auth.idle_lock_minutes(db) == 10


def test_several_values_are_saved_together_or_not_at_all(db):
    with pytest.raises(ValidationError) as err:
        office_settings.set_values(db, ADMIN, {"idle_lock_minutes": "5", "documents.passport_months": "500",
                                                "backup.folder": "relative/folder"})
    assert {(e.field, e.code) for e in err.value.errors} == {
        ("documents.passport_months", "out_of_range"), ("backup.folder", "folder_not_absolute")}
    assert office_settings.all_values(db)["idle_lock_minutes"] == 10  # nothing stored
    stored = office_settings.set_values(db, ADMIN, {"idle_lock_minutes": "5", "documents.passport_months": 12})
    assert stored == {"idle_lock_minutes": 5, "documents.passport_months": 12}
    assert auth.idle_lock_minutes(db) == 5
    assert len(audit.search(db, ADMIN, entity="setting").rows) == 2
    office_settings.set_values(db, ADMIN, {"idle_lock_minutes": 5})  # unchanged: no new audit entry
    assert len(audit.search(db, ADMIN, entity="setting").rows) == 2


@pytest.mark.sqlite_only("backups copy the SQLite file (PostgreSQL: pg_dump)")
def test_the_backup_folder_is_a_full_path_and_the_backups_use_it(db, tmp_path, monkeypatch):
    from app.core import backup

    monkeypatch.setenv("HOME", str(tmp_path))
    assert office_settings.set_value(db, ADMIN, "backup.folder", "~/usb") == str(tmp_path / "usb")
    live = backup.sqlite_path(str(db.engine.url))
    assert backup.configured_backup_dir(live) == tmp_path / "usb"  # set here, read by the start backup
    for bad in ("usb", "./cadangan", "x\x00y"):
        with pytest.raises(ValidationError):
            office_settings.set_value(db, ADMIN, "backup.folder", bad)
    assert office_settings.set_value(db, ADMIN, "backup.folder", "") == ""
    assert backup.configured_backup_dir(live) is None


@pytest.mark.sqlite_only("backups copy the SQLite file (PostgreSQL: pg_dump)")
def test_a_folder_chosen_before_the_office_settings_still_counts(db):
    from app.core import backup

    with db.session() as s:
        set_setting(s, "backup_dir", "/media/lama")
    live = backup.sqlite_path(str(db.engine.url))
    assert backup.configured_backup_dir(live) == __import__("pathlib").Path("/media/lama")
    office_settings.set_value(db, ADMIN, "backup.folder", "")  # the new key wins, even when empty
    assert backup.configured_backup_dir(live) is None

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

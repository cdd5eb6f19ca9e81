"""First start: this installation's office and its first administrator; users and sign-in."""

from __future__ import annotations


import pytest

from app.core import audit, setup
from app.core.errors import UserError, ValidationError
from app.db import Database


PASSWORD = "rahasia-123"


def first_start(db, **overrides):
    values = dict(office_code="srg-0002", office_name="  Kantor   Kecamatan Kasemen ", office_kind="kecamatan",
                  admin_username=" admin ", admin_full_name="Admin  Satu", admin_password=PASSWORD)
    values.update(overrides)
    return setup.first_start(db, **values)


def test_first_start_records_office_and_admin(db):
    assert setup.needs_first_start(db) and not setup.is_set_up(db)
    with pytest.raises(UserError) as err:
        setup.local_office(db)
    assert err.value.code == "setup_needed"
    user = first_start(db)
    assert (user.username, user.full_name, user.role, user.office_code) == ("admin", "Admin Satu", "admin", "SRG-0002")
    assert setup.local_office(db) == setup.OfficeInfo("SRG-0002", "Kantor Kecamatan Kasemen", "kecamatan")
    assert setup.is_set_up(db) and not setup.needs_first_start(db)
    assert setup.users(db) == [user]
    with db.session(write=False) as s:
        entries = {(e.action, e.entity, e.entity_id): e for e in
                   audit.history(s, "office", "SRG-0002") + audit.history(s, "user", "admin")}
    assert set(entries) == {("create", "office", "SRG-0002"), ("create", "user", "admin")}
    assert entries[("create", "user", "admin")].changes == {"role": [None, "admin"]}


def test_first_start_only_once(db):
    first_start(db)
    with pytest.raises(UserError) as err:
        first_start(db, admin_username="admin2")
    assert err.value.code == "setup_done"
    assert [u.username for u in setup.users(db)] == ["admin"]


def test_first_start_after_scripts_used_the_default_office(db):
    assert setup.ensure_office(db) == setup.OfficeInfo("SRG-0001", "Disnakertrans Kota Serang", "city")
    assert setup.needs_first_start(db)  # an office but no administrator yet
    first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang (Kantor Pusat)",
                office_kind="city")
    assert setup.local_office(db).name == "Disnakertrans Kota Serang (Kantor Pusat)"
    with db.session(write=False) as s:
        [created, renamed] = audit.history(s, "office", "SRG-0001")
    assert renamed.changes == {"name": ["Disnakertrans Kota Serang", "Disnakertrans Kota Serang (Kantor Pusat)"]}


@pytest.mark.parametrize("field, value, error_field, code", [
    ("office_code", "SRG-1", "office_code", "office_code_format"),
    ("office_code", "SRG-0001\n", "office_code", None),  # trimmed: accepted
    ("office_code", "SRG-٠٠٠١", "office_code", "office_code_format"),  # Arabic-Indic digits
    ("office_code", None, "office_code", "office_code_format"),
    ("office_code", 1, "office_code", "office_code_format"),
    ("office_name", "", "office_name", "required"),
    ("office_name", 5, "office_name", "not_text"),
    ("office_kind", "province", "office_kind", "invalid_choice"),
    ("office_kind", ["city"], "office_kind", "invalid_choice"),
    ("admin_username", "Admin", "username", "username_format"),
    ("admin_username", "ab", "username", "username_format"),
    ("admin_username", "a" * 33, "username", "username_format"),
    ("admin_username", "admin\nx", "username", "username_format"),
    ("admin_username", None, "username", "username_format"),
    ("admin_username", 12345, "username", "username_format"),
    ("admin_full_name", "A\x00", "full_name", "control_chars"),
    ("admin_full_name", None, "full_name", "required"),
    ("admin_password", "pendek", "password", "password_weak"),
    ("admin_password", None, "password", "password_weak"),
    ("admin_password", 12345678, "password", "password_weak"),
])
def test_first_start_validation(db, field, value, error_field, code):
    if code is None:
        first_start(db, **{field: value})
        return
    with pytest.raises(ValidationError) as err:
        first_start(db, **{field: value})
    assert (error_field, code) in [(e.field, e.code) for e in err.value.errors]
    assert setup.needs_first_start(db)


def test_authenticate(db):
    first_start(db)
    assert setup.authenticate(db, "admin", PASSWORD).username == "admin"
    assert setup.authenticate(db, " admin ", PASSWORD).username == "admin"
    for username, password in [("admin", "salah-sekali"), ("admin", ""), ("nobody", PASSWORD), ("", ""),
                               ("admin", None), ("admin", 12345678), (None, PASSWORD), (["admin"], PASSWORD),
                               ("admin", PASSWORD.upper())]:
        assert setup.authenticate(db, username, password) is None, (username, password)


def test_create_user(db):
    admin = first_start(db).actor()
    user = setup.create_user(db, admin, username="petugas1", full_name="Petugas  Satu", role="counter",
                             password=PASSWORD)
    assert (user.username, user.full_name, user.role, user.office_code) == ("petugas1", "Petugas Satu", "counter",
                                                                            "SRG-0002")
    assert setup.authenticate(db, "petugas1", PASSWORD) == user
    with pytest.raises(ValidationError) as err:
        setup.create_user(db, admin, username="petugas1", full_name="Lagi", role="counter", password=PASSWORD)
    assert err.value.errors[0].code == "username_taken"
    with pytest.raises(ValidationError) as err:
        setup.create_user(db, admin, username="x", full_name=["x"], role="boss", password=1)
    assert {e.field for e in err.value.errors} == {"username", "full_name", "role", "password"}
    assert [u.username for u in setup.users(db)] == ["admin", "petugas1"]


def test_first_start_with_only_non_admin_accounts_present(db):
    """Accounts that cannot administer (a trainer row brought by data, with no usable password)
    do not count as a finished setup: the office still gets its first administrator."""
    from app.models import User

    setup.ensure_office(db)
    with db.session() as s:
        s.add(User(username="instruktur.ja", full_name="Instruktur", role="trainer", password_hash="!",
                   office_code="SRG-0001", origin_office="SRG-0001"))
    assert setup.needs_first_start(db)
    first_start(db)
    assert not setup.needs_first_start(db)
    assert [u.username for u in setup.users(db) if u.role == "admin"] == ["admin"]

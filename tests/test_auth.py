"""Sign-in with lockout, own and reset passwords, user administration, the idle screen lock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.core import audit, auth, credentials, setup
from app.core.actor import Actor
from app.core.errors import UserError, ValidationError

PASSWORD = "rahasia-123"
T0 = datetime(2026, 11, 25, 1, 0, tzinfo=timezone.utc)  # 08:00 WIB


@pytest.fixture
def admin(db) -> Actor:
    return setup.first_start(db, office_code="SRG-0001", office_name="Kantor", office_kind="city",
                             admin_username="admin", admin_full_name="Admin Satu",
                             admin_password=PASSWORD).actor()


@pytest.fixture
def clerk(db, admin):
    setup.create_user(db, admin, username="petugas1", full_name="Petugas Satu", role="counter", password=PASSWORD)
    return "petugas1"


def entries(db, action=None):
    page = audit.search(db, Actor("sv", "SRG-0001", "supervisor"), entity="user", action=action, limit=500)
    return page.rows


def test_sign_in_gives_the_user_and_is_audited(db, admin):
    user = auth.sign_in(db, " admin ", PASSWORD, now=T0)
    assert (user.username, user.role, user.must_change_password) == ("admin", "admin", False)
    assert user.actor() == admin
    [entry] = entries(db, "sign_in")
    assert (entry.username, entry.entity_id) == ("admin", "admin")


@pytest.mark.parametrize("username, password", [
    ("admin", "salah-sekali"), ("nobody", PASSWORD), ("", ""), (None, PASSWORD), ("admin", None),
    ("admin", 12345678), (["admin"], PASSWORD), ("admin", PASSWORD.upper()), ("admin\x00", PASSWORD),
    ("' OR 1=1 --", "' OR 1=1 --"), ("admin", "x" * 100_000),
])
def test_wrong_credentials_get_one_message_whoever_asks(db, admin, username, password):
    with pytest.raises(UserError) as err:
        auth.sign_in(db, username, password, now=T0)
    assert err.value.code == "wrong_credentials"
    assert err.value.message == "Nama pengguna atau kata sandi salah."
    assert [e.action for e in entries(db, "sign_in_failed")] == ["sign_in_failed"]


def test_five_failures_lock_for_fifteen_minutes(db, admin, clerk):
    for i in range(4):
        with pytest.raises(UserError) as err:
            auth.sign_in(db, clerk, "salah-salah", now=T0 + timedelta(seconds=i))
        assert err.value.code == "wrong_credentials"
    with pytest.raises(UserError) as err:
        auth.sign_in(db, clerk, "salah-salah", now=T0 + timedelta(seconds=4))
    assert err.value.code == "account_locked"
    assert err.value.message == ("Akun terkunci setelah terlalu banyak percobaan gagal. "
                                 "Coba lagi pukul 08:15 WIB.")
    # locked: even the right password is refused, with the time it opens again
    with pytest.raises(UserError) as err:
        auth.sign_in(db, clerk, PASSWORD, now=T0 + timedelta(minutes=14))
    assert err.value.code == "account_locked"
    [account] = [u for u in auth.list_users(db, admin) if u.username == clerk]
    assert account.locked(T0 + timedelta(minutes=1)) and not account.locked(T0 + timedelta(minutes=16))
    # fifteen minutes later the right password works and clears the count
    assert auth.sign_in(db, clerk, PASSWORD, now=T0 + timedelta(minutes=15, seconds=5)).username == clerk
    [account] = [u for u in auth.list_users(db, admin) if u.username == clerk]
    assert (account.failed_attempts, account.locked_until) == (0, None)
    failed = entries(db, "sign_in_failed")
    assert len(failed) == 6 and failed[0].changes["reason"] == [None, "locked"]


def test_a_success_clears_the_failure_count(db, admin, clerk):
    for _ in range(4):
        with pytest.raises(UserError):
            auth.sign_in(db, clerk, "salah-salah", now=T0)
    auth.sign_in(db, clerk, PASSWORD, now=T0)
    for _ in range(4):
        with pytest.raises(UserError) as err:
            auth.sign_in(db, clerk, "salah-salah", now=T0)
        assert err.value.code == "wrong_credentials"


def test_an_admin_unlocks_early(db, admin, clerk):
    for _ in range(5):
        with pytest.raises(UserError):
            auth.sign_in(db, clerk, "salah-salah", now=T0)
    auth.unlock(db, admin, clerk)
    assert auth.sign_in(db, clerk, PASSWORD, now=T0).username == clerk


def test_new_users_must_change_the_password_an_admin_gave(db, admin, clerk):
    user = auth.sign_in(db, clerk, PASSWORD, now=T0)
    assert user.must_change_password
    me = user.actor()
    with pytest.raises(ValidationError) as err:
        auth.change_password(db, me, "salah-salah", "baru-rahasia-1")
    assert err.value.errors[0].code == "password_wrong"
    for new, code in [("pendek", "password_weak"), (PASSWORD, "password_same"), ("petugas1", "password_is_username"),
                      (None, "password_weak")]:
        with pytest.raises(ValidationError) as err:
            auth.change_password(db, me, PASSWORD, new)
        assert err.value.errors[0].code == code, new
    assert not auth.change_password(db, me, PASSWORD, "baru-rahasia-1").must_change_password
    assert not auth.sign_in(db, clerk, "baru-rahasia-1", now=T0).must_change_password
    with pytest.raises(UserError):
        auth.sign_in(db, clerk, PASSWORD, now=T0)
    [change] = entries(db, "password_change")
    assert "rahasia" not in str(change.changes)


def test_reset_password_by_admin(db, admin, clerk):
    account = auth.reset_password(db, admin, clerk, "sementara-99")
    assert account.must_change_password
    assert auth.sign_in(db, clerk, "sementara-99", now=T0).must_change_password
    with pytest.raises(UserError) as err:
        auth.reset_password(db, admin, "nobody", "sementara-99")
    assert err.value.code == "user_not_found"
    with pytest.raises(ValidationError):
        auth.reset_password(db, admin, clerk, "pendek")


def test_disabled_users_cannot_sign_in(db, admin, clerk):
    auth.set_active(db, admin, clerk, False)
    with pytest.raises(UserError) as err:
        auth.sign_in(db, clerk, PASSWORD, now=T0)
    assert err.value.code == "account_inactive"
    with pytest.raises(UserError) as err:
        auth.sign_in(db, clerk, "salah-salah", now=T0)
    assert err.value.code == "wrong_credentials"  # nothing revealed without the password
    auth.set_active(db, admin, clerk, True)
    assert auth.sign_in(db, clerk, PASSWORD, now=T0).username == clerk


def test_the_last_active_admin_stays(db, admin, clerk):
    with pytest.raises(UserError) as err:
        auth.set_role(db, admin, "admin", "counter")
    assert err.value.code == "last_admin"
    with pytest.raises(UserError) as err:
        auth.set_active(db, admin, "admin", False)
    assert err.value.code == "cannot_deactivate_self"
    auth.set_role(db, admin, clerk, "admin")
    second = Actor(clerk, "SRG-0001", "admin")
    auth.set_active(db, second, "admin", False)  # another admin remains
    with pytest.raises(UserError) as err:
        auth.set_role(db, second, clerk, "supervisor")
    assert err.value.code == "last_admin"
    with pytest.raises(ValidationError):
        auth.set_role(db, second, clerk, "boss")
    roles = [e.changes for e in entries(db, "update")]
    assert {"role": ["counter", "admin"]} in roles and {"active": [True, False]} in roles


def test_idle_lock_setting(db, admin):
    assert auth.idle_lock_minutes(db) == auth.IDLE_LOCK_MINUTES_DEFAULT == 10
    assert auth.set_idle_lock_minutes(db, admin, "5") == 5
    assert auth.idle_lock_minutes(db) == 5
    for bad in (0, 241, "x", None, True):
        with pytest.raises(ValidationError):
            auth.set_idle_lock_minutes(db, admin, bad)
    with pytest.raises(UserError):
        auth.set_idle_lock_minutes(db, Actor("sv", "SRG-0001", "supervisor"), 5)
    assert auth.should_lock(T0, T0 + timedelta(minutes=5), 5)
    assert not auth.should_lock(T0, T0 + timedelta(minutes=4, seconds=59), 5)


def test_audit_search_filters(db, admin, clerk):
    sv = Actor("sv", "SRG-0001", "supervisor")
    for _ in range(3):
        with pytest.raises(UserError):
            auth.sign_in(db, clerk, "salah", now=T0)
    everything = audit.search(db, sv)
    assert everything.total == len(everything.rows) >= 6
    assert [r.at for r in everything.rows] == sorted((r.at for r in everything.rows), reverse=True)
    assert audit.search(db, sv, username=clerk).total == 3
    assert audit.search(db, sv, text="wrong_password").total == 3
    assert audit.search(db, sv, text="100%_").total == 0  # LIKE wildcards are literal
    page = audit.search(db, sv, limit=2, offset=1)
    assert page.rows == everything.rows[1:3]
    today = datetime.now(timezone.utc).astimezone(auth.WIB).date()
    assert audit.search(db, sv, since=today, until=today).total == everything.total
    assert audit.search(db, sv, until=date(2020, 1, 1)).total == 0


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    """Real argon2, with test-sized costs (the production parameters take ~50 ms a hash)."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(setup, "_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(auth, "_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(credentials, "hasher", lambda: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(credentials, "_DUMMY_HASH", None)  # the sign-in's check lives in app.core.credentials


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=40), st.none(), st.integers()), st.one_of(st.text(max_size=40), st.none()))
def test_fuzz_sign_in_refuses_cleanly(db, admin, username, password):
    if isinstance(username, str) and username.strip() == "admin" and password == PASSWORD:
        return
    with pytest.raises(UserError) as err:
        auth.sign_in(db, username, password, now=T0)
    assert err.value.code in ("wrong_credentials", "account_locked") and err.value.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30), st.text(max_size=10))
def test_fuzz_audit_search_text(db, admin, text, name):
    page = audit.search(db, admin, text=text, username=name or None, limit=5)
    assert page.total >= len(page.rows)


def test_unlock_screen_is_a_sign_in_of_the_same_user(db, admin):
    assert auth.unlock_screen(db, admin, PASSWORD, now=T0).username == "admin"
    with pytest.raises(UserError):
        auth.unlock_screen(db, admin, "salah-salah", now=T0)

"""Sign-in with lockout, passwords, user administration and the idle screen lock (no Qt).

- Five wrong passwords in a row lock the account for fifteen minutes (even the right password is
  refused while locked); a successful sign-in clears the count.
- A wrong username and a wrong password get the same message, and the same argon2 work is done
  for both, so the screen does not tell which usernames exist.
- Every sign-in, failed sign-in, lockout and user change is in the audit trail (never a password
  or a hash).
- Passwords an administrator sets (new user, reset) must be changed at the next sign-in:
  ``UserInfo.must_change_password`` tells the GUI to ask before anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from app.core import audit, credentials
from app.core.actor import Actor
from app.core.credentials import (LOCKOUT, MAX_FAILED_ATTEMPTS, MAX_PASSWORD_LENGTH,  # noqa: F401  (re-exported)
                                  MIN_PASSWORD_LENGTH, WIB, AccountRow, SignInAttempt, wib_clock)
from app.core.errors import FieldError, UserError, ValidationError
from app.core.permissions import require
from app.core.setup import UserInfo, _hasher, get_setting, set_setting  # noqa: F401
from app.core.validation import Collector
from app.models import ROLES, User, utcnow

# The screen locks after this much idle time; stored per installation in app_setting.
IDLE_LOCK_SETTING = "idle_lock_minutes"
IDLE_LOCK_MINUTES_DEFAULT = 10  # declared in app.core.office_settings (a test keeps them equal)


@dataclass(frozen=True)
class UserAccount:
    """One user as the administration screen lists it."""

    username: str
    full_name: str
    role: str
    office_code: str
    active: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: datetime | None

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.full_name, user.role, user.office_code, user.must_change_password)


def _account(user: User) -> UserAccount:
    return UserAccount(user.username, user.full_name, user.role, user.office_code, user.active,
                       user.must_change_password, user.failed_attempts, user.locked_until)


_clean_username = credentials.clean_username
_audit_name = credentials.audit_name
_verify = credentials.verify


def account_row(user: User) -> AccountRow:
    return AccountRow(user.username, user.full_name, user.role, user.office_code, user.password_hash,
                      user.active, user.must_change_password, user.failed_attempts, user.locked_until)


def sign_in(db, username, password, now: datetime | None = None) -> UserInfo:
    """The signed-in user, or ``UserError`` ``wrong_credentials`` / ``account_locked`` /
    ``account_inactive``. Failures are counted and audited even though the call raises.

    The password is checked outside the write transaction (``credentials.check``, 0.1 s of
    argon2); ``record_sign_in`` then writes the outcome on the account as it is at that moment."""
    now = now or utcnow()
    name = credentials.lookup_name(username)
    account = None
    if name is not None:
        with db.session(write=False) as session:
            user = session.exec(select(User).where(User.username == name)).first()
            account = account_row(user) if user is not None else None
    return record_sign_in(db, credentials.check(account, username, password, now))


def record_sign_in(db, attempt: SignInAttempt) -> UserInfo:
    """Write what a checked sign-in attempt comes to: failure count, lockout, a new hash, the
    audit entry. The account is read again inside the write transaction, so attempts from two
    windows count as if one followed the other (a lockout or deactivation that came in between
    refuses even a right password). Raises ``UserError`` after committing a failure."""
    now = attempt.at
    error: UserError | None = None
    with db.session() as session:
        user = None
        if attempt.account is not None:
            user = session.exec(select(User).where(User.username == attempt.account.username)).first()
        if user is None:
            audit.record(session, Actor("-", "-", "", ""), "sign_in_failed", "user", _audit_name(attempt.name),
                         {"reason": [None, "unknown_user"]})
            error = UserError("wrong_credentials")
        elif user.locked_until is not None and user.locked_until > now:
            audit.record(session, _actor_of(user), "sign_in_failed", "user", user.username,
                         {"reason": [None, "locked"]})
            error = UserError("account_locked", until=wib_clock(user.locked_until))
        elif attempt.outcome == credentials.LOCKED:  # lifted since the check: the password was not tried
            audit.record(session, _actor_of(user), "sign_in_failed", "user", user.username,
                         {"reason": [None, "locked"]})
            error = UserError("account_locked", until=wib_clock(attempt.account.locked_until))
        elif attempt.outcome == credentials.WRONG_PASSWORD:
            user.failed_attempts += 1
            changes = {"reason": [None, "wrong_password"], "failed_attempts": [None, user.failed_attempts]}
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = now + LOCKOUT
                user.failed_attempts = 0
                changes["locked_until"] = [None, user.locked_until]
                error = UserError("account_locked", until=wib_clock(user.locked_until))
            else:
                error = UserError("wrong_credentials")
            session.add(user)
            audit.record(session, _actor_of(user), "sign_in_failed", "user", user.username, changes)
        elif attempt.outcome == credentials.INACTIVE or not user.active:
            audit.record(session, _actor_of(user), "sign_in_failed", "user", user.username,
                         {"reason": [None, "inactive"]})
            error = UserError("account_inactive")
        else:
            if user.failed_attempts or user.locked_until is not None:
                user.failed_attempts, user.locked_until = 0, None
            if attempt.new_hash is not None and user.password_hash == attempt.account.password_hash:
                user.password_hash = attempt.new_hash
            session.add(user)
            audit.record(session, _actor_of(user), "sign_in", "user", user.username)
            return _info(user)
    raise error  # after the block: the failure count and its audit entry are committed


def _actor_of(user: User) -> Actor:
    return Actor(user.username, user.office_code, user.role, user.full_name)


def _check_password(field: str, password, username: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(FieldError(field, "password_weak"))
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(FieldError(field, "too_long", {"max": MAX_PASSWORD_LENGTH}))
    if password.strip().lower() == username.lower():
        raise ValidationError(FieldError(field, "password_is_username"))


def change_password(db, actor: Actor, old_password, new_password) -> UserInfo:
    """A signed-in user changes their own password (the old one is asked again)."""
    with db.session() as session:
        user = _user(session, actor.username)
        if not isinstance(old_password, str) or not _verify(user.password_hash, old_password):
            raise ValidationError(FieldError("old_password", "password_wrong"))
        _check_password("new_password", new_password, user.username)
        if new_password == old_password:
            raise ValidationError(FieldError("new_password", "password_same"))
        user.password_hash = _hasher().hash(new_password)
        user.must_change_password = False
        user.version += 1
        user.updated_at = utcnow()
        session.add(user)
        audit.record(session, actor, "password_change", "user", user.username)
        return _info(user)


def reset_password(db, actor: Actor, username: str, new_password) -> UserAccount:
    """An administrator sets a new first password (the user must change it) and lifts a lockout."""
    require(actor, "user.manage")
    with db.session() as session:
        user = _user(session, username)
        _check_password("password", new_password, user.username)
        user.password_hash = _hasher().hash(new_password)
        user.must_change_password = True
        user.failed_attempts, user.locked_until = 0, None
        user.version += 1
        user.updated_at = utcnow()
        session.add(user)
        audit.record(session, actor, "password_reset", "user", user.username,
                     {"must_change_password": [None, True]})
        return _account(user)


def unlock(db, actor: Actor, username: str) -> UserAccount:
    """An administrator lifts a lockout before its fifteen minutes are over."""
    require(actor, "user.manage")
    with db.session() as session:
        user = _user(session, username)
        if user.locked_until is not None or user.failed_attempts:
            audit.record(session, actor, "unlock", "user", user.username,
                         {"locked_until": [user.locked_until, None]})
            user.failed_attempts, user.locked_until = 0, None
            session.add(user)
        return _account(user)


def set_active(db, actor: Actor, username: str, active: bool) -> UserAccount:
    """Enable or disable a user (users are never deleted: the audit trail names them)."""
    require(actor, "user.manage")
    if not isinstance(active, bool):
        raise ValidationError(FieldError("active", "invalid_choice", {"value": str(active)[:40]}))
    with db.session() as session:
        user = _user(session, username)
        if user.active == active:
            return _account(user)
        if not active:
            if user.username == actor.username:
                raise UserError("cannot_deactivate_self")
            if user.role == "admin":
                _refuse_last_admin(session, user)
        audit.record(session, actor, "update", "user", user.username, {"active": [user.active, active]})
        user.active = active
        user.version += 1
        user.updated_at = utcnow()
        session.add(user)
        return _account(user)


def set_role(db, actor: Actor, username: str, role: str) -> UserAccount:
    require(actor, "user.manage")
    c = Collector()
    c.choice("role", role, ROLES)
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        user = _user(session, username)
        if user.role == role:
            return _account(user)
        if user.role == "admin" and user.active:
            _refuse_last_admin(session, user)
        audit.record(session, actor, "update", "user", user.username, {"role": [user.role, role]})
        user.role = role
        user.version += 1
        user.updated_at = utcnow()
        session.add(user)
        return _account(user)


def list_users(db, actor: Actor) -> list[UserAccount]:
    require(actor, "user.manage")
    with db.session(write=False) as session:
        return [_account(u) for u in session.exec(select(User).order_by(User.username)).all()]


def _refuse_last_admin(session: Session, leaving: User) -> None:
    others = session.exec(select(User.id).where(User.role == "admin", User.active == True,  # noqa: E712
                                                User.id != leaving.id)).first()
    if others is None:
        raise UserError("last_admin")


def _user(session: Session, username) -> User:
    name = _clean_username(username)
    user = session.exec(select(User).where(User.username == name)).first() if name else None
    if user is None:
        raise UserError("user_not_found", value=_audit_name(name)[:32])
    return user


# --- the idle screen lock --------------------------------------------------------------------

def idle_lock_minutes(db) -> int:
    """Minutes of no input after which the GUI locks the screen (asks for the password again)."""
    from app.core import office_settings

    return office_settings.get(db, IDLE_LOCK_SETTING)


def set_idle_lock_minutes(db, actor: Actor, minutes) -> int:
    from app.core import office_settings

    return office_settings.set_value(db, actor, IDLE_LOCK_SETTING, minutes)


def should_lock(last_activity: datetime, now: datetime, minutes: int) -> bool:
    """True once ``minutes`` have passed since the last keyboard or mouse input (pure)."""
    return now - last_activity >= timedelta(minutes=minutes)


def unlock_screen(db, actor: Actor, password, now: datetime | None = None) -> UserInfo:
    """The locked screen asks the signed-in user's password again (lockout rules apply); only
    that user can unlock it: anyone else signs in anew (the GUI starts a fresh session)."""
    return sign_in(db, actor.username, password, now=now)

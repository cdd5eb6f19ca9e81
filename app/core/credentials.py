"""Checking a password at sign-in, without the database stack (no SQLAlchemy, no Qt).

``auth.sign_in`` is two steps: ``check`` (this module: the account as read, the argon2 work, the
outcome) and ``auth.record_sign_in`` (the write: failure count, lockout, audit entry). The GUI's
quick start (``app.core.quickstart``) reads the account through plain ``sqlite3`` and runs the same
``check``, so the window can show before SQLAlchemy is imported; the write follows as soon as the
database stack is loaded and the start-up check has passed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.core.actor import UserInfo

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024  # argon2 hashes anything, but a megabyte "password" is an attack
WIB = timezone(timedelta(hours=7), "WIB")  # Asia/Jakarta has no daylight saving

# Verified against when the username does not exist, so both paths cost one argon2 verify.
_DUMMY_HASH: str | None = None

# What a sign-in attempt came to (``SignInAttempt.outcome``)
OK, UNKNOWN_USER, LOCKED, WRONG_PASSWORD, INACTIVE = "ok", "unknown_user", "locked", "wrong_password", "inactive"


@dataclass(frozen=True)
class AccountRow:
    """The columns of one ``user`` row that a sign-in needs."""

    username: str
    full_name: str
    role: str
    office_code: str
    password_hash: str
    active: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: datetime | None  # aware UTC

    def info(self) -> UserInfo:
        return UserInfo(self.username, self.full_name, self.role, self.office_code, self.must_change_password)


@dataclass(frozen=True)
class SignInAttempt:
    """The result of ``check``: ``name`` as typed (cleaned), the account when it exists, the
    outcome, the moment, and a new hash when the stored one uses older argon2 parameters."""

    name: str
    account: AccountRow | None
    outcome: str
    at: datetime
    new_hash: str | None = None


def hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def verify(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hasher().hash("pmi-desk-no-such-user")
    return _DUMMY_HASH


def wib_clock(moment: datetime) -> str:
    """``HH:MM`` in WIB, as the lockout message shows it."""
    return moment.astimezone(WIB).strftime("%H:%M")


def clean_username(value) -> str:
    if not isinstance(value, str):
        return ""
    return value.strip()


def lookup_name(value) -> str | None:
    """The username to look up, or None when nothing can match (empty, or a NUL, which never is
    in a username and which PostgreSQL refuses in a parameter)."""
    name = clean_username(value)
    return name if name and "\x00" not in name else None


def audit_name(value: str) -> str:
    """A typed username made safe for the audit trail (printable, short)."""
    text = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return text[:64] or "-"


def check(account: AccountRow | None, username, password, now: datetime) -> SignInAttempt:
    """The outcome of a sign-in with ``password`` on ``account`` (None: no such user), doing the
    same argon2 work whether or not the user exists. Writes nothing."""
    name = clean_username(username)
    if not isinstance(password, str) or len(password) > MAX_PASSWORD_LENGTH:
        password = None
    if account is None:
        if password is not None:
            verify(dummy_hash(), password)  # same work as for a real user
        return SignInAttempt(name, None, UNKNOWN_USER, now)
    if account.locked_until is not None and account.locked_until > now:
        return SignInAttempt(name, account, LOCKED, now)
    if password is None or not verify(account.password_hash, password):
        return SignInAttempt(name, account, WRONG_PASSWORD, now)
    if not account.active:
        return SignInAttempt(name, account, INACTIVE, now)
    new_hash = hasher().hash(password) if hasher().check_needs_rehash(account.password_hash) else None
    return SignInAttempt(name, account, OK, now, new_hash)

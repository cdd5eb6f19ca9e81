"""First start and installation identity: this office, its first administrator, users."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from app.core import audit
from app.core.actor import Actor, OfficeInfo, UserInfo  # noqa: F401  (UserInfo, OfficeInfo: re-exported)
from app.core.errors import FieldError, UserError, ValidationError
from app.core.validation import Collector
from app.models import ROLES, AppSetting, Office, User

OFFICE_CODE = re.compile(r"[A-Z]{3}-[0-9]{4}")  # fullmatch: ASCII only, no trailing newline
USERNAME = re.compile(r"[a-z0-9._]{3,32}")
DEFAULT_OFFICE_CODE = "SRG-0001"
DEFAULT_OFFICE_NAME = "Disnakertrans Kota Serang"


def _hasher():
    from app.core.credentials import hasher

    return hasher()


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(AppSetting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(AppSetting, key) or AppSetting(key=key, value=value)
    row.value = value
    session.add(row)


def is_set_up(db) -> bool:
    with db.session(write=False) as session:
        return get_setting(session, "local_office") is not None


def local_office(db) -> OfficeInfo:
    with db.session(write=False) as session:
        code = get_setting(session, "local_office")
        if code is None:
            raise UserError("setup_needed")
        office = session.exec(select(Office).where(Office.code == code)).one()
        return OfficeInfo(office.code, office.name, office.kind)


def first_start(db, *, office_code: str, office_name: str, office_kind: str,
                admin_username: str, admin_full_name: str, admin_password: str) -> UserInfo:
    """Record this installation's office and create its first administrator (once only)."""
    c = Collector()
    code = _stripped(office_code).upper()
    if not OFFICE_CODE.fullmatch(code):
        c.add("office_code", "office_code_format")
    name = c.text("office_name", office_name, max_len=120)
    kind = c.choice("office_kind", office_kind, ("city", "kecamatan"))
    admin_full_name = _check_user_fields(c, admin_username, admin_full_name, admin_password)
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        # Demo trainers (``demo-data`` before setup) have no password: only an administrator counts.
        if session.exec(select(User).where(User.role == "admin")).first() is not None:
            raise UserError("setup_done")
        actor = Actor(admin_username.strip(), code, "admin", admin_full_name)
        _put_office(session, actor, code, name, kind)
        return _add_user(session, actor, admin_username, admin_full_name, "admin", admin_password, code)


def needs_first_start(db) -> bool:
    """True until this installation has an office and an administrator."""
    with db.session(write=False) as session:
        return get_setting(session, "local_office") is None or \
            session.exec(select(User).where(User.role == "admin")).first() is None


def _put_office(session: Session, actor: Actor, code: str, name: str, kind: str) -> None:
    """Make ``code`` this installation's office (creating or renaming it)."""
    office = session.exec(select(Office).where(Office.code == code)).first()
    if office is None:
        session.add(Office(code=code, name=name, kind=kind, origin_office=code))
        audit.record(session, actor, "create", "office", code, {"name": [None, name], "kind": [None, kind]})
    elif (office.name, office.kind) != (name, kind):
        audit.record(session, actor, "update", "office", code,
                     audit.diff({"name": office.name, "kind": office.kind}, {"name": name, "kind": kind}))
        office.name, office.kind = name, kind
        office.version += 1
        session.add(office)
    set_setting(session, "local_office", code)


def ensure_office(db) -> OfficeInfo:
    """This installation's office; the default city office when none was set up yet (scripts,
    demo data). The first-start screen still asks for the office and the administrator."""
    with db.session() as session:
        code = get_setting(session, "local_office")
        if code is None:
            actor = Actor("system", DEFAULT_OFFICE_CODE, "admin", "Sistem")
            _put_office(session, actor, DEFAULT_OFFICE_CODE, DEFAULT_OFFICE_NAME, "city")
            code = DEFAULT_OFFICE_CODE
        office = session.exec(select(Office).where(Office.code == code)).one()
        return OfficeInfo(office.code, office.name, office.kind)


def _stripped(value) -> str:
    """Trimmed text, or "" for anything that is not text (None, a number from JSON...)."""
    return value.strip() if isinstance(value, str) else ""


def _check_user_fields(c: Collector, username: str, full_name: str, password: str) -> str | None:
    """Record the problems in ``c``; return the cleaned full name."""
    if not USERNAME.fullmatch(_stripped(username)):
        c.add("username", "username_format")
    name = c.text("full_name", full_name, max_len=100)
    if not isinstance(password, str) or len(password) < 8:
        c.add("password", "password_weak")
    return name


def _add_user(session: Session, actor: Actor, username: str, full_name: str, role: str,
              password: str, office_code: str, *, must_change_password: bool = False) -> UserInfo:
    username = username.strip()
    if session.exec(select(User).where(User.username == username)).first() is not None:
        raise ValidationError(FieldError("username", "username_taken", {"value": username}))
    user = User(username=username, full_name=full_name, role=role,
                password_hash=_hasher().hash(password), office_code=office_code,
                origin_office=office_code, must_change_password=must_change_password)
    session.add(user)
    audit.record(session, actor, "create", "user", username, {"role": [None, role]})
    return UserInfo(user.username, user.full_name, user.role, user.office_code, user.must_change_password)


def create_user(db, actor: Actor, *, username: str, full_name: str, role: str, password: str) -> UserInfo:
    """An administrator adds a user; the password it is given is a first one only: the user must
    change it at the first sign-in (no password an administrator knows stays in use)."""
    from app.core.permissions import require

    require(actor, "user.manage")
    c = Collector()
    full_name = _check_user_fields(c, username, full_name, password)
    c.choice("role", role, ROLES)
    if c.errors:
        raise ValidationError(c.errors)
    with db.session() as session:
        return _add_user(session, actor, username, full_name, role, password, actor.office_code,
                         must_change_password=True)


def authenticate(db, username: str, password: str) -> UserInfo | None:
    """The user when the password is right, else None. No lockout and no audit: the sign-in
    screen uses ``app.core.auth.sign_in``."""
    from argon2.exceptions import VerificationError

    if not isinstance(username, str) or not isinstance(password, str):
        return None
    with db.session(write=False) as session:
        user = session.exec(select(User).where(User.username == username.strip())).first()
        if user is None or not user.active:
            return None
        try:
            _hasher().verify(user.password_hash, password)
        except VerificationError:
            return None
        return UserInfo(user.username, user.full_name, user.role, user.office_code, user.must_change_password)


def users(db) -> list[UserInfo]:
    with db.session(write=False) as session:
        return [UserInfo(u.username, u.full_name, u.role, u.office_code, u.must_change_password)
                for u in session.exec(select(User).order_by(User.username)).all()]

"""The audit trail: who did what to which record, when, and the changed fields (old → new)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from app.core.actor import Actor
from app.models import AuditEntry, utcnow


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return str(value)


def record(session: Session, actor: Actor, action: str, entity: str, entity_id: Any,
           changes: dict[str, Any] | None = None) -> None:
    """Add one audit entry inside the caller's transaction (never commits). One Core INSERT:
    audit rows are only ever added, so no ORM object is needed (registration is a hot path)."""
    import sqlalchemy as sa

    session.execute(sa.insert(AuditEntry), [dict(
        at=utcnow(), username=actor.username, office_code=actor.office_code, action=action,
        entity=entity, entity_id=None if entity_id is None else str(entity_id),
        changes=json.dumps(_plain(changes), ensure_ascii=False) if changes else None)])


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value changed."""
    return {k: [_plain(old.get(k)), _plain(v)] for k, v in new.items() if old.get(k) != v}


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    username: str
    office_code: str
    action: str
    entity: str
    entity_id: str | None
    changes: dict[str, Any]


def history(session: Session, entity: str, entity_id: Any) -> list[AuditRow]:
    rows = session.exec(select(AuditEntry).where(AuditEntry.entity == entity,
                                                 AuditEntry.entity_id == str(entity_id))
                        .order_by(AuditEntry.id)).all()
    return [AuditRow(r.at, r.username, r.office_code, r.action, r.entity, r.entity_id,
                     json.loads(r.changes) if r.changes else {}) for r in rows]


# --- exports and prints of personal data -------------------------------------------------------

def record_export(session: Session, actor: Actor, kind: str, entity: str, entity_ids: list[Any] | Any,
                  *, purpose: str | None = None, destination: str | None = None) -> None:
    """Log that personal data left the application (a print, a PDF, a file): what kind of output,
    whose records, why and where to. Inside the caller's transaction, like ``record``."""
    ids = [str(x) for x in entity_ids] if isinstance(entity_ids, (list, tuple, set)) else [str(entity_ids)]
    changes: dict[str, Any] = {"kind": [None, kind], "records": [None, len(ids)]}
    if len(ids) > 1:
        changes["ids"] = [None, ids[:1000]]
    if purpose:
        changes["purpose"] = [None, purpose]
    if destination:
        changes["destination"] = [None, destination]
    return record(session, actor, "export", entity, ids[0] if len(ids) == 1 else None, changes)


# --- the audit view (supervisors) ---------------------------------------------------------------

MAX_PAGE = 500


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int  # entries matching the filter (all pages)


def search(db, actor: Actor, *, text: str | None = None, username: str | None = None,
           entity: str | None = None, entity_id: Any = None, action: str | None = None,
           since: datetime | date | None = None, until: datetime | date | None = None,
           limit: int = 100, offset: int = 0) -> AuditPage:
    """Audit entries, newest first. ``text`` is found anywhere in the record id or the changed
    values; ``since``/``until`` are instants, or whole days in WIB when given as dates (``until``
    inclusive)."""
    import sqlalchemy as sa

    from app.core.permissions import require

    require(actor, "audit.view")
    limit = max(1, min(int(limit), MAX_PAGE))
    offset = max(0, int(offset))
    where = []
    if (text and isinstance(text, str) and "\x00" in text) or (username and "\x00" in username):
        # No entry holds a NUL character (changes are JSON, names are cleaned), and PostgreSQL
        # refuses one in a parameter: nothing matches.
        where.append(sa.false())
        text = username = None
    if text and isinstance(text, str) and text.strip():
        needle = text.strip()
        where.append(sa.or_(AuditEntry.changes.contains(needle, autoescape=True),
                            AuditEntry.entity_id.contains(needle, autoescape=True),
                            AuditEntry.username.contains(needle, autoescape=True)))
    if username:
        where.append(AuditEntry.username == username)
    if entity:
        where.append(AuditEntry.entity == entity)
    if entity_id is not None:
        where.append(AuditEntry.entity_id == str(entity_id))
    if action:
        where.append(AuditEntry.action == action)
    if since is not None:
        where.append(AuditEntry.at >= _instant(since, end=False))
    if until is not None:
        bound = _instant(until, end=True)
        where.append(AuditEntry.at < bound if isinstance(until, date) and not isinstance(until, datetime)
                     else AuditEntry.at <= bound)
    with db.session(write=False) as session:
        total = session.exec(select(sa.func.count()).select_from(AuditEntry).where(*where)).one()
        rows = session.exec(select(AuditEntry).where(*where).order_by(AuditEntry.id.desc())
                            .limit(limit).offset(offset)).all()
        return AuditPage([_row(r) for r in rows], total)


def _row(r: AuditEntry) -> AuditRow:
    return AuditRow(r.at, r.username, r.office_code, r.action, r.entity, r.entity_id,
                    json.loads(r.changes) if r.changes else {})


def _instant(value: datetime | date, *, end: bool) -> datetime:
    from datetime import timedelta, timezone

    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value
    wib = timezone(timedelta(hours=7))
    day = value + timedelta(days=1) if end else value
    return datetime(day.year, day.month, day.day, tzinfo=wib)

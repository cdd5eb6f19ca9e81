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
           changes: dict[str, Any] | None = None) -> AuditEntry:
    """Add one audit entry inside the caller's transaction (never commits)."""
    entry = AuditEntry(at=utcnow(), username=actor.username, office_code=actor.office_code,
                       action=action, entity=entity,
                       entity_id=None if entity_id is None else str(entity_id),
                       changes=json.dumps(_plain(changes), ensure_ascii=False) if changes else None)
    session.add(entry)
    return entry


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

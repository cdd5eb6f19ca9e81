"""The audit trail: who, when, which record, which fields old → new; append-only JSON."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

from app.core import audit
from app.core.actor import Actor


def test_diff_lists_only_changed_fields_as_plain_values():
    old = {"a": 1, "b": date(2001, 3, 17), "c": ["x"], "d": None}
    new = {"a": 1, "b": date(2001, 3, 18), "c": ["x", "y"], "d": "baru", "e": None}
    assert audit.diff(old, new) == {"b": ["2001-03-17", "2001-03-18"], "c": [["x"], ["x", "y"]], "d": [None, "baru"]}
    assert audit.diff(old, dict(old)) == {}


def test_record_and_history(db):
    actor = Actor("petugas1", "SRG-0001", "counter", "Petugas Satu")
    entity_id = uuid.uuid4()
    before = datetime.now(timezone.utc)
    with db.session() as s:
        audit.record(s, actor, "update", "applicant", entity_id,
                     {"full_name": ["Siti", "Siti Nurhaliza"], "when": [None, date(2026, 11, 25)],
                      "note": [None, "Robert'); DROP TABLE audit_entry;-- ✓"]})
        audit.record(s, actor, "print", "applicant", entity_id)
    with db.session() as s:
        audit.record(s, actor, "update", "applicant", uuid.uuid4(), {"x": [1, 2]})
    with db.session(write=False) as s:
        rows = audit.history(s, "applicant", entity_id)
    assert [r.action for r in rows] == ["update", "print"]
    first = rows[0]
    assert (first.username, first.office_code, first.entity, first.entity_id) == (
        "petugas1", "SRG-0001", "applicant", str(entity_id))
    assert first.changes == {"full_name": ["Siti", "Siti Nurhaliza"], "when": [None, "2026-11-25"],
                             "note": [None, "Robert'); DROP TABLE audit_entry;-- ✓"]}
    assert before <= first.at <= datetime.now(timezone.utc)
    assert rows[1].changes == {}


def test_audit_is_part_of_the_callers_transaction(db):
    actor = Actor("petugas1", "SRG-0001")
    entity_id = uuid.uuid4()
    try:
        with db.session() as s:
            audit.record(s, actor, "update", "applicant", entity_id, {"x": [1, 2]})
            raise RuntimeError("the change failed")
    except RuntimeError:
        pass
    with db.session(write=False) as s:
        assert audit.history(s, "applicant", entity_id) == []

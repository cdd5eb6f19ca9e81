"""The audit table is append-only for the application: the database itself refuses UPDATE and
DELETE of audit entries (migration 0002), except the one-time redaction of an anonymised
applicant's values."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app.core import audit, personal_data, registration
from app.core.actor import Actor
from app.db import head_revision
from app.models import AuditEntry
from tests.conftest import TODAY, applicant_input


def entry_ids(db) -> list[int]:
    with db.session(write=False) as s:
        return list(s.execute(sa.select(AuditEntry.id).order_by(AuditEntry.id)).scalars())


@pytest.mark.parametrize("sql", [
    "UPDATE audit_entry SET username = 'someone_else'",
    "UPDATE audit_entry SET changes = '{}'",
    "UPDATE audit_entry SET changes = NULL",
    "UPDATE audit_entry SET at = '2020-01-01 00:00:00'",
    # a "redaction" that also changes who did it is refused too
    "UPDATE audit_entry SET changes = '{\"_redacted\": [null, \"x\"]}', username = 'x'",
    "DELETE FROM audit_entry",
])
def test_the_database_refuses_changes_to_audit_entries(db, actor, sql):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    before = entry_ids(db)
    with db.engine.connect() as conn:
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            conn.exec_driver_sql(sql)
        conn.rollback()
    assert entry_ids(db) == before
    with db.session(write=False) as s:
        assert "petugas1" in s.execute(sa.select(AuditEntry.username)).scalars().all()


def test_appending_still_works_and_orm_deletes_fail(db, actor):
    with db.session() as s:
        audit.record(s, actor, "print", "applicant", "x")
    with pytest.raises(sa.exc.DatabaseError):
        with db.session() as s:
            s.delete(s.execute(sa.select(AuditEntry)).scalars().first())


def test_redaction_is_allowed_once(db, actor):
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    supervisor = Actor("sv", actor.office_code, "supervisor")
    personal_data.anonymise_applicant(db, supervisor, d.id, "menarik persetujuan")
    with db.engine.connect() as conn:
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):  # no second rewrite
            conn.execute(sa.text("UPDATE audit_entry SET changes = :c WHERE action = 'create'"),
                         {"c": json.dumps({"full_name": [None, "Siti"], "_redacted": [None, "y"]})})
        conn.rollback()
    history = registration.history(db, d.id, actor)
    assert history[0].changes["full_name"] == [None, "***"]


def test_triggers_exist_at_head(db):
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            names = set(conn.exec_driver_sql(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_entry'::regclass").scalars())
            assert "audit_entry_append_only" in names
        else:
            names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
            assert {"audit_entry_no_update", "audit_entry_no_delete"} <= names
    assert head_revision() >= "0002"

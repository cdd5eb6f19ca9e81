"""audit_entry is append-only: triggers refuse UPDATE and DELETE

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 21:15:00

The one change let through is the redaction of an anonymised applicant's old values
(``app/core/personal_data.py``): ``changes`` may be replaced, once, by JSON that carries a
``_redacted`` key, with every other column unchanged. Dropping the table is not a row change and
fires no trigger: a later migration that rebuilds ``audit_entry`` (a batch ALTER on SQLite) must
create these triggers again (tests/test_audit_append_only.py checks they exist at head).
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_SAME_ROW = ("NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.username IS OLD.username "
             "AND NEW.office_code IS OLD.office_code AND NEW.action IS OLD.action "
             "AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id")

SQLITE_UP = [
    f"""CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    WHEN NOT ({_SAME_ROW}
              AND json_valid(NEW.changes) AND json_extract(NEW.changes, '$._redacted') IS NOT NULL
              AND (OLD.changes IS NULL OR NOT json_valid(OLD.changes)
                   OR json_extract(OLD.changes, '$._redacted') IS NULL))
    BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END""",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END""",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS audit_entry_no_update", "DROP TRIGGER IF EXISTS audit_entry_no_delete"]

POSTGRES_UP = [
    f"""CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND {_SAME_ROW.replace(' IS ', ' IS NOT DISTINCT FROM ')}
           AND NEW.changes::jsonb ? '_redacted'
           AND (OLD.changes IS NULL OR NOT (OLD.changes::jsonb ? '_redacted')) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()""",
]
POSTGRES_DOWN = ["DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
                 "DROP FUNCTION IF EXISTS audit_entry_append_only()"]


def _run(statements) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)

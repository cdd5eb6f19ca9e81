"""indexes on updated_at of the tables that feed matching's signals

The matching engine keeps its candidate arrays current: besides changed applicants it re-reads the
document completeness and the training figures of applicants whose documents, attendance marks or
scores changed since its last look, found by ``updated_at`` (these covering indexes make that a
short range scan).

Revision ID: 0008
Revises: 0006
"""
from alembic import op

revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None

_INDEXES = (("applicant_document", "ix_applicant_document_updated_at_applicant_id"),
            ("training_attendance", "ix_training_attendance_updated_at_applicant_id"),
            ("training_score", "ix_training_score_updated_at_applicant_id"))


def upgrade() -> None:
    for table, name in _INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, ['updated_at', 'applicant_id'], unique=False)


def downgrade() -> None:
    for table, name in reversed(_INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
